// Put and Delete of one stored record. Both re-run the loader over the case they would
// leave; Delete first refuses a record that others refer to, naming them, since the loader
// would only say "unknown id" about each of them.
#include <algorithm>

#include "claimgraph/store.h"
#include "store/record_text.h"
#include "store/write_support.h"

namespace claimgraph {
namespace {

using store::Database;
using store::Failed;
using store::Outcome;
using store::Quoted;
using store::QuotedList;
using store::Refused;

// A Put's diagnostics point into the one-record casefile the record was wrapped in: move
// them back into `record_json` (one line up; the pointer without "/COLLECTION/0").
Status IntoRecordText(const Status& status, std::string_view collection, std::string_view name) {
  const std::string prefix = "/" + std::string(collection) + "/0";
  std::vector<Diagnostic> diagnostics = status.diagnostics();
  for (Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.file != name) continue;
    if (diagnostic.line > 1) {
      --diagnostic.line;
    } else {
      diagnostic.line = 0;
      diagnostic.column = 0;
    }
    if (diagnostic.pointer.compare(0, prefix.size(), prefix) == 0 &&
        (diagnostic.pointer.size() == prefix.size() || diagnostic.pointer[prefix.size()] == '/')) {
      diagnostic.pointer.erase(0, prefix.size());
    }
  }
  return Status::FromDiagnostics(std::move(diagnostics));
}

// True when `id` is `base` or `base` with a " N" suffix the store gave a second record.
bool IsKeyOf(std::string_view id, std::string_view base) {
  if (id == base) return true;
  if (id.size() <= base.size() + 1 || id.substr(0, base.size()) != base || id[base.size()] != ' ') {
    return false;
  }
  const std::string_view suffix = id.substr(base.size() + 1);
  return std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string WhatMakesTheKey(std::string_view collection) {
  if (collection == "assertions") return "an assertion's source and claim";
  if (collection == "citations") return "a citation's from and to";
  return "a verdict's claim";
}

StoreWrite UnknownCollection(const std::string& file, std::string_view collection) {
  return Refused(StoreWrite::Outcome::kInvalid, file,
                 "unknown collection " + Quoted(collection) +
                     " (one of entities, sources, claims, assertions, citations, verdicts)");
}

StoreWrite NoSuchRecord(const Database& database, std::string_view collection, std::string_view id) {
  return Refused(StoreWrite::Outcome::kNotFound, database.path(),
                 "no record " + Quoted(id) + " in " + std::string(collection));
}

}  // namespace

StoreWrite CaseStore::Put(std::string_view collection, std::string_view id, std::string_view record_json,
                          std::string_view name, std::string_view author) {
  Database& database = *connection_->database;
  if (!store::IsCollection(collection)) return UnknownCollection(std::string(name), collection);
  if (Status started = store::StartWrite(database); !started.ok()) return Failed(started);
  store::WriteTransaction transaction(database);
  Result<std::optional<std::string>> before = database.RecordJson(collection, id);
  if (!before.ok()) return Failed(before.status());
  if (!before.value()) return NoSuchRecord(database, collection, id);
  if (store::HasOwnId(collection)) {
    const std::string given = store::StringField(record_json, "id");
    if (!given.empty() && given != id) {
      return Refused(StoreWrite::Outcome::kInvalid, std::string(name),
                     "/id: the record's id " + Quoted(given) + " is not " + Quoted(id) +
                         ", the record it would replace");
    }
  }
  Result<std::vector<store::RecordRow>> rows = database.Records();
  if (!rows.ok()) return Failed(rows.status());
  std::erase_if(rows.value(), [&](const store::RecordRow& row) { return row.collection == collection && row.id == id; });
  if (collection == "claims") store::DropExcluded(rows.value(), id);
  const std::string fragment = store::OneRecordCasefile(collection, record_json);
  LoadResult loaded = store::LoadWithStored(database.path(), store::CasefileOfRows(rows.value()),
                                           {std::string(name)}, {fragment});
  if (!loaded.ok()) {
    return Outcome(StoreWrite::Outcome::kInvalid, IntoRecordText(loaded.status(), collection, name));
  }
  std::vector<store::NewRecord> records = store::RecordsOfFile(loaded.graph->data(), 1);
  if (records.size() != 1) {  // the schema allows exactly one record where it was put
    return Failed(Status::Error(std::string(name) + ": error: expected one record", ExitCode::kInternalError));
  }
  if (!store::HasOwnId(collection) && !IsKeyOf(id, records[0].key_base)) {
    return Refused(StoreWrite::Outcome::kInvalid, std::string(name),
                   WhatMakesTheKey(collection) + " make its id " + Quoted(id) + " (here " +
                       Quoted(records[0].key_base) + "): delete it and add the changed record instead");
  }
  if (Status status = database.UpdateRecord(collection, id, records[0].json); !status.ok()) return Failed(status);
  std::vector<HistoryEntry> entries;
  if (Status status = store::SyncStoredClaims(database, loaded.graph->data(), id, entries); !status.ok()) {
    return Failed(status);
  }
  entries.insert(entries.begin(), HistoryEntry{0, "", "", "put", std::string(collection), std::string(id),
                                               std::move(*before.value()), std::move(records[0].json)});
  return store::CommitRevision(database, transaction, author, entries, {std::string(id)});
}

StoreWrite CaseStore::Delete(std::string_view collection, std::string_view id, std::string_view author) {
  Database& database = *connection_->database;
  if (!store::IsCollection(collection)) return UnknownCollection(database.path(), collection);
  if (Status started = store::StartWrite(database); !started.ok()) return Failed(started);
  store::WriteTransaction transaction(database);
  Result<std::optional<std::string>> before = database.RecordJson(collection, id);
  if (!before.ok()) return Failed(before.status());
  if (!before.value()) return NoSuchRecord(database, collection, id);
  Result<std::vector<store::RecordRow>> rows = database.Records();
  if (!rows.ok()) return Failed(rows.status());
  std::erase_if(rows.value(), [&](const store::RecordRow& row) { return row.collection == collection && row.id == id; });
  // A claim's exclusions go with it; the other claims' rows are updated (and recorded) below.
  if (collection == "claims") store::DropExcluded(rows.value(), id);

  if (store::HasOwnId(collection)) {
    std::vector<std::string> referring;
    std::string listed;
    for (const store::RecordRow& row : rows.value()) {
      if (row.collection == "case") continue;
      const std::vector<std::string> ids = store::ReferencedIds(row.collection, row.json);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
      referring.push_back(row.id);
      listed += (listed.empty() ? "" : ", ") + row.collection + " " + Quoted(row.id);
    }
    if (!referring.empty()) {
      return Refused(StoreWrite::Outcome::kReferenced, database.path(),
                     "cannot delete " + std::string(collection) + " " + Quoted(id) + ": referred to by " +
                         listed + " (delete or change those first)",
                     std::move(referring));
    }
  }
  // Whatever the reference check missed, the loader does not: nothing invalid is left.
  LoadOptions options;
  options.warnings = false;
  const std::string remaining = store::CasefileOfRows(rows.value());
  LoadResult loaded = LoadCasefileTexts({database.path()}, {remaining}, options);
  if (!loaded.ok()) return Outcome(StoreWrite::Outcome::kInvalid, loaded.status());

  if (Status status = database.DeleteRecord(collection, id); !status.ok()) return Failed(status);
  std::vector<HistoryEntry> entries;
  entries.push_back({0, "", "", "delete", std::string(collection), std::string(id), std::move(*before.value()), ""});
  if (Status status = store::SyncStoredClaims(database, loaded.graph->data(), id, entries); !status.ok()) {
    return Failed(status);
  }
  return store::CommitRevision(database, transaction, author, entries, {std::string(id)});
}

}  // namespace claimgraph
