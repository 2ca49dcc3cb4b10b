// The case store's SQLite adapter: the only file that includes sqlite3.h, and the owner of
// every SQL statement (each prepared once per connection, with bound parameters only).
// Above it, engine/store/case_store.cpp decides what to write; this file decides how.
#ifndef CLAIMGRAPH_STORE_SQLITE_DATABASE_H_
#define CLAIMGRAPH_STORE_SQLITE_DATABASE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"
#include "claimgraph/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace claimgraph::store {

// The schema version this build writes (PRAGMA user_version); docs/store.md lists each
// migration. A store at an older version is migrated when opened for writing.
int LatestSchemaVersion();

struct RecordRow {
  std::string collection;
  std::string id;
  std::string json;
};

class Database {
 public:
  // Makes a new store at the latest schema version; fails if `path` exists.
  static Result<std::unique_ptr<Database>> Create(const std::string& path);
  // Opens an existing store; refuses a directory, a special file, a file that is not SQLite,
  // an SQLite database that is not a claimgraph store, and a newer schema version.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool writable);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  bool writable() const { return writable_; }

  // Every record: collection "case" first, then entities, sources, claims, assertions,
  // citations, verdicts, each in the order it was first added.
  Result<std::vector<RecordRow>> Records();
  Result<std::optional<std::string>> RecordJson(std::string_view collection, std::string_view id);
  // True when a source, entity or claim has this id (ids are global across the three).
  Result<bool> HasNodeId(std::string_view id);
  Result<int64_t> Revision();
  Result<std::vector<HistoryEntry>> History(std::optional<std::string_view> record_id);

  // One write transaction: Begin (which takes the write lock at once, so the state read
  // inside it is the state written over), then the changes, then Commit or Rollback.
  Status Begin();
  Status Commit();
  void Rollback();
  Status InsertRecord(std::string_view collection, std::string_view id, std::string_view json);
  Status UpdateRecord(std::string_view collection, std::string_view id, std::string_view json);
  Status DeleteRecord(std::string_view collection, std::string_view id);
  Status AppendRevision(int64_t revision, std::string_view author, std::string_view time);
  Status AppendHistory(const HistoryEntry& entry);

 private:
  enum Query : size_t {
    kSelectRecords, kSelectRecord, kSelectNodeId, kSelectRevision, kSelectHistory,
    kSelectRecordHistory, kInsertRecord, kUpdateRecord, kDeleteRecord, kInsertRevision,
    kInsertHistory, kQueryCount
  };
  Database(sqlite3* handle, std::string path, bool writable);
  sqlite3_stmt* Prepared(Query query);
  Status Failure(std::string_view doing) const;
  Status Step(sqlite3_stmt* statement, std::string_view doing);

  sqlite3* handle_;
  std::string path_;
  bool writable_;
  std::array<sqlite3_stmt*, kQueryCount> statements_{};
};

// For tests and repair: a new store that stops at schema `version` (1 <= version <= latest),
// and running SQL text against a store file (the history's triggers still apply).
Status CreateAtSchemaVersion(const std::string& path, int version);
Status ExecuteSql(const std::string& path, const std::string& sql);

}  // namespace claimgraph::store

#endif  // CLAIMGRAPH_STORE_SQLITE_DATABASE_H_
