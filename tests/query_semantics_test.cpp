// What the provenance queries mean (issue 8, item 6): first-appearance follows citations
// and speakers before dates; origins labels each report with its own stance (support for an
// excluding claim is not a refutation); single-origin and self-reported list their band only.
#include <doctest/doctest.h>

#include "claimgraph/load.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"

namespace claimgraph {
namespace {

// c1: r1 carried it first (same day as r2, which quotes it, and r3, which names r1 as its
// speaker); r4, dated later, speaks in its own voice. c2 excludes c1: r5 supports c2, r6
// refutes c1. c3: one supporting origin (r7), outweighed by two refutations (r8, r9). c4:
// one origin (r9) and nothing against it.
const char* kCase = R"({"claimgraph": "1.0", "title": "semantics",
"sources": [
  {"id": "r1", "title": "R1", "kind": "statement", "published": "2024-03-01"},
  {"id": "r2", "title": "R2", "kind": "news report", "published": "2024-03-01"},
  {"id": "r3", "title": "R3", "kind": "news report", "published": "2024-03-01"},
  {"id": "r4", "title": "R4", "kind": "news report", "published": "2024-03-05"},
  {"id": "r5", "title": "R5", "kind": "news report", "published": "2024-03-02"},
  {"id": "r6", "title": "R6", "kind": "news report", "published": "2024-03-02"},
  {"id": "r7", "title": "R7", "kind": "news report"},
  {"id": "r8", "title": "R8", "kind": "news report"},
  {"id": "r9", "title": "R9", "kind": "news report"}],
"claims": [{"id": "c1", "text": "One"}, {"id": "c2", "text": "Two", "excludes": ["c1"]},
           {"id": "c3", "text": "Three"}, {"id": "c4", "text": "Four"}],
"assertions": [
  {"source": "r2", "claim": "c1", "stance": "supports"},
  {"source": "r3", "claim": "c1", "stance": "supports", "speaker": "r1"},
  {"source": "r1", "claim": "c1", "stance": "supports"},
  {"source": "r4", "claim": "c1", "stance": "supports"},
  {"source": "r5", "claim": "c2", "stance": "supports"},
  {"source": "r6", "claim": "c1", "stance": "refutes"},
  {"source": "r7", "claim": "c3", "stance": "supports"},
  {"source": "r8", "claim": "c3", "stance": "refutes"},
  {"source": "r9", "claim": "c3", "stance": "refutes"},
  {"source": "r9", "claim": "c4", "stance": "supports"}],
"citations": [{"from": "r2", "to": "r1", "kind": "quotes"}]})";

struct Scored {
  ProvenanceGraph graph;
  CorroborationResult scores;
};

Scored Load() {
  LoadResult loaded = LoadCasefileTexts({"semantics.json"}, {kCase});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  ScoreOptions options;
  options.reliability_method = "";  // the priors: the verdicts below follow from the structure
  Result<CorroborationResult> scores = Score(*loaded.graph, options);
  REQUIRE_MESSAGE(scores.ok(), scores.status().message());
  return {std::move(*loaded.graph), std::move(scores.value())};
}

TEST_CASE("first-appearance follows citations and speakers before comparing dates") {
  Scored scored = Load();
  Result<QueryTable> table = QueryFirstAppearance(scored.graph, "c1");
  REQUIRE(table.ok());
  // r2 and r3 have r1's date but took the claim from it; before, all three were listed.
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "claim,source,published,url,publisher,speaker,title\r\n"
        "c1,r1,2024-03-01,,,,R1\r\n");
  CHECK(table->notes == std::vector<std::string>{
                            "2 of 4 supporting sources cite or quote another supporting source and were not compared"});
}

TEST_CASE("origins labels support for an excluding claim as such, not as a refutation") {
  Scored scored = Load();
  Result<QueryTable> table = QueryOrigins(scored.graph, scored.scores, "c1");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "group,stance,origin,origin_kind,interested,reporting_source,chain\r\n"
        "1,supports,r1,source,no,r2,r2 -[quotes]-> r1\r\n"
        "1,supports,r1,source,no,r3,r3 -[speaker]-> r1\r\n"
        "1,supports,r1,source,no,r1,r1\r\n"
        "2,supports,r4,source,no,r4,r4\r\n"
        "3,supports c2,r5,source,no,r5,r5\r\n"
        "4,refutes,r6,source,no,r6,r6\r\n");
  CHECK(table->notes.empty());
}

TEST_CASE("single-origin and self-reported list only claims of that verdict band") {
  Scored scored = Load();
  // c3 has one supporting group but is refuted: before, single-origin listed it.
  CHECK(scored.scores.claims[2].verdict == VerdictBand::kRefuted);
  const QueryTable single = QuerySingleOrigin(scored.graph, scored.scores);
  for (const auto& row : single.rows) CHECK(std::get<std::string>(row[2]) == "single origin");
  REQUIRE(single.rows.size() == 1);
  CHECK(std::get<std::string>(single.rows[0][0]) == "c4");
  CHECK(QuerySelfReported(scored.graph, scored.scores).rows.empty());
}

}  // namespace
}  // namespace claimgraph
