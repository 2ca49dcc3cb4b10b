// The case as of a date (issue 13, item 6): the filter, `--as-of` on the commands, and the
// timeline query. Trust is the casefile priors (--reliability priors) so that every score
// can be worked out by hand: c is refuted by the undated u (0.5) and supported by s1, s2, s4
// (0.8 each) as they appear; v (undated) reports d, s5 and s6 support d.
//   start (u only):  S = 0,   R = 0.5: 1 / 2.5 = 0.400, refuted
//   2024-01-01 (s1): S = 0.8, R = 0.5: 1.8 / 3.3 = 0.545, contested (R > 0.25 S)
//   2024-02-01 (s2): S = 1.6, R = 0.5: 2.6 / 4.1 = 0.634, contested
//   2024-03-01 (s4, s5): S = 2.4, R = 0.5 <= 0.6: 3.4 / 4.9 = 0.694, corroborated
//   2024-04-01 (s6): c does not change.
#include <doctest/doctest.h>

#include <filesystem>

#include "claimgraph/as_of.h"
#include "claimgraph/load.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::CommandOutput;
using testing::RunTool;
using testing::ScratchDirectory;

constexpr const char* kDatedCase = R"({
  "claimgraph": "1.0",
  "sources": [
    {"id": "u", "title": "Undated", "kind": "news report", "reliability": 0.5},
    {"id": "v", "title": "Also undated", "kind": "news report"},
    {"id": "s1", "title": "One", "kind": "news report", "published": "2024-01-01", "reliability": 0.8},
    {"id": "s2", "title": "Two", "kind": "news report", "published": "2024-02-01", "reliability": 0.8},
    {"id": "s4", "title": "Four", "kind": "news report", "published": "2024-03-01", "reliability": 0.8},
    {"id": "s5", "title": "Five", "kind": "news report", "published": "2024-03-01", "reliability": 0.8},
    {"id": "s6", "title": "Six", "kind": "news report", "published": "2024-04-01", "reliability": 0.8}
  ],
  "claims": [
    {"id": "c", "text": "C happened"},
    {"id": "d", "text": "D happened"}
  ],
  "assertions": [
    {"source": "u", "claim": "c", "stance": "refutes"},
    {"source": "v", "claim": "d", "stance": "reports"},
    {"source": "s1", "claim": "c", "stance": "supports"},
    {"source": "s2", "claim": "c", "stance": "supports"},
    {"source": "s4", "claim": "c", "stance": "supports"},
    {"source": "s5", "claim": "d", "stance": "supports"},
    {"source": "s6", "claim": "d", "stance": "supports"}
  ],
  "citations": [{"from": "s2", "to": "v", "kind": "links"}, {"from": "s6", "to": "s5", "kind": "links"}],
  "verdicts": [{"claim": "d", "rating": "true", "date": "2024-05-01"}]
}
)";

TEST_CASE("FilterAsOf leaves out later sources, their assertions and citations, and later verdicts") {
  ScratchDirectory directory;
  LoadResult loaded = LoadCasefiles({directory.Write("case.json", kDatedCase)});
  REQUIRE(loaded.ok());
  Result<GraphAsOf> then = FilterAsOf(*loaded.graph, "2024-02-15");
  REQUIRE(then.ok());
  const ProvenanceGraph& graph = then->graph;
  REQUIRE(graph.sources().size() == 4);
  CHECK(graph.sources()[3].id == "s2");
  CHECK(graph.claims().size() == 2);  // claims stay, with their indices
  CHECK(graph.assertions().size() == 4);
  REQUIRE(graph.citations().size() == 1);
  CHECK(graph.sources()[graph.citations()[0].from].id == "s2");
  CHECK(graph.sources()[graph.citations()[0].to].id == "v");
  CHECK(graph.verdicts().empty());
  CHECK(DescribeAsOf(then->report) ==
        "as of 2024-02-15: left out 3 sources published later (3 assertions, 1 citation) and 1 verdict "
        "dated later; kept 2 sources without a date");
  // A date covers its whole day: s2 published on 2024-02-01 is in as of that day.
  CHECK(FilterAsOf(*loaded.graph, "2024-02-01")->graph.sources().size() == 4);
  CHECK(FilterAsOf(*loaded.graph, "2024-01-31T23:59:59Z")->graph.sources().size() == 3);
  CHECK(FilterAsOf(*loaded.graph, "2024-02-30").status().message() ==
        "--as-of: '2024-02-30' is not a calendar date: February 2024 has 29 days");
}

