// claimgraph/store.h — a case kept in SQLite, with every change in an audit trail.
// docs/store.md gives the schema, the migrations and the commands built on it.
//
// Records are kept one row per record: sources, entities and claims by their own id; the
// records without an id by a key made of the ids they join, which no casefile id can spell
// because ids hold no whitespace: an assertion "SOURCE CLAIM", a citation "FROM TO", a
// verdict "CLAIM"; a second record with the same key gets " 2", then " 3", ... The title and
// review block are the records "title" and "review" of the collection "case".
#ifndef CLAIMGRAPH_STORE_H_
#define CLAIMGRAPH_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph {

// One entry of the audit trail. Nothing is ever deleted from it.
struct HistoryEntry {
  int64_t revision = 0;      // the store's revision this change produced (1, 2, ...)
  std::string author;        // the --by name, or the API token's name
  std::string time;          // RFC 3339 UTC, e.g. "2026-12-02T06:01:02Z"
  std::string action;        // "add", "put" or "delete"
  std::string collection;    // "sources", "entities", "claims", "assertions", "citations", "verdicts"
                             // (and "case" for the title and review)
  std::string id;            // the record's id
  std::string before_json;   // the record before ("" when added)
  std::string after_json;    // the record after ("" when deleted)
};

// The outcome of one write; every write is one transaction: all or nothing.
struct StoreWrite {
  enum class Outcome { kApplied, kInvalid, kConflict, kNotFound, kReferenced, kFailed };
  Outcome outcome = Outcome::kFailed;
  int64_t revision = 0;           // the store's revision after the write (when kApplied)
  std::vector<std::string> ids;   // the ids written; or the conflicting ids (kConflict), or
                                  // the records that reference the one to delete (kReferenced)
  Status status;                  // for kInvalid: the loader's diagnostics, `file` = the name
                                  // passed in, `pointer` = the JSON pointer INTO THE GIVEN TEXT,
                                  // line:column into the given text; otherwise one message
  bool ok() const { return outcome == Outcome::kApplied; }
};

class CaseStore {
 public:
  static Result<CaseStore> Create(const std::string& path);  // `store init`; error if the file exists
  static Result<CaseStore> Open(const std::string& path, bool writable);  // error if not a claimgraph store, or a newer schema version
  CaseStore(CaseStore&&) noexcept;
  CaseStore& operator=(CaseStore&&) noexcept;
  ~CaseStore();

  // Adds the records of a casefile (or a fragment: any subset of the casefile's arrays), checked
  // by the same loader and checks as `claimgraph check` together with the records already stored
  // (so references to stored records resolve). An id already stored is kConflict naming it.
  // The fragment is a casefile document: it still needs "claimgraph": "1.0".
  StoreWrite Add(std::string_view casefile_text, std::string_view name, std::string_view author);
  // As Add, for several casefiles in one transaction (`store add DESK.db A.json B.json`):
  // all are added or none; `names` label the diagnostics. REQUIRES: names.size() == texts.size()
  StoreWrite AddCasefiles(const std::vector<std::string>& names, const std::vector<std::string_view>& texts,
                          std::string_view author);
  // Replaces one stored record (`record_json` is one JSON object whose "id" equals `id`); kNotFound if none.
  // For assertions, citations and verdicts the fields that make the key (see above) must stay.
  StoreWrite Put(std::string_view collection, std::string_view id, std::string_view record_json,
                 std::string_view name, std::string_view author);
  // Deletes one record; refused (kReferenced, listing the referencing ids) when others refer to it.
  StoreWrite Delete(std::string_view collection, std::string_view id, std::string_view author);

  // The whole case as casefile text: loads back to the same graph; byte-identical when called twice
  // on an unchanged store (records in a fixed order).
  Result<std::string> ExportCasefile() const;
  // The current revision (0 for an empty store); cheap; changes with every applied write.
  int64_t Revision() const;
  // The audit trail, oldest first; only the entries of one record when `record_id` is given.
  Result<std::vector<HistoryEntry>> History(std::optional<std::string_view> record_id = {}) const;

  // The path the store was opened with (diagnostics of an exported case name it).
  const std::string& path() const;

 private:
  struct Connection;                    // the SQLite adapter's state
  std::unique_ptr<Connection> connection_;
  explicit CaseStore(std::unique_ptr<Connection> connection);
};

// True when `path` is an SQLite file (begins with "SQLite format 3\0"): every command that
// reads casefiles takes a store in their place.
bool IsCaseStoreFile(const std::string& path);

// The author recorded when none is given: the login name ($USER), else "unknown".
std::string DefaultStoreAuthor();

}  // namespace claimgraph

#endif  // CLAIMGRAPH_STORE_H_
