// Put and Delete of one stored record (claimgraph/store.h): located errors in the given
// record text, refused deletes naming the referring records, and the history of each.
#include <doctest/doctest.h>

#include "claimgraph/store.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ScratchDirectory;

constexpr const char* kCase = R"({"claimgraph": "1.0",
  "entities": [{"id": "ministry", "name": "Ministry", "type": "state"},
               {"id": "agency", "name": "Agency", "type": "outlet", "controlled_by": ["ministry"]}],
  "sources": [{"id": "statement", "title": "Statement", "kind": "statement", "publisher": "ministry"},
              {"id": "report", "title": "Report", "kind": "news report"}],
  "claims": [{"id": "drill", "text": "A drill took place", "about": ["ministry"]},
             {"id": "no-drill", "text": "No drill took place", "excludes": ["drill"]}],
  "assertions": [{"source": "statement", "claim": "drill", "stance": "supports", "speaker": "ministry"},
                 {"source": "report", "claim": "drill", "stance": "reports"}],
  "citations": [{"from": "report", "to": "statement", "kind": "quotes"}],
  "verdicts": [{"claim": "drill", "rating": "true"}]})";

struct Desk {
  ScratchDirectory scratch;
  CaseStore store;
  Desk() : store(std::move(CaseStore::Create(scratch.File("desk.db")).value())) {
    StoreWrite added = store.Add(kCase, "case.json", "ana");
    REQUIRE_MESSAGE(added.ok(), added.status.message());
  }
  std::string path() const { return scratch.File("desk.db"); }
};

TEST_CASE("store put: replaces one record and records before and after") {
  Desk desk;
  StoreWrite put = desk.store.Put("claims", "drill", R"({"id": "drill", "text": "A drill took place in May"})",
                                  "edit.json", "ben");
  REQUIRE_MESSAGE(put.ok(), put.status.message());
  CHECK(put.revision == 2);
  CHECK(put.ids == std::vector<std::string>{"drill"});
  Result<std::vector<HistoryEntry>> history = desk.store.History("drill");
  REQUIRE(history.ok());
  REQUIRE(history.value().size() == 3);  // the claim, its verdict (keyed "drill"), the put
  const HistoryEntry& entry = history.value()[2];
  CHECK(entry.collection == "claims");
  CHECK(entry.action == "put");
  CHECK(entry.author == "ben");
  CHECK(entry.before_json == R"({"id": "drill", "text": "A drill took place", "about": ["ministry"], "excludes": ["no-drill"]})");
  // The loader made the exclusion symmetric when it was added; the claim put decides its own
  // pairs, so the other side is updated in the same revision.
  CHECK(entry.after_json == R"({"id": "drill", "text": "A drill took place in May"})");
  Result<std::vector<HistoryEntry>> other = desk.store.History("no-drill");
  REQUIRE(other.ok());
  REQUIRE(other.value().size() == 2);
  CHECK(other.value()[1].action == "put");
  CHECK(other.value()[1].revision == 2);
  CHECK(other.value()[1].before_json == R"({"id": "no-drill", "text": "No drill took place", "excludes": ["drill"]})");
  CHECK(other.value()[1].after_json == R"({"id": "no-drill", "text": "No drill took place"})");
  CHECK(desk.store.ExportCasefile().value().find("A drill took place in May") != std::string::npos);
}

TEST_CASE("store put: errors are located in the given record text") {
  Desk desk;
  const std::string before = desk.store.ExportCasefile().value();
  StoreWrite put = desk.store.Put("sources", "report",
                                  "{\"id\": \"report\", \"title\": \"Report\",\n \"kind\": \"blog\", \"publisher\": \"nobody\"}",
                                  "edit.json", "ben");
  CHECK(put.outcome == StoreWrite::Outcome::kInvalid);
  CHECK(put.status.message() ==
        "edit.json:2:2: error: /kind: kind must be one of statement, press release, wire report, news report, "
        "social post, other, not \"blog\"");
  CHECK(desk.store.Revision() == 1);
  CHECK(desk.store.ExportCasefile().value() == before);
}

TEST_CASE("store put: a record whose id is not the one it replaces is refused") {
  Desk desk;
  StoreWrite put = desk.store.Put("claims", "drill", R"({"id": "other", "text": "x"})", "edit.json", "ben");
  CHECK(put.outcome == StoreWrite::Outcome::kInvalid);
  CHECK(put.status.message() ==
        "edit.json: error: /id: the record's id \"other\" is not \"drill\", the record it would replace");
}

