// The steps every write of the case store shares: outcomes and their messages, the
// transaction guard, the loader run over the stored case plus the new text, and the
// revision and history appended in the same transaction.
#ifndef CLAIMGRAPH_STORE_WRITE_SUPPORT_H_
#define CLAIMGRAPH_STORE_WRITE_SUPPORT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/model.h"
#include "claimgraph/store.h"
#include "store/sqlite_database.h"

namespace claimgraph {

struct CaseStore::Connection {
  std::unique_ptr<store::Database> database;
};

namespace store {

StoreWrite Outcome(StoreWrite::Outcome outcome, Status status, std::vector<std::string> ids = {});
StoreWrite Failed(Status status);
// "FILE: error: WHAT" as the write's one message.
StoreWrite Refused(StoreWrite::Outcome outcome, const std::string& file, const std::string& what,
                   std::vector<std::string> ids = {});
// `"a"`, and `"a", "b"`, escaped as JSON strings are.
std::string Quoted(std::string_view text);
std::string QuotedList(const std::vector<std::string>& ids);

// Rolls the transaction back unless it was committed: every early return leaves the store
// as it was.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& database) : database_(database) {}
  ~WriteTransaction() {
    if (!committed_) database_.Rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  Status Commit() {
    Status status = database_.Commit();
    committed_ = status.ok();
    return status;
  }

 private:
  Database& database_;
  bool committed_ = false;
};

// The loader's checks over the whole case: the stored records as the first "file", the new
// texts after it. Warnings are left out: they would name the store's own records.
LoadResult LoadWithStored(const std::string& store_path, const std::string& stored_text,
                          const std::vector<std::string>& names, const std::vector<std::string_view>& texts);

// Each record the loader read from file `file`, with its canonical text, by collection.
struct NewRecord {
  std::string_view collection;
  std::string key_base;
  std::string json;
};

// The records of `data` that the loader read from file `file` and the files after it, by
// collection in casefile order.
std::vector<NewRecord> RecordsOfFile(const CaseData& data, uint32_t file);
// The key of a record without an id: the ids it joins, split by a space (no id holds one);
// a record's own id otherwise.
std::string KeyBase(const CaseData& data, std::string_view collection, size_t index);

// An exclusion belongs to both claims, and the loader makes it symmetric: so that a claim
// put or deleted decides its own pairs, `id` is dropped from the excludes of the other
// claim rows before the loader runs.
void DropExcluded(std::vector<RecordRow>& rows, std::string_view id);
// Keeps each stored row equal to its record as loaded: a stored claim whose loaded form
// differs (its excludes made symmetric by the write) is updated, with a "put" entry.
// `skip_id` is the claim the write itself replaces ("" for none).
Status SyncStoredClaims(Database& database, const CaseData& data, std::string_view skip_id,
                        std::vector<HistoryEntry>& entries);

// Starts a write: the store must be writable, and the lock is taken before anything is read.
Status StartWrite(Database& database);
// The stored case as casefile text.
Result<std::string> StoredCasefile(Database& database);
// Ends every write: appends the next revision (author, the time now) with `entries`, which
// it completes, commits `transaction`, and returns the applied write naming `ids`.
StoreWrite CommitRevision(Database& database, WriteTransaction& transaction, std::string_view author,
                          std::vector<HistoryEntry>& entries, std::vector<std::string> ids);

}  // namespace store
}  // namespace claimgraph

#endif  // CLAIMGRAPH_STORE_WRITE_SUPPORT_H_
