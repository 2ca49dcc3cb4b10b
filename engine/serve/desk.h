// Internal to the serve layer: where the served case lives, behind one interface, so that the
// handler does not care whether it is a SQLite store (claimgraph/store.h, the normal case) or
// casefile texts held in memory (tests, and `serve CASE.json`, which writes nothing to disk).
#ifndef CLAIMGRAPH_SERVE_DESK_H_
#define CLAIMGRAPH_SERVE_DESK_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/status.h"

namespace claimgraph::serve {

// The outcome of one write, as claimgraph/store.h's StoreWrite reports it.
struct DeskWrite {
  enum class Outcome { kApplied, kInvalid, kConflict, kNotFound, kReferenced, kFailed };
  Outcome outcome = Outcome::kFailed;
  int64_t revision = 0;
  std::vector<std::string> ids;  // written; or conflicting (kConflict); or referencing (kReferenced)
  Status status;                 // kInvalid: diagnostics located in the given text
};

// One change of the audit trail (claimgraph/store.h's HistoryEntry).
struct DeskChange {
  int64_t revision = 0;
  std::string author, time, action, collection, id, before_json, after_json;
};

class Desk {
 public:
  virtual ~Desk() = default;
  // Changes with every applied write; cheap.
  virtual int64_t Revision() const = 0;
  // The whole case, loaded and checked.
  virtual LoadResult Load() const = 0;
  // As CaseStore::Add, Put and Delete; each is all or nothing.
  virtual DeskWrite Add(std::string_view casefile_text, std::string_view name, std::string_view author) = 0;
  virtual DeskWrite Put(std::string_view collection, std::string_view id, std::string_view record_json,
                        std::string_view name, std::string_view author) = 0;
  virtual DeskWrite Delete(std::string_view collection, std::string_view id, std::string_view author) = 0;
  // Oldest first; only one record's changes when `record_id` is given.
  virtual Result<std::vector<DeskChange>> History(std::optional<std::string_view> record_id) const = 0;
};

// Casefile texts held in memory: the first is the case, each applied Add appends its text.
// Put and Delete answer kFailed (they need a store). Nothing is written to disk.
std::unique_ptr<Desk> MakeMemoryDesk(std::string name, std::string casefile_text);

// The SQLite store at `path` (claimgraph/store.h), opened for writing by this process alone.
Result<std::unique_ptr<Desk>> OpenStoreDesk(const std::string& path);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_DESK_H_
