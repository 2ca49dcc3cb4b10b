// The in-memory desk: the case's texts are kept as given and loaded together on every change,
// so that a posted fragment is checked by the same loader as `claimgraph check`, with its
// diagnostics located in the fragment (their file is the name it was posted under).
#include <array>
#include <ctime>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "serve/desk.h"

namespace claimgraph::serve {
namespace {

constexpr const char* kCollections[] = {"entities", "sources", "claims", "assertions", "citations", "verdicts"};

std::string NowRfc3339() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

class MemoryDesk final : public Desk {
 public:
  MemoryDesk(std::string name, std::string text) {
    names_.push_back(std::move(name));
    texts_.push_back(std::move(text));
  }

  int64_t Revision() const override { return revision_; }

  LoadResult Load() const override {
    std::vector<std::string_view> views(texts_.begin(), texts_.end());
    return LoadCasefileTexts(names_, views);
  }

  DeskWrite Add(std::string_view casefile_text, std::string_view name, std::string_view author) override {
    DeskWrite write;
    LoadResult current = Load();
    std::vector<std::array<std::string, 3>> written;  // collection, id, record JSON
    rapidjson::Document fragment;
    fragment.Parse(casefile_text.data(), casefile_text.size());
    if (!fragment.HasParseError() && fragment.IsObject() && current.ok()) {
      for (const char* collection : kCollections) {
        auto records = fragment.FindMember(collection);
        if (records == fragment.MemberEnd() || !records->value.IsArray()) continue;
        for (const auto& record : records->value.GetArray()) {
          if (!record.IsObject()) continue;
          std::string id = record.HasMember("id") && record["id"].IsString() ? record["id"].GetString() : "";
          if (!id.empty() && current.graph->Find(id)) write.ids.push_back(id);
          rapidjson::StringBuffer json;
          rapidjson::Writer<rapidjson::StringBuffer> writer(json);
          record.Accept(writer);
          written.push_back({collection, id, json.GetString()});
        }
      }
    }
    if (!write.ids.empty()) {
      write.outcome = DeskWrite::Outcome::kConflict;
      write.status = Status::Error("already stored: " + write.ids.front());
      return write;
    }
    std::vector<std::string> names = names_;
    names.emplace_back(name);
    std::vector<std::string_view> views(texts_.begin(), texts_.end());
    views.push_back(casefile_text);
    LoadResult loaded = LoadCasefileTexts(names, views);
    if (!loaded.ok()) {
      write.outcome = DeskWrite::Outcome::kInvalid;
      write.status = loaded.status();
      return write;
    }
    names_.push_back(std::move(names.back()));
    texts_.emplace_back(casefile_text);
    ++revision_;
    for (auto& [collection, id, json] : written) {
      history_.push_back({revision_, std::string(author), NowRfc3339(), "add", collection, id, "", json});
      if (!id.empty()) write.ids.push_back(id);
    }
    write.outcome = DeskWrite::Outcome::kApplied;
    write.revision = revision_;
    return write;
  }

  DeskWrite Put(std::string_view, std::string_view, std::string_view, std::string_view,
                std::string_view) override {
    return Unsupported("replacing a record");
  }
  DeskWrite Delete(std::string_view, std::string_view, std::string_view) override {
    return Unsupported("deleting a record");
  }

  Result<std::vector<DeskChange>> History(std::optional<std::string_view> record_id) const override {
    std::vector<DeskChange> changes;
    for (const DeskChange& change : history_) {
      if (!record_id || change.id == *record_id) changes.push_back(change);
    }
    return changes;
  }

 private:
  static DeskWrite Unsupported(const std::string& what) {
    DeskWrite write;
    write.status = Status::Error(what + " needs a store (claimgraph store init DESK.db)");
    return write;
  }

  std::vector<std::string> names_;
  std::vector<std::string> texts_;
  std::vector<DeskChange> history_;
  int64_t revision_ = 0;
};

}  // namespace

std::unique_ptr<Desk> MakeMemoryDesk(std::string name, std::string casefile_text) {
  return std::make_unique<MemoryDesk>(std::move(name), std::move(casefile_text));
}

}  // namespace claimgraph::serve
