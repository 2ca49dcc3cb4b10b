// Opening store files: migrations from an older schema, refusal of a newer one, of files that
// are not stores, and the append-only history enforced by the database itself.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "claimgraph/store.h"
#include "store/sqlite_database.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ReadWholeFile;
using testing::ScratchDirectory;

constexpr const char* kClaim = R"({"claimgraph": "1.0", "claims": [{"id": "drill", "text": "A drill"}]})";

TEST_CASE("store files: a store at schema version 1 is migrated when opened for writing") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("old.db");
  REQUIRE(store::CreateAtSchemaVersion(path, 1).ok());
  Result<CaseStore> reading = CaseStore::Open(path, false);
  REQUIRE_FALSE(reading.ok());
  CHECK(reading.status().message() ==
        path + ": error: has schema version 1, older than this claimgraph's (2): open it for writing once "
               "(claimgraph store add) to migrate it");
  // Version 1 has no triggers yet: history can be changed there, which migration 2 ends.
  CHECK(store::ExecuteSql(path, "DELETE FROM history").ok());
  Result<CaseStore> writing = CaseStore::Open(path, true);
  REQUIRE_MESSAGE(writing.ok(), writing.status().message());
  REQUIRE(writing->Add(kClaim, "claim.json", "ana").ok());
  Status changed = store::ExecuteSql(path, "DELETE FROM history");
  CHECK(changed.message() == path + ": error: SQL failed: the history is append-only: an entry cannot be deleted");
  Result<CaseStore> again = CaseStore::Open(path, false);
  REQUIRE_MESSAGE(again.ok(), again.status().message());
  CHECK(again->Revision() == 1);
}

TEST_CASE("store files: a store at a newer schema version is refused, naming both versions") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("new.db");
  REQUIRE(CaseStore::Create(path).ok());
  REQUIRE(store::ExecuteSql(path, "PRAGMA user_version = 9").ok());
  for (bool writable : {false, true}) {
    Result<CaseStore> store = CaseStore::Open(path, writable);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().message() ==
          path + ": error: has schema version 9, newer than this claimgraph reads (2): open it with a newer claimgraph");
    CHECK(store.status().code() == ExitCode::kInvalidInput);
  }
}

TEST_CASE("store files: the history is append-only (UPDATE and DELETE raise)") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("desk.db");
  {
    Result<CaseStore> store = CaseStore::Create(path);
    REQUIRE(store.ok());
    REQUIRE(store->Add(kClaim, "claim.json", "ana").ok());
  }
  CHECK(store::ExecuteSql(path, "UPDATE history SET after_json = ''").message() ==
        path + ": error: SQL failed: the history is append-only: an entry cannot be changed");
  CHECK(store::ExecuteSql(path, "DELETE FROM history WHERE id = 'drill'").message() ==
        path + ": error: SQL failed: the history is append-only: an entry cannot be deleted");
  Result<CaseStore> store = CaseStore::Open(path, false);
  REQUIRE(store.ok());
  Result<std::vector<HistoryEntry>> history = store->History();
  REQUIRE(history.ok());
  REQUIRE(history.value().size() == 1);
  CHECK(history.value()[0].after_json == R"({"id": "drill", "text": "A drill"})");
}

TEST_CASE("store files: files that are not stores are refused with messages naming them") {
  ScratchDirectory scratch;
  const std::string text = scratch.Write("case.json", kClaim);
  const std::string empty = scratch.Write("empty.db", "");
  const std::string other = scratch.File("other.db");
  REQUIRE(store::CreateAtSchemaVersion(other, 1).ok());
  REQUIRE(store::ExecuteSql(other, "PRAGMA application_id = 7").ok());
  const std::string fifo = scratch.File("fifo.db");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ::mkdir(scratch.File("folder.db").c_str(), 0700);
  const std::string folder = scratch.File("folder.db");
  const std::string missing = scratch.File("missing.db");
  const std::pair<std::string, std::string> cases[] = {
      {text, text + ": error: is not a claimgraph store (not an SQLite database; make one with 'claimgraph store init')"},
      {empty, empty + ": error: is not a claimgraph store (not an SQLite database; make one with 'claimgraph store init')"},
      {other, other + ": error: is an SQLite database but not a claimgraph store (its application_id is 7, a store's is 1128747860)"},
      {fifo, fifo + ": error: is not a regular file, so not a claimgraph store"},
      {folder, folder + ": error: is a directory, not a claimgraph store"},
      {missing, missing + ": error: cannot open the store: No such file or directory"},
  };
  for (const auto& [path, message] : cases) {
    for (bool writable : {false, true}) {
      Result<CaseStore> store = CaseStore::Open(path, writable);
      REQUIRE_FALSE(store.ok());
      CHECK(store.status().message() == message);
      CHECK(store.status().code() == ExitCode::kInvalidInput);
    }
  }
  CHECK(ReadWholeFile(text) == kClaim);
  CHECK_FALSE(IsCaseStoreFile(text));
  CHECK_FALSE(IsCaseStoreFile(fifo));
  CHECK_FALSE(IsCaseStoreFile(folder));
  CHECK(IsCaseStoreFile(other));
  Result<CaseStore> into_folder = CaseStore::Create(folder);
  REQUIRE_FALSE(into_folder.ok());
  CHECK(into_folder.status().message() == folder + ": error: already exists; 'store init' makes a new store");
}

TEST_CASE("store files: a store file without write permission is refused for writing, read otherwise") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("desk.db");
  {
    Result<CaseStore> store = CaseStore::Create(path);
    REQUIRE(store.ok());
    REQUIRE(store->Add(kClaim, "claim.json", "ana").ok());
  }
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  Result<CaseStore> reading = CaseStore::Open(path, false);
  REQUIRE_MESSAGE(reading.ok(), reading.status().message());
  CHECK(reading->Revision() == 1);
  Result<CaseStore> writing = CaseStore::Open(path, true);
  if (::geteuid() == 0) {
    // root passes every permission check: the kernel, not claimgraph, decides here.
    MESSAGE("running as root: a 0444 file is writable, so only the read side is checked");
  } else {
    REQUIRE_FALSE(writing.ok());
    CHECK(writing.status().message() == path + ": error: cannot open the store for writing: Permission denied");
  }
}

}  // namespace
}  // namespace claimgraph