TEST_CASE("store put: an assertion keeps the source and claim that make its id") {
  Desk desk;
  StoreWrite kept = desk.store.Put("assertions", "report drill",
                                   R"({"source": "report", "claim": "drill", "stance": "refutes"})", "edit.json", "ben");
  REQUIRE_MESSAGE(kept.ok(), kept.status.message());
  StoreWrite moved = desk.store.Put("assertions", "report drill",
                                    R"({"source": "report", "claim": "no-drill", "stance": "supports"})", "edit.json", "ben");
  CHECK(moved.outcome == StoreWrite::Outcome::kInvalid);
  CHECK(moved.status.message() ==
        "edit.json: error: an assertion's source and claim make its id \"report drill\" (here \"report no-drill\"): "
        "delete it and add the changed record instead");
}

TEST_CASE("store put and delete: a record that is not stored is not found") {
  Desk desk;
  StoreWrite put = desk.store.Put("claims", "missing", R"({"id": "missing", "text": "x"})", "edit.json", "ben");
  CHECK(put.outcome == StoreWrite::Outcome::kNotFound);
  CHECK(put.status.message() == desk.path() + ": error: no record \"missing\" in claims");
  StoreWrite removed = desk.store.Delete("sources", "drill", "ben");  // a claim, not a source
  CHECK(removed.outcome == StoreWrite::Outcome::kNotFound);
  CHECK(removed.status.message() == desk.path() + ": error: no record \"drill\" in sources");
  StoreWrite unknown = desk.store.Delete("people", "ana", "ben");
  CHECK(unknown.outcome == StoreWrite::Outcome::kInvalid);
  CHECK(unknown.status.message() == desk.path() +
                                        ": error: unknown collection \"people\" (one of entities, sources, claims, "
                                        "assertions, citations, verdicts)");
  CHECK(desk.store.Revision() == 1);
}

TEST_CASE("store delete: a referenced record is refused, naming every record that refers to it") {
  Desk desk;
  const std::string before = desk.store.ExportCasefile().value();
  StoreWrite claim = desk.store.Delete("claims", "drill", "ben");
  CHECK(claim.outcome == StoreWrite::Outcome::kReferenced);
  // An exclusion is not a reference that blocks: it goes with the claim.
  CHECK(claim.ids == std::vector<std::string>{"statement drill", "report drill", "drill"});
  CHECK(claim.status.message() ==
        desk.path() + ": error: cannot delete claims \"drill\": referred to by assertions \"statement drill\", "
                      "assertions \"report drill\", verdicts \"drill\" (delete or change those first)");
  StoreWrite ministry = desk.store.Delete("entities", "ministry", "ben");
  CHECK(ministry.outcome == StoreWrite::Outcome::kReferenced);
  // controlled_by, publisher, about, speaker
  CHECK(ministry.ids == std::vector<std::string>{"agency", "statement", "drill", "statement drill"});
  StoreWrite statement = desk.store.Delete("sources", "statement", "ben");
  CHECK(statement.outcome == StoreWrite::Outcome::kReferenced);
  CHECK(statement.ids == std::vector<std::string>{"statement drill", "report statement"});
  CHECK(desk.store.Revision() == 1);
  CHECK(desk.store.ExportCasefile().value() == before);
}

TEST_CASE("store delete: records go in dependency order, each a revision with its history entry") {
  Desk desk;
  for (auto [collection, id] : std::vector<std::pair<std::string, std::string>>{
           {"verdicts", "drill"}, {"assertions", "statement drill"}, {"assertions", "report drill"},
           {"claims", "no-drill"}, {"claims", "drill"}}) {
    StoreWrite removed = desk.store.Delete(collection, id, "cleo");
    REQUIRE_MESSAGE(removed.ok(), std::string(collection + " " + id + ": " + removed.status.message()));
  }
  CHECK(desk.store.Revision() == 6);
  Result<std::vector<HistoryEntry>> history = desk.store.History("no-drill");
  REQUIRE(history.ok());
  REQUIRE(history.value().size() == 2);
  CHECK(history.value()[1].action == "delete");
  CHECK(history.value()[1].revision == 5);
  CHECK(history.value()[1].author == "cleo");
  CHECK(history.value()[1].before_json == R"({"id": "no-drill", "text": "No drill took place", "excludes": ["drill"]})");
  CHECK(history.value()[1].after_json == "");
  // Deleting "no-drill" also dropped it from "drill"'s excludes, recorded as a put.
  Result<std::vector<HistoryEntry>> drill = desk.store.History("drill");
  REQUIRE(drill.ok());
  // add the claim and its verdict (both keyed "drill"), delete the verdict, put, delete
  REQUIRE(drill.value().size() == 5);
  CHECK(drill.value()[3].action == "put");
  CHECK(drill.value()[3].revision == 5);
  CHECK(drill.value()[3].after_json == R"({"id": "drill", "text": "A drill took place", "about": ["ministry"]})");
  CHECK(drill.value()[4].action == "delete");
  CHECK(drill.value()[4].revision == 6);
  CHECK(desk.store.ExportCasefile().value().find("\"claims\"") == std::string::npos);
}

}  // namespace
}  // namespace claimgraph
