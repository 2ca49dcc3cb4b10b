// The case store's contract (claimgraph/store.h) through the library: create, add, export,
// revision, history, and the all-or-nothing rule.
#include <doctest/doctest.h>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"
#include "claimgraph/store.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::ReadWholeFile;
using testing::ScratchDirectory;

constexpr const char* kEntities = R"({"claimgraph": "1.0", "title": "Desk",
  "entities": [{"id": "ministry", "name": "Ministry", "type": "state"}],
  "sources": [{"id": "statement", "title": "Statement", "kind": "statement", "publisher": "ministry"}],
  "claims": [{"id": "drill", "text": "A drill took place"}]})";

constexpr const char* kAssertions = R"({"claimgraph": "1.0",
  "assertions": [{"source": "statement", "claim": "drill", "stance": "supports"},
                 {"source": "statement", "claim": "drill", "stance": "reports", "quote": "again"}]})";

CaseStore MustCreate(const std::string& path) {
  Result<CaseStore> store = CaseStore::Create(path);
  REQUIRE_MESSAGE(store.ok(), store.status().message());
  return std::move(store.value());
}

TEST_CASE("store: a new store is empty, at revision 0, and exports an empty casefile") {
  ScratchDirectory scratch;
  CaseStore store = MustCreate(scratch.File("desk.db"));
  CHECK(store.Revision() == 0);
  CHECK(IsCaseStoreFile(scratch.File("desk.db")));
  Result<std::string> text = store.ExportCasefile();
  REQUIRE(text.ok());
  CHECK(text.value() == "{\n  \"claimgraph\": \"1.0\"\n}\n");
  CHECK(store.History().value().empty());
}

TEST_CASE("store: create refuses a file that exists") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("desk.db", "not empty");
  Result<CaseStore> store = CaseStore::Create(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message() == path + ": error: already exists; 'store init' makes a new store");
  CHECK(ReadWholeFile(path) == "not empty");
}

TEST_CASE("store: add resolves references to stored records, keys records without ids, and records history") {
  ScratchDirectory scratch;
  CaseStore store = MustCreate(scratch.File("desk.db"));
  StoreWrite first = store.Add(kEntities, "entities.json", "ana");
  REQUIRE_MESSAGE(first.ok(), first.status.message());
  CHECK(first.revision == 1);
  CHECK(first.ids == std::vector<std::string>{"title", "ministry", "statement", "drill"});
  StoreWrite second = store.Add(kAssertions, "assertions.json", "ben");
  REQUIRE_MESSAGE(second.ok(), second.status.message());
  CHECK(second.revision == 2);
  // Two assertions of one source on one claim: the second key gets a suffix.
  CHECK(second.ids == std::vector<std::string>{"statement drill", "statement drill 2"});
  CHECK(store.Revision() == 2);

  Result<std::vector<HistoryEntry>> history = store.History();
  REQUIRE(history.ok());
  REQUIRE(history.value().size() == 6);
  const HistoryEntry& added = history.value()[4];
  CHECK(added.revision == 2);
  CHECK(added.author == "ben");
  CHECK(added.action == "add");
  CHECK(added.collection == "assertions");
  CHECK(added.id == "statement drill");
  CHECK(added.before_json == "");
  CHECK(added.after_json == R"({"source": "statement", "claim": "drill", "stance": "supports"})");
  REQUIRE(added.time.size() == 20);
  CHECK(added.time[4] == '-');
  CHECK(added.time[10] == 'T');
  CHECK(added.time[19] == 'Z');

  Result<std::vector<HistoryEntry>> one = store.History("drill");
  REQUIRE(one.ok());
  REQUIRE(one.value().size() == 1);
  CHECK(one.value()[0].collection == "claims");
  CHECK(one.value()[0].author == "ana");

  Result<std::string> text = store.ExportCasefile();
  REQUIRE(text.ok());
  CHECK(text.value() ==
        "{\n  \"claimgraph\": \"1.0\",\n  \"title\": \"Desk\",\n"
        "  \"entities\": [\n    {\"id\": \"ministry\", \"name\": \"Ministry\", \"type\": \"state\"}\n  ],\n"
        "  \"sources\": [\n    {\"id\": \"statement\", \"title\": \"Statement\", \"publisher\": \"ministry\", "
        "\"kind\": \"statement\"}\n  ],\n"
        "  \"claims\": [\n    {\"id\": \"drill\", \"text\": \"A drill took place\"}\n  ],\n"
        "  \"assertions\": [\n"
        "    {\"source\": \"statement\", \"claim\": \"drill\", \"stance\": \"supports\"},\n"
        "    {\"source\": \"statement\", \"claim\": \"drill\", \"stance\": \"reports\", \"quote\": \"again\"}\n"
        "  ]\n}\n");
}

