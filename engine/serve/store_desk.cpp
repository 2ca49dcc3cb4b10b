// The desk over a SQLite store (claimgraph/store.h): the served case is the store's export,
// loaded by the same loader as every command, so the API answers what `claimgraph score
// DESK.db` prints.
#include "claimgraph/store.h"
#include "serve/desk.h"

namespace claimgraph::serve {
namespace {

DeskWrite FromStore(StoreWrite write) {
  DeskWrite desk;
  desk.outcome = static_cast<DeskWrite::Outcome>(write.outcome);
  desk.revision = write.revision;
  desk.ids = std::move(write.ids);
  desk.status = std::move(write.status);
  return desk;
}

static_assert(static_cast<int>(StoreWrite::Outcome::kFailed) == static_cast<int>(DeskWrite::Outcome::kFailed));
static_assert(static_cast<int>(StoreWrite::Outcome::kReferenced) == static_cast<int>(DeskWrite::Outcome::kReferenced));

class StoreDesk final : public Desk {
 public:
  explicit StoreDesk(CaseStore store) : store_(std::move(store)) {}

  int64_t Revision() const override { return store_.Revision(); }

  LoadResult Load() const override {
    Result<std::string> text = store_.ExportCasefile();
    if (!text.ok()) {
      LoadResult failed;
      failed.diagnostics.push_back({Severity::kError, store_.path(), 0, 0, "", text.status().message()});
      return failed;
    }
    return LoadCasefileTexts({store_.path()}, {text.value()});
  }

  DeskWrite Add(std::string_view text, std::string_view name, std::string_view author) override {
    return FromStore(store_.Add(text, name, author));
  }
  DeskWrite Put(std::string_view collection, std::string_view id, std::string_view record_json,
                std::string_view name, std::string_view author) override {
    return FromStore(store_.Put(collection, id, record_json, name, author));
  }
  DeskWrite Delete(std::string_view collection, std::string_view id, std::string_view author) override {
    return FromStore(store_.Delete(collection, id, author));
  }

  Result<std::vector<DeskChange>> History(std::optional<std::string_view> record_id) const override {
    Result<std::vector<HistoryEntry>> entries = store_.History(record_id);
    if (!entries.ok()) return entries.status();
    std::vector<DeskChange> changes;
    changes.reserve(entries->size());
    for (HistoryEntry& entry : entries.value()) {
      changes.push_back({entry.revision, std::move(entry.author), std::move(entry.time), std::move(entry.action),
                         std::move(entry.collection), std::move(entry.id), std::move(entry.before_json),
                         std::move(entry.after_json)});
    }
    return changes;
  }

 private:
  CaseStore store_;
};

}  // namespace

Result<std::unique_ptr<Desk>> OpenStoreDesk(const std::string& path) {
  Result<CaseStore> store = CaseStore::Open(path, true);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Desk>(std::make_unique<StoreDesk>(std::move(store.value())));
}

}  // namespace claimgraph::serve
