// The case store's rules, above the SQLite adapter: every write re-runs the whole loader
// over the case it would leave (so nothing invalid is ever stored), and appends one revision
// and one history entry per changed record in the same transaction.
#include "claimgraph/store.h"

#include <cstdlib>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"
#include "store/record_text.h"
#include "store/sqlite_database.h"
#include "store/write_support.h"

namespace claimgraph {

using store::CommitRevision;
using store::Database;
using store::Failed;
using store::LoadWithStored;
using store::NewRecord;
using store::Outcome;
using store::QuotedList;
using store::RecordsOfFile;
using store::Refused;
using store::StartWrite;
using store::StoredCasefile;
using store::WriteTransaction;

CaseStore::CaseStore(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {}
CaseStore::CaseStore(CaseStore&&) noexcept = default;
CaseStore& CaseStore::operator=(CaseStore&&) noexcept = default;
CaseStore::~CaseStore() = default;

Result<CaseStore> CaseStore::Create(const std::string& path) {
  Result<std::unique_ptr<Database>> database = Database::Create(path);
  if (!database.ok()) return database.status();
  auto connection = std::make_unique<Connection>();
  connection->database = std::move(database.value());
  return CaseStore(std::move(connection));
}

Result<CaseStore> CaseStore::Open(const std::string& path, bool writable) {
  Result<std::unique_ptr<Database>> database = Database::Open(path, writable);
  if (!database.ok()) return database.status();
  auto connection = std::make_unique<Connection>();
  connection->database = std::move(database.value());
  return CaseStore(std::move(connection));
}

const std::string& CaseStore::path() const { return connection_->database->path(); }

StoreWrite CaseStore::Add(std::string_view casefile_text, std::string_view name, std::string_view author) {
  return AddCasefiles({std::string(name)}, {casefile_text}, author);
}

StoreWrite CaseStore::AddCasefiles(const std::vector<std::string>& names,
                                   const std::vector<std::string_view>& texts, std::string_view author) {
  Database& database = *connection_->database;
  if (names.size() != texts.size()) {
    return Failed(Status::Error("CaseStore::AddCasefiles: " + std::to_string(names.size()) + " names for " +
                                    std::to_string(texts.size()) + " texts",
                                ExitCode::kInternalError));
  }
  if (Status started = StartWrite(database); !started.ok()) return Failed(started);
  WriteTransaction transaction(database);
  Result<std::string> stored = StoredCasefile(database);
  if (!stored.ok()) return Failed(stored.status());

  // An id already stored is a conflict, reported as such rather than as the loader's
  // "duplicate id", so that a client can tell "already there" from "wrong".
  std::vector<std::string> conflicts;
  std::vector<Diagnostic> conflict_diagnostics;
  for (size_t file = 0; file < texts.size(); ++file) {
    std::vector<std::string> in_file;
    for (const std::string& id : store::DefinedIds(texts[file])) {
      Result<bool> taken = database.HasNodeId(id);
      if (!taken.ok()) return Failed(taken.status());
      if (taken.value()) in_file.push_back(id);
    }
    if (in_file.empty()) continue;
    conflict_diagnostics.push_back({Severity::kError, names[file], 0, 0, "",
                                    std::string(in_file.size() == 1 ? "id " : "ids ") + QuotedList(in_file) +
                                        (in_file.size() == 1 ? " is" : " are") + " already in the store " +
                                        database.path()});
    conflicts.insert(conflicts.end(), in_file.begin(), in_file.end());
  }
  if (!conflicts.empty()) {
    return Outcome(StoreWrite::Outcome::kConflict, Status::FromDiagnostics(std::move(conflict_diagnostics)),
                   std::move(conflicts));
  }

  LoadResult loaded = LoadWithStored(database.path(), stored.value(), names, texts);
  if (!loaded.ok()) return Outcome(StoreWrite::Outcome::kInvalid, loaded.status());
  const CaseData& data = loaded.graph->data();

  std::vector<HistoryEntry> entries;
  std::vector<std::string> ids;
  // The title and review block of the first casefile that had one, as the loader keeps them.
  auto header = [&](const char* id, std::string json) -> Status {
    Result<std::optional<std::string>> old = database.RecordJson("case", id);
    if (!old.ok()) return old.status();
    if (old.value()) return Status::Ok();
    if (Status status = database.InsertRecord("case", id, json); !status.ok()) return status;
    entries.push_back({0, "", "", "add", "case", id, "", std::move(json)});
    ids.push_back(id);
    return Status::Ok();
  };
  if (!data.title.empty()) {
    std::string json = "{\"title\": ";
    AppendJsonString(json, data.title);
    if (Status status = header("title", json + "}"); !status.ok()) return Failed(status);
  }
  if (data.review.present()) {
    CaseData review_only;
    review_only.review = data.review;
    // The writer's own review line, cut from the text of a case with nothing else in it.
    const std::string text = CasefileText(review_only);
    const size_t begin = text.find("\"review\": ");
    const size_t end = text.rfind('}', text.size() - 3);
    if (begin != std::string::npos && end != std::string::npos && end > begin) {
      std::string json = text.substr(begin + 10, end - begin - 9);
      if (Status status = header("review", std::move(json)); !status.ok()) return Failed(status);
    }
  }
  for (NewRecord& record : RecordsOfFile(data, 1)) {
    std::string id = record.key_base;
    for (int suffix = 2; !store::HasOwnId(record.collection); ++suffix) {
      Result<std::optional<std::string>> existing = database.RecordJson(record.collection, id);
      if (!existing.ok()) return Failed(existing.status());
      if (!existing.value()) break;
      id = record.key_base + " " + std::to_string(suffix);
    }
    if (Status status = database.InsertRecord(record.collection, id, record.json); !status.ok()) return Failed(status);
    entries.push_back({0, "", "", "add", std::string(record.collection), id, "", std::move(record.json)});
    ids.push_back(std::move(id));
  }
  if (Status status = store::SyncStoredClaims(database, data, "", entries); !status.ok()) return Failed(status);
  if (entries.empty()) {
    return Refused(StoreWrite::Outcome::kInvalid, names.empty() ? database.path() : names.back(),
                   std::string(names.size() > 1 ? "hold" : "holds") + " no records to add");
  }
  return CommitRevision(database, transaction, author, entries, std::move(ids));
}

Result<std::string> CaseStore::ExportCasefile() const { return StoredCasefile(*connection_->database); }

int64_t CaseStore::Revision() const {
  Result<int64_t> revision = connection_->database->Revision();
  return revision.ok() ? revision.value() : 0;
}

Result<std::vector<HistoryEntry>> CaseStore::History(std::optional<std::string_view> record_id) const {
  return connection_->database->History(record_id);
}

std::string DefaultStoreAuthor() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

}  // namespace claimgraph