TEST_CASE("FilterAsOf keeps the extraction rules that the kept assertions name") {
  ScratchDirectory directory;
  LoadResult loaded = LoadCasefiles({directory.Write("case.json", R"({
    "claimgraph": "1.0",
    "sources": [
      {"id": "early", "title": "Early", "kind": "news report", "published": "2024-01-01"},
      {"id": "late", "title": "Late", "kind": "news report", "published": "2024-06-01"}
    ],
    "claims": [{"id": "c", "text": "C happened"}],
    "assertions": [
      {"source": "late", "claim": "c", "stance": "supports", "quote": "C", "span": [0, 1], "extracted_by": "cue: said"},
      {"source": "early", "claim": "c", "stance": "supports", "quote": "C happened", "span": [4, 14], "extracted_by": "cue: according to"}
    ]
  })")});
  REQUIRE(loaded.ok());
  Result<GraphAsOf> then = FilterAsOf(*loaded.graph, "2024-03-01");
  REQUIRE(then.ok());
  const CaseData& data = then->graph.data();
  REQUIRE(data.assertions.size() == 1);
  REQUIRE(data.extractions.size() == 1);  // the late source's went with its assertion
  const Extraction kept = data.ExtractionOf(0);
  CHECK(kept.span_begin == 4);
  CHECK(kept.span_end == 14);
  REQUIRE(kept.extracted_by < data.extraction_rules.size());
  CHECK(data.extraction_rules[kept.extracted_by] == "cue: according to");
}

TEST_CASE("score --as-of scores the case as it stood, and says what it left out") {
  ScratchDirectory directory;
  const std::string path = directory.Write("case.json", kDatedCase);
  CommandOutput output = RunTool({"score", path, "--as-of", "2024-02-15", "--reliability", "priors"});
  CHECK(output.exit_code == 0);
  CHECK(output.err ==
        "claimgraph score: note: as of 2024-02-15: left out 3 sources published later (3 assertions, "
        "1 citation) and 1 verdict dated later; kept 2 sources without a date\n");
  CHECK(output.out.substr(0, output.out.find("\n\n")) ==
        "claim  score   verdict             reports  for  against  interested  text\n"
        "c      0.6341  contested                 3    2        1           0  C happened\n"
        "d      0.5000  unsupported               1    0        0           0  D happened");
  CommandOutput json = RunTool({"score", path, "--as-of", "2024-02-15", "--format", "json"});
  CHECK(json.out.find("\"as_of\": {\n    \"date\": \"2024-02-15\",\n    \"sources_left_out\": 3,") !=
        std::string::npos);
}

TEST_CASE("a bad --as-of is refused before anything is written") {
  ScratchDirectory directory;
  const std::string path = directory.Write("case.json", kDatedCase);
  const std::string written = directory.File("scores.json");
  CommandOutput score = RunTool({"score", path, "--as-of", "yesterday", "-o", written});
  CHECK(score.exit_code == 2);
  CHECK(score.err ==
        "claimgraph score: --as-of: 'yesterday' is not an ISO 8601 date (2017-12-11) or date-time "
        "(2017-12-11T09:30:00Z)\n");
  CHECK(score.out == "");
  CHECK(!std::filesystem::exists(written));
  for (const char* command : {"explain", "render", "query"}) {
    CAPTURE(command);
    std::vector<std::string> args = {command, path};
    if (std::string(command) == "explain") args.push_back("c");
    if (std::string(command) == "query") args.push_back("claims");
    if (std::string(command) == "render") args.insert(args.end(), {"-o", directory.File("case.svg")});
    args.insert(args.end(), {"--as-of", "2024-13-01"});
    CommandOutput output = RunTool(args);
    CHECK(output.exit_code == 2);
    CHECK(output.err == "claimgraph " + std::string(command) +
                            ": --as-of: '2024-13-01' has no month 13 (months are 01 to 12)\n");
  }
}

TEST_CASE("query timeline lists when the claim's score or verdict changed, and who changed it") {
  ScratchDirectory directory;
  const std::string path = directory.Write("case.json", kDatedCase);
  CommandOutput output = RunTool({"query", path, "timeline", "c", "--reliability", "priors", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "date,score,verdict,previous_score,previous_verdict,new_sources,new_assertions\r\n"
        ",0.4,refuted,,,,\r\n"
        "2024-01-01,0.5454545454545455,contested,0.4,refuted,s1,s1 supports\r\n"
        "2024-02-01,0.6341463414634148,contested,0.5454545454545455,contested,s2,s2 supports\r\n"
        "2024-03-01,0.6938775510204082,corroborated,0.6341463414634148,contested,\"s4, s5\",s4 supports\r\n");
  CHECK(std::stod("0.5454545454545455") == 1.8 / 3.3);
  CHECK(output.err == "claimgraph query: note: 2 sources have no date and count from the start\n");
  CommandOutput unknown = RunTool({"query", path, "timeline", "e"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "claimgraph query: no claim has id 'e'\n");
}

}  // namespace
}  // namespace claimgraph
