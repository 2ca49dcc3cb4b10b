// Every SQL statement of the case store. The schema is an ordered list of migrations; the
// file's PRAGMA user_version says how many have been applied, and opening a store for
// writing applies the missing ones in one transaction (docs/store.md).
#include "store/sqlite_database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace claimgraph::store {
namespace {

// "CGST": marks the file as a claimgraph store (PRAGMA application_id), so that another
// program's SQLite database is refused rather than read as an empty case.
constexpr int kApplicationId = 0x43475354;

// Migration N (1-based) takes a store from schema version N-1 to N. Never edit one that has
// shipped: add the next.
constexpr const char* kMigrations[] = {
    // 1: one row per record; one row per write (its revision, author and time); one row
    // per record a write changed, with the record before and after.
    "CREATE TABLE revisions (revision INTEGER PRIMARY KEY, author TEXT NOT NULL,"
    " time TEXT NOT NULL);"
    "CREATE TABLE records (sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
    " collection TEXT NOT NULL CHECK (collection IN ('case', 'entities', 'sources', 'claims',"
    " 'assertions', 'citations', 'verdicts')),"
    " id TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (collection, id));"
    "CREATE TABLE history (entry INTEGER PRIMARY KEY AUTOINCREMENT,"
    " revision INTEGER NOT NULL REFERENCES revisions (revision),"
    " action TEXT NOT NULL CHECK (action IN ('add', 'put', 'delete')),"
    " collection TEXT NOT NULL, id TEXT NOT NULL, before_json TEXT NOT NULL,"
    " after_json TEXT NOT NULL);",
    // 2: the audit trail is append-only, enforced by the database itself; and one record's
    // history is found by an index rather than a scan.
    "CREATE TRIGGER history_entries_are_never_changed BEFORE UPDATE ON history"
    " BEGIN SELECT RAISE(ABORT, 'the history is append-only: an entry cannot be changed'); END;"
    "CREATE TRIGGER history_entries_are_never_deleted BEFORE DELETE ON history"
    " BEGIN SELECT RAISE(ABORT, 'the history is append-only: an entry cannot be deleted'); END;"
    "CREATE INDEX history_by_record ON history (id, entry);",
};
constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

constexpr const char* kQueries[] = {
    // kSelectRecords
    "SELECT collection, id, json FROM records ORDER BY CASE collection WHEN 'case' THEN 0"
    " WHEN 'entities' THEN 1 WHEN 'sources' THEN 2 WHEN 'claims' THEN 3"
    " WHEN 'assertions' THEN 4 WHEN 'citations' THEN 5 ELSE 6 END, sequence",
    // kSelectRecord
    "SELECT json FROM records WHERE collection = ?1 AND id = ?2",
    // kSelectNodeId
    "SELECT 1 FROM records WHERE collection IN ('entities', 'sources', 'claims') AND id = ?1"
    " LIMIT 1",
    // kSelectRevision
    "SELECT coalesce(max(revision), 0) FROM revisions",
    // kSelectHistory
    "SELECT h.revision, r.author, r.time, h.action, h.collection, h.id, h.before_json,"
    " h.after_json FROM history AS h JOIN revisions AS r ON r.revision = h.revision"
    " ORDER BY h.entry",
    // kSelectRecordHistory
    "SELECT h.revision, r.author, r.time, h.action, h.collection, h.id, h.before_json,"
    " h.after_json FROM history AS h JOIN revisions AS r ON r.revision = h.revision"
    " WHERE h.id = ?1 ORDER BY h.entry",
    // kInsertRecord
    "INSERT INTO records (collection, id, json) VALUES (?1, ?2, ?3)",
    // kUpdateRecord
    "UPDATE records SET json = ?3 WHERE collection = ?1 AND id = ?2",
    // kDeleteRecord
    "DELETE FROM records WHERE collection = ?1 AND id = ?2",
    // kInsertRevision
    "INSERT INTO revisions (revision, author, time) VALUES (?1, ?2, ?3)",
    // kInsertHistory
    "INSERT INTO history (revision, action, collection, id, before_json, after_json)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

Status FileError(const std::string& path, const std::string& what,
                 ExitCode code = ExitCode::kInvalidInput) {
  return Status::Error(path + ": error: " + what, code);
}

Status SqlError(sqlite3* handle, const std::string& path, std::string_view doing) {
  return FileError(path, std::string(doing) + ": " + sqlite3_errmsg(handle),
                   ExitCode::kInternalError);
}

// Runs SQL text that binds nothing (the schema, transactions, pragmas with constant values).
Status Execute(sqlite3* handle, const std::string& path, const char* sql, std::string_view doing) {
  char* message = nullptr;
  if (sqlite3_exec(handle, sql, nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string text = message != nullptr ? message : sqlite3_errmsg(handle);
  sqlite3_free(message);
  return FileError(path, std::string(doing) + ": " + text, ExitCode::kInternalError);
}

Result<int> IntegerPragma(sqlite3* handle, const std::string& path, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
    return SqlError(handle, path, "cannot read the store's header");
  }
  const int step = sqlite3_step(statement);
  const int value = step == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  sqlite3_finalize(statement);
  if (step != SQLITE_ROW) return SqlError(handle, path, "cannot read the store's header");
  return value;
}

// Applies the migrations after `from` up to `to`, and the new user_version, in one transaction.
Status Migrate(sqlite3* handle, const std::string& path, int from, int to) {
  if (Status begun = Execute(handle, path, "BEGIN IMMEDIATE", "cannot migrate"); !begun.ok()) return begun;
  for (int version = from; version < to; ++version) {
    Status applied = Execute(handle, path, kMigrations[version],
                             "cannot migrate to schema version " + std::to_string(version + 1));
    if (!applied.ok()) {
      Execute(handle, path, "ROLLBACK", "");
      return applied;
    }
  }
  // PRAGMA takes no bound parameter; `to` is one of this file's constants.
  const std::string set_version = "PRAGMA user_version = " + std::to_string(to);
  Status set = Execute(handle, path, set_version.c_str(), "cannot migrate");
  if (set.ok()) set = Execute(handle, path, "COMMIT", "cannot migrate");
  if (!set.ok()) Execute(handle, path, "ROLLBACK", "");
  return set;
}

// The settings every connection needs: SQLite leaves foreign keys off per connection.
Status Configure(sqlite3* handle, const std::string& path) {
  sqlite3_busy_timeout(handle, 5000);
  return Execute(handle, path, "PRAGMA foreign_keys = ON", "cannot configure the store");
}

Status RefuseNonStoreFile(const std::string& path, bool writable) {
  struct stat status;
  if (::stat(path.c_str(), &status) != 0) {
    return FileError(path, std::string("cannot open the store: ") + std::strerror(errno));
  }
  if (S_ISDIR(status.st_mode)) return FileError(path, "is a directory, not a claimgraph store");
  if (!S_ISREG(status.st_mode)) return FileError(path, "is not a regular file, so not a claimgraph store");
  if (!IsCaseStoreFile(path)) {
    return FileError(path, "is not a claimgraph store (not an SQLite database; make one with 'claimgraph store init')");
  }
  if (writable && ::access(path.c_str(), R_OK | W_OK) != 0) {
    return FileError(path, std::string("cannot open the store for writing: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Result<sqlite3*> OpenHandle(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    Status error = FileError(path, std::string("cannot open the store: ") +
                                       (handle != nullptr ? sqlite3_errmsg(handle) : "out of memory"));
    sqlite3_close(handle);
    return error;
  }
  if (Status configured = Configure(handle, path); !configured.ok()) {
    sqlite3_close(handle);
    return configured;
  }
  return handle;
}

// A new file at `path` (never an existing one: O_EXCL), with the schema up to `version`.
Result<sqlite3*> CreateFile(const std::string& path, int version) {
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (descriptor < 0) {
    if (errno == EEXIST) return FileError(path, "already exists; 'store init' makes a new store");
    return FileError(path, std::string("cannot create the store: ") + std::strerror(errno));
  }
  ::close(descriptor);
  Result<sqlite3*> opened = OpenHandle(path, SQLITE_OPEN_READWRITE);
  Status status = opened.status();
  if (status.ok()) {
    sqlite3* handle = opened.value();
    const std::string application = "PRAGMA application_id = " + std::to_string(kApplicationId);
    status = Execute(handle, path, "PRAGMA journal_mode = WAL", "cannot create the store");
    if (status.ok()) status = Execute(handle, path, application.c_str(), "cannot create the store");
    if (status.ok()) status = Migrate(handle, path, 0, version);
    if (status.ok()) return handle;
    sqlite3_close(handle);
  }
  // Nothing half-made is left behind.
  ::unlink(path.c_str());
  ::unlink((path + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  return status;
}

}  // namespace

int LatestSchemaVersion() { return kLatest; }

Database::Database(sqlite3* handle, std::string path, bool writable)
    : handle_(handle), path_(std::move(path)), writable_(writable) {}

Database::~Database() {
  for (sqlite3_stmt* statement : statements_) sqlite3_finalize(statement);
  sqlite3_close(handle_);
}

Result<std::unique_ptr<Database>> Database::Create(const std::string& path) {
  Result<sqlite3*> handle = CreateFile(path, kLatest);
  if (!handle.ok()) return handle.status();
  return std::unique_ptr<Database>(new Database(handle.value(), path, true));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool writable) {
  if (Status refused = RefuseNonStoreFile(path, writable); !refused.ok()) return refused;
  Result<sqlite3*> opened = OpenHandle(path, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<Database> database(new Database(opened.value(), path, writable));
  sqlite3* handle = database->handle_;
  Result<int> application = IntegerPragma(handle, path, "PRAGMA application_id");
  if (!application.ok()) return application.status();
  if (application.value() != kApplicationId) {
    return FileError(path, "is an SQLite database but not a claimgraph store (its application_id is " +
                               std::to_string(application.value()) + ", a store's is " +
                               std::to_string(kApplicationId) + ")");
  }
  Result<int> version = IntegerPragma(handle, path, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (version.value() > kLatest) {
    return FileError(path, "has schema version " + std::to_string(version.value()) +
                               ", newer than this claimgraph reads (" + std::to_string(kLatest) +
                               "): open it with a newer claimgraph");
  }
  if (version.value() < kLatest) {
    if (!writable) {
      return FileError(path, "has schema version " + std::to_string(version.value()) +
                                 ", older than this claimgraph's (" + std::to_string(kLatest) +
                                 "): open it for writing once (claimgraph store add) to migrate it");
    }
    if (Status migrated = Migrate(handle, path, version.value(), kLatest); !migrated.ok()) return migrated;
  }
  if (writable) {
    Status wal = Execute(handle, path, "PRAGMA journal_mode = WAL", "cannot open the store");
    if (!wal.ok()) return wal;
  }
  return database;
}

sqlite3_stmt* Database::Prepared(Query query) {
  sqlite3_stmt*& statement = statements_[query];
  if (statement == nullptr) {
    if (sqlite3_prepare_v3(handle_, kQueries[query], -1, SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr) != SQLITE_OK) {
      statement = nullptr;
      return nullptr;
    }
  } else {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
  return statement;
}

Status Database::Failure(std::string_view doing) const { return SqlError(handle_, path_, doing); }

namespace {

void Bind(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string Column(sqlite3_stmt* statement, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
  return text != nullptr ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(statement, index)))
                         : std::string();
}

}  // namespace

Status Database::Step(sqlite3_stmt* statement, std::string_view doing) {
  if (statement == nullptr) return Failure(doing);
  const int step = sqlite3_step(statement);
  sqlite3_reset(statement);
  return step == SQLITE_DONE ? Status::Ok() : Failure(doing);
}

Result<std::vector<RecordRow>> Database::Records() {
  sqlite3_stmt* statement = Prepared(kSelectRecords);
  if (statement == nullptr) return Failure("cannot read the records");
  std::vector<RecordRow> rows;
  int step;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    rows.push_back({Column(statement, 0), Column(statement, 1), Column(statement, 2)});
  }
  sqlite3_reset(statement);
  if (step != SQLITE_DONE) return Failure("cannot read the records");
  return rows;
}

Result<std::optional<std::string>> Database::RecordJson(std::string_view collection, std::string_view id) {
  sqlite3_stmt* statement = Prepared(kSelectRecord);
  if (statement == nullptr) return Failure("cannot read a record");
  Bind(statement, 1, collection);
  Bind(statement, 2, id);
  const int step = sqlite3_step(statement);
  std::optional<std::string> json;
  if (step == SQLITE_ROW) json = Column(statement, 0);
  sqlite3_reset(statement);
  if (step != SQLITE_ROW && step != SQLITE_DONE) return Failure("cannot read a record");
  return json;
}

Result<bool> Database::HasNodeId(std::string_view id) {
  sqlite3_stmt* statement = Prepared(kSelectNodeId);
  if (statement == nullptr) return Failure("cannot read a record");
  Bind(statement, 1, id);
  const int step = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (step != SQLITE_ROW && step != SQLITE_DONE) return Failure("cannot read a record");
  return step == SQLITE_ROW;
}

Result<int64_t> Database::Revision() {
  sqlite3_stmt* statement = Prepared(kSelectRevision);
  if (statement == nullptr || sqlite3_step(statement) != SQLITE_ROW) {
    if (statement != nullptr) sqlite3_reset(statement);
    return Failure("cannot read the revision");
  }
  const int64_t revision = sqlite3_column_int64(statement, 0);
  sqlite3_reset(statement);
  return revision;
}

Result<std::vector<HistoryEntry>> Database::History(std::optional<std::string_view> record_id) {
  sqlite3_stmt* statement = Prepared(record_id ? kSelectRecordHistory : kSelectHistory);
  if (statement == nullptr) return Failure("cannot read the history");
  if (record_id) Bind(statement, 1, *record_id);
  std::vector<HistoryEntry> entries;
  int step;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    HistoryEntry& entry = entries.emplace_back();
    entry.revision = sqlite3_column_int64(statement, 0);
    entry.author = Column(statement, 1);
    entry.time = Column(statement, 2);
    entry.action = Column(statement, 3);
    entry.collection = Column(statement, 4);
    entry.id = Column(statement, 5);
    entry.before_json = Column(statement, 6);
    entry.after_json = Column(statement, 7);
  }
  sqlite3_reset(statement);
  if (step != SQLITE_DONE) return Failure("cannot read the history");
  return entries;
}

Status Database::Begin() { return Execute(handle_, path_, "BEGIN IMMEDIATE", "cannot start a write"); }
Status Database::Commit() { return Execute(handle_, path_, "COMMIT", "cannot commit the write"); }
void Database::Rollback() {
  if (sqlite3_get_autocommit(handle_) == 0) Execute(handle_, path_, "ROLLBACK", "");
}

Status Database::InsertRecord(std::string_view collection, std::string_view id, std::string_view json) {
  sqlite3_stmt* statement = Prepared(kInsertRecord);
  if (statement != nullptr) {
    Bind(statement, 1, collection);
    Bind(statement, 2, id);
    Bind(statement, 3, json);
  }
  return Step(statement, "cannot add a record");
}

Status Database::UpdateRecord(std::string_view collection, std::string_view id, std::string_view json) {
  sqlite3_stmt* statement = Prepared(kUpdateRecord);
  if (statement != nullptr) {
    Bind(statement, 1, collection);
    Bind(statement, 2, id);
    Bind(statement, 3, json);
  }
  return Step(statement, "cannot replace a record");
}

Status Database::DeleteRecord(std::string_view collection, std::string_view id) {
  sqlite3_stmt* statement = Prepared(kDeleteRecord);
  if (statement != nullptr) {
    Bind(statement, 1, collection);
    Bind(statement, 2, id);
  }
  return Step(statement, "cannot delete a record");
}

Status Database::AppendRevision(int64_t revision, std::string_view author, std::string_view time) {
  sqlite3_stmt* statement = Prepared(kInsertRevision);
  if (statement != nullptr) {
    sqlite3_bind_int64(statement, 1, revision);
    Bind(statement, 2, author);
    Bind(statement, 3, time);
  }
  return Step(statement, "cannot record the revision");
}

Status Database::AppendHistory(const HistoryEntry& entry) {
  sqlite3_stmt* statement = Prepared(kInsertHistory);
  if (statement != nullptr) {
    sqlite3_bind_int64(statement, 1, entry.revision);
    Bind(statement, 2, entry.action);
    Bind(statement, 3, entry.collection);
    Bind(statement, 4, entry.id);
    Bind(statement, 5, entry.before_json);
    Bind(statement, 6, entry.after_json);
  }
  return Step(statement, "cannot append to the history");
}

Status CreateAtSchemaVersion(const std::string& path, int version) {
  if (version < 1 || version > kLatest) return FileError(path, "no schema version " + std::to_string(version));
  Result<sqlite3*> handle = CreateFile(path, version);
  if (!handle.ok()) return handle.status();
  sqlite3_close(handle.value());
  return Status::Ok();
}

Status ExecuteSql(const std::string& path, const std::string& sql) {
  if (Status refused = RefuseNonStoreFile(path, true); !refused.ok()) return refused;
  Result<sqlite3*> handle = OpenHandle(path, SQLITE_OPEN_READWRITE);
  if (!handle.ok()) return handle.status();
  Status status = Execute(handle.value(), path, sql.c_str(), "SQL failed");
  sqlite3_close(handle.value());
  return status;
}

}  // namespace claimgraph::store

namespace claimgraph {

bool IsCaseStoreFile(const std::string& path) {
  struct stat status;
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return false;
  std::ifstream file(path, std::ios::binary);
  char header[16] = {};
  file.read(header, sizeof header);
  return file.gcount() == 16 && std::memcmp(header, "SQLite format 3\0", 16) == 0;
}

}  // namespace claimgraph