TEST_CASE("store: the sample exports to a casefile that loads to the same graph, byte-identical twice") {
  ScratchDirectory scratch;
  const std::string sample = ProjectPath("samples/thaad-drills/case.json");
  {
    CaseStore store = MustCreate(scratch.File("desk.db"));
    StoreWrite added = store.Add(ReadWholeFile(sample), sample, "ana");
    REQUIRE_MESSAGE(added.ok(), added.status.message());
  }
  Result<CaseStore> reopened = CaseStore::Open(scratch.File("desk.db"), false);
  REQUIRE_MESSAGE(reopened.ok(), reopened.status().message());
  Result<std::string> first = reopened->ExportCasefile();
  Result<std::string> second = reopened->ExportCasefile();
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first.value() == second.value());
  // The same graph: the casefile writer gives the same text for the sample and the export
  // (the description is not part of the graph, so neither side writes one).
  LoadResult original = LoadCasefiles({sample});
  LoadResult exported = LoadCasefileTexts({"export"}, {first.value()});
  REQUIRE(original.ok());
  REQUIRE_MESSAGE(exported.ok(), exported.status().message());
  CHECK(CasefileText(exported.graph->data()) == CasefileText(original.graph->data()));
  CHECK(first.value() == CasefileText(original.graph->data()));
}

TEST_CASE("store: an id already stored is a conflict naming it, and nothing is written") {
  ScratchDirectory scratch;
  CaseStore store = MustCreate(scratch.File("desk.db"));
  REQUIRE(store.Add(kEntities, "entities.json", "ana").ok());
  const std::string before = store.ExportCasefile().value();
  StoreWrite again = store.Add(R"({"claimgraph": "1.0", "claims": [{"id": "new", "text": "x"},
      {"id": "drill", "text": "y"}], "sources": [{"id": "ministry", "title": "t", "kind": "other"}]})",
                               "again.json", "ben");
  CHECK(again.outcome == StoreWrite::Outcome::kConflict);
  CHECK(again.ids == std::vector<std::string>{"ministry", "drill"});
  CHECK(again.status.message() ==
        "again.json: error: ids \"ministry\", \"drill\" are already in the store " + scratch.File("desk.db"));
  CHECK(store.Revision() == 1);
  CHECK(store.ExportCasefile().value() == before);
}

TEST_CASE("store: an invalid fragment is refused with the loader's diagnostics located in the given text") {
  ScratchDirectory scratch;
  CaseStore store = MustCreate(scratch.File("desk.db"));
  REQUIRE(store.Add(kEntities, "entities.json", "ana").ok());
  const std::string before = store.ExportCasefile().value();
  StoreWrite bad = store.Add("{\"claimgraph\": \"1.0\",\n \"assertions\": [\n"
                             "  {\"source\": \"statement\", \"claim\": \"nowhere\", \"stance\": \"supports\"}]}",
                             "bad.json", "ben");
  CHECK(bad.outcome == StoreWrite::Outcome::kInvalid);
  REQUIRE(bad.status.diagnostics().size() == 1);
  CHECK(bad.status.message() ==
        "bad.json:3:27: error: /assertions/0/claim: unknown id \"nowhere\": expected the id of a claim");
  CHECK(store.Revision() == 1);
  CHECK(store.ExportCasefile().value() == before);
}

TEST_CASE("store: a fragment with no records is refused") {
  ScratchDirectory scratch;
  CaseStore store = MustCreate(scratch.File("desk.db"));
  StoreWrite empty = store.Add(R"({"claimgraph": "1.0"})", "empty.json", "ana");
  CHECK(empty.outcome == StoreWrite::Outcome::kInvalid);
  CHECK(empty.status.message() == "empty.json: error: holds no records to add");
  CHECK(store.Revision() == 0);
}

TEST_CASE("store: a store opened read-only refuses writes") {
  ScratchDirectory scratch;
  { MustCreate(scratch.File("desk.db")); }
  Result<CaseStore> store = CaseStore::Open(scratch.File("desk.db"), false);
  REQUIRE(store.ok());
  StoreWrite write = store->Add(kEntities, "entities.json", "ana");
  CHECK(write.outcome == StoreWrite::Outcome::kFailed);
  CHECK(write.status.message() == scratch.File("desk.db") + ": error: the store was opened read-only");
  CHECK(store->Revision() == 0);
}

}  // namespace
}  // namespace claimgraph
