// The steps every write of the case store shares (see write_support.h).
#include "store/write_support.h"

#include <cstdlib>
#include <ctime>

#include "claimgraph/casefile_writer.h"
#include "store/record_text.h"

namespace claimgraph::store {

StoreWrite Outcome(StoreWrite::Outcome outcome, Status status, std::vector<std::string> ids) {
  StoreWrite write;
  write.outcome = outcome;
  write.status = std::move(status);
  write.ids = std::move(ids);
  return write;
}

StoreWrite Failed(Status status) { return Outcome(StoreWrite::Outcome::kFailed, std::move(status)); }

StoreWrite Refused(StoreWrite::Outcome outcome, const std::string& file, const std::string& what,
                   std::vector<std::string> ids) {
  return Outcome(outcome, Status::Error(file + ": error: " + what), std::move(ids));
}

std::string Quoted(std::string_view text) {
  std::string quoted;
  AppendJsonString(quoted, text);
  return quoted;
}

std::string QuotedList(const std::vector<std::string>& ids) {
  std::string list;
  for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + Quoted(id);
  return list;
}

namespace {

// RFC 3339 UTC, to the second. SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the clock,
// so that a demo or a test gets the same history every run.
std::string Now() {
  std::time_t seconds = std::time(nullptr);
  if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH"); fixed != nullptr && *fixed != '\0') {
    char* end = nullptr;
    const long long value = std::strtoll(fixed, &end, 10);
    if (end != nullptr && *end == '\0' && value >= 0) seconds = static_cast<std::time_t>(value);
  }

  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace

// The loader's checks over the whole case: the stored records as the first "file", the new
// text as the second. Warnings are left out: they would name the store's own records.
LoadResult LoadWithStored(const std::string& store_path, const std::string& stored_text,
                          const std::vector<std::string>& names, const std::vector<std::string_view>& texts) {
  std::vector<std::string> all_names{store_path};
  std::vector<std::string_view> all_texts{stored_text};
  all_names.insert(all_names.end(), names.begin(), names.end());
  all_texts.insert(all_texts.end(), texts.begin(), texts.end());
  LoadOptions options;
  options.warnings = false;
  return LoadCasefileTexts(all_names, all_texts, options);
}

// The key of a record without an id: the ids it joins, split by a space (no id holds one).
std::string KeyBase(const CaseData& data, std::string_view collection, size_t index) {
  if (collection == "assertions") {
    const Assertion& assertion = data.assertions[index];
    return data.sources[assertion.source].id + " " + data.claims[assertion.claim].id;
  }
  if (collection == "citations") {
    const Citation& citation = data.citations[index];
    return data.sources[citation.from].id + " " + data.sources[citation.to].id;
  }
  if (collection == "verdicts") return data.claims[data.verdicts[index].claim].id;
  if (collection == "entities") return data.entities[index].id;
  if (collection == "sources") return data.sources[index].id;
  return data.claims[index].id;
}

std::vector<NewRecord> RecordsOfFile(const CaseData& data, uint32_t file) {
  CasefileRecordTexts texts = RecordTexts(data);
  std::vector<NewRecord> records;
  auto collect = [&](std::string_view collection, const auto& items, std::vector<std::string>& lines) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].place.file >= file) records.push_back({collection, KeyBase(data, collection, i), std::move(lines[i])});
    }
  };
  collect("entities", data.entities, texts.entities);
  collect("sources", data.sources, texts.sources);
  collect("claims", data.claims, texts.claims);
  collect("assertions", data.assertions, texts.assertions);
  collect("citations", data.citations, texts.citations);
  collect("verdicts", data.verdicts, texts.verdicts);
  return records;
}

// Starts a write: the store must be writable, and the lock is taken before anything is read.
void DropExcluded(std::vector<RecordRow>& rows, std::string_view id) {
  for (RecordRow& row : rows) {
    if (row.collection == "claims" && row.id != id) row.json = ClaimWithoutExcluded(row.json, id);
  }
}

Status SyncStoredClaims(Database& database, const CaseData& data, std::string_view skip_id,
                        std::vector<HistoryEntry>& entries) {
  const std::vector<std::string> texts = RecordTexts(data).claims;
  for (size_t i = 0; i < data.claims.size(); ++i) {
    const Claim& claim = data.claims[i];
    if (claim.place.file != 0 || claim.id == skip_id) continue;
    Result<std::optional<std::string>> stored = database.RecordJson("claims", claim.id);
    if (!stored.ok()) return stored.status();
    if (!stored.value() || *stored.value() == texts[i]) continue;
    if (Status status = database.UpdateRecord("claims", claim.id, texts[i]); !status.ok()) return status;
    entries.push_back({0, "", "", "put", "claims", claim.id, std::move(*stored.value()), texts[i]});
  }
  return Status::Ok();
}

Status StartWrite(Database& database) {
  if (!database.writable()) {
    return Status::Error(database.path() + ": error: the store was opened read-only");
  }
  return database.Begin();
}

Result<std::string> StoredCasefile(Database& database) {
  Result<std::vector<RecordRow>> rows = database.Records();
  if (!rows.ok()) return rows.status();
  return CasefileOfRows(rows.value());
}

// Appends revision `revision` and writes `entries` in the current transaction.
namespace {

Status AppendEntries(Database& database, int64_t revision, std::string_view author,
                     std::vector<HistoryEntry>& entries) {
  const std::string time = Now();
  if (Status status = database.AppendRevision(revision, author, time); !status.ok()) return status;
  for (HistoryEntry& entry : entries) {
    entry.revision = revision;
    entry.author = std::string(author);
    entry.time = time;
    if (Status status = database.AppendHistory(entry); !status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

StoreWrite CommitRevision(Database& database, WriteTransaction& transaction, std::string_view author,
                          std::vector<HistoryEntry>& entries, std::vector<std::string> ids) {
  Result<int64_t> revision = database.Revision();
  if (!revision.ok()) return Failed(revision.status());
  if (Status status = AppendEntries(database, revision.value() + 1, author, entries); !status.ok()) return Failed(status);
  if (Status status = transaction.Commit(); !status.ok()) return Failed(status);
  StoreWrite write = Outcome(StoreWrite::Outcome::kApplied, Status::Ok(), std::move(ids));
  write.revision = revision.value() + 1;
  return write;
}

}  // namespace claimgraph::store
