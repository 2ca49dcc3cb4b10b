// Record JSON read with RapidJSON's DOM: a record is one short line, and the rows were
// written by the casefile writer, so they parse; a row that does not yields no ids.
#include "store/record_text.h"

#include "claimgraph/casefile_writer.h"
#include "rapidjson/document.h"

namespace claimgraph::store {
namespace {

void AppendStrings(const rapidjson::Value& object, const char* field, std::vector<std::string>& ids) {
  const auto member = object.FindMember(field);
  if (member == object.MemberEnd()) return;
  if (member->value.IsString()) {
    ids.emplace_back(member->value.GetString(), member->value.GetStringLength());
  } else if (member->value.IsArray()) {
    for (const rapidjson::Value& item : member->value.GetArray()) {
      if (item.IsString()) ids.emplace_back(item.GetString(), item.GetStringLength());
    }
  }
}

}  // namespace

bool IsCollection(std::string_view name) {
  for (std::string_view collection : kCollections) {
    if (collection == name) return true;
  }
  return false;
}

bool HasOwnId(std::string_view collection) {
  return collection == "entities" || collection == "sources" || collection == "claims";
}

std::vector<std::string> ReferencedIds(std::string_view collection, std::string_view json) {
  std::vector<std::string> ids;
  rapidjson::Document record;
  record.Parse(json.data(), json.size());
  if (record.HasParseError() || !record.IsObject()) return ids;
  // The reference fields of docs/casefile-format.md, by record kind.
  if (collection == "entities") {
    AppendStrings(record, "controlled_by", ids);
  } else if (collection == "sources") {
    AppendStrings(record, "publisher", ids);
  } else if (collection == "claims") {
    AppendStrings(record, "about", ids);
    AppendStrings(record, "excludes", ids);
  } else if (collection == "assertions") {
    AppendStrings(record, "source", ids);
    AppendStrings(record, "claim", ids);
    AppendStrings(record, "speaker", ids);
  } else if (collection == "citations") {
    AppendStrings(record, "from", ids);
    AppendStrings(record, "to", ids);
  } else if (collection == "verdicts") {
    AppendStrings(record, "claim", ids);
  }
  return ids;
}

std::string ClaimWithoutExcluded(std::string_view json, std::string_view id) {
  rapidjson::Document record;
  record.Parse(json.data(), json.size());
  if (record.HasParseError() || !record.IsObject()) return std::string(json);
  const auto excludes = record.FindMember("excludes");
  if (excludes == record.MemberEnd() || !excludes->value.IsArray()) return std::string(json);
  bool found = false;
  for (const rapidjson::Value& item : excludes->value.GetArray()) {
    found = found || (item.IsString() && std::string_view(item.GetString(), item.GetStringLength()) == id);
  }
  if (!found) return std::string(json);
  // A claim holds strings and arrays of strings only (docs/casefile-format.md).
  std::string out = "{";
  for (const auto& member : record.GetObject()) {
    const std::string_view key(member.name.GetString(), member.name.GetStringLength());
    std::vector<std::string_view> items;
    if (member.value.IsArray()) {
      for (const rapidjson::Value& item : member.value.GetArray()) {
        if (!item.IsString()) continue;
        const std::string_view text(item.GetString(), item.GetStringLength());
        if (key != "excludes" || text != id) items.push_back(text);
      }
      if (items.empty()) continue;
    }
    if (out.size() > 1) out += ", ";
    AppendJsonString(out, key);
    out += ": ";
    if (member.value.IsString()) {
      AppendJsonString(out, std::string_view(member.value.GetString(), member.value.GetStringLength()));
      continue;
    }
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      AppendJsonString(out, items[i]);
    }
    out += ']';
  }
  out += '}';
  return out;
}

std::string StringField(std::string_view json, std::string_view field) {
  rapidjson::Document record;
  record.Parse(json.data(), json.size());
  if (record.HasParseError() || !record.IsObject()) return "";
  const auto member = record.FindMember(rapidjson::Value(rapidjson::StringRef(field.data(), field.size())));
  if (member == record.MemberEnd() || !member->value.IsString()) return "";
  return std::string(member->value.GetString(), member->value.GetStringLength());
}

std::vector<std::string> DefinedIds(std::string_view casefile_text) {
  std::vector<std::string> ids;
  rapidjson::Document casefile;
  casefile.Parse(casefile_text.data(), casefile_text.size());
  if (casefile.HasParseError() || !casefile.IsObject()) return ids;
  for (const char* collection : {"entities", "sources", "claims"}) {
    const auto records = casefile.FindMember(collection);
    if (records == casefile.MemberEnd() || !records->value.IsArray()) continue;
    for (const rapidjson::Value& record : records->value.GetArray()) {
      if (!record.IsObject()) continue;
      const auto id = record.FindMember("id");
      if (id != record.MemberEnd() && id->value.IsString()) {
        ids.emplace_back(id->value.GetString(), id->value.GetStringLength());
      }
    }
  }
  return ids;
}

std::string CasefileOfRows(const std::vector<RecordRow>& rows) {
  std::string out = "{\n  \"claimgraph\": \"1.0\"";
  size_t at = 0;
  // The "case" rows come first: the title ({"title": "..."}) and the review block.
  for (; at < rows.size() && rows[at].collection == "case"; ++at) {
    if (rows[at].id == "title") {
      out += ",\n  \"title\": ";
      AppendJsonString(out, StringField(rows[at].json, "title"));
    }
  }
  for (size_t i = 0; i < at; ++i) {
    if (rows[i].id == "review") out += ",\n  \"review\": " + rows[i].json;
  }
  while (at < rows.size()) {
    const std::string& collection = rows[at].collection;
    out += ",\n  ";
    AppendJsonString(out, collection);
    out += ": [\n";
    for (bool first = true; at < rows.size() && rows[at].collection == collection; ++at, first = false) {
      if (!first) out += ",\n";
      out += "    " + rows[at].json;
    }
    out += "\n  ]";
  }
  out += "\n}\n";
  return out;
}

std::string OneRecordCasefile(std::string_view collection, std::string_view record_json) {
  std::string text = "{\"claimgraph\": \"1.0\", ";
  AppendJsonString(text, collection);
  text += ": [\n";
  text += record_json;
  text += "\n]}\n";
  return text;
}

}  // namespace claimgraph::store
