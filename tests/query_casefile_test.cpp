// The queries on tests/casefiles/workflow/exercise.json, whose answers follow from its
// structure: a ministry release quoted by a state outlet (one interested origin), a wire
// report repeated by a paper plus an analyst (two independent origins), an anonymous post
// (one origin), and a claim the watchdog supports and the ministry refutes.
#include <doctest/doctest.h>

#include <set>

#include "claimgraph/load.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::RunTool;

const std::string kExercise = "tests/casefiles/workflow/exercise.json";

struct Scored {
  ProvenanceGraph graph;
  CorroborationResult scores;
};

Scored LoadExercise() {
  LoadResult loaded = LoadCasefiles({ProjectPath(kExercise)});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE_MESSAGE(scores.ok(), scores.status().message());
  return {std::move(*loaded.graph), std::move(scores.value())};
}

std::string Text(const QueryValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* count = std::get_if<int64_t>(&value)) return std::to_string(*count);
  if (std::holds_alternative<std::monostate>(value)) return "-";
  return "<real>";
}

// The rows with every column except `score`, whose value is the scorer's business; each
// row's score is checked against Score() instead.
std::vector<std::vector<std::string>> RowsWithoutScore(const QueryTable& table, const Scored& scored) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < row.size(); ++i) {
      if (table.columns[i] == "score") {
        Index claim = scored.graph.Find(std::get<std::string>(row[0]))->index;
        CHECK(std::get<double>(row[i]) == scored.scores.claims[claim].score);
        continue;
      }
      cells.push_back(Text(row[i]));
    }
    rows.push_back(cells);
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("claims lists every claim by id with its verdict and counts") {
  Scored scored = LoadExercise();
  Result<QueryTable> table = QueryClaims(scored.graph, scored.scores, {});
  REQUIRE(table.ok());
  CHECK(table->columns == std::vector<std::string>{"claim", "score", "verdict", "supporting_reports",
                                                   "refuting_reports", "independent_origins", "text"});
  CHECK(RowsWithoutScore(table.value(), scored) ==
        Rows{{"began-january", "corroborated", "3", "0", "2", "The exercise began on 1 January 2020"},
             {"no-one-asserts", "unsupported", "0", "0", "0", "The exercise was cancelled"},
             {"not-aimed", "self-reported only", "2", "0", "1", "The exercise is not aimed at any third party"},
             {"ten-thousand-troops", "single origin", "1", "0", "1", "Ten thousand troops took part in the exercise"},
             {"threatens-neighbours", "single origin", "1", "1", "2", "The exercise threatens the neighbours of State A"}});
}

TEST_CASE("claims filters combine: entity, verdict, score range and words of the text") {
  Scored scored = LoadExercise();
  auto ids = [&](const ClaimFilter& filter) {
    Result<QueryTable> table = QueryClaims(scored.graph, scored.scores, filter);
    REQUIRE_MESSAGE(table.ok(), table.status().message());
    std::vector<std::string> result;
    for (const auto& row : table->rows) result.push_back(std::get<std::string>(row[0]));
    return result;
  };
  CHECK(ids({.entity = "state-a"}) == std::vector<std::string>{"not-aimed", "threatens-neighbours"});
  CHECK(ids({.verdict = VerdictBand::kSingleOrigin}) ==
        std::vector<std::string>{"ten-thousand-troops", "threatens-neighbours"});
  CHECK(ids({.text = "EXERCISE   third"}) == std::vector<std::string>{"not-aimed"});
  CHECK(ids({.text = "exercise troops"}) == std::vector<std::string>{"ten-thousand-troops"});
  // No evidence either way scores exactly 0.5; every asserted claim here moves away from it.
  CHECK(ids({.min_score = 0.5, .max_score = 0.5}) == std::vector<std::string>{"no-one-asserts"});
  const double corroborated = scored.scores.claims[scored.graph.Find("began-january")->index].score;
  CHECK(ids({.min_score = corroborated}) == std::vector<std::string>{"began-january"});
  CHECK(ids({.entity = "state-a", .verdict = VerdictBand::kCorroborated}).empty());
}

TEST_CASE("claims names the entity it cannot find") {
  Scored scored = LoadExercise();
  CHECK(QueryClaims(scored.graph, scored.scores, {.entity = "ministry-release"}).status().message() ==
        "--entity: no entity has id 'ministry-release'");
}

TEST_CASE("first-appearance gives the earliest supporting source, comparing date-times with dates") {
  Scored scored = LoadExercise();
  Result<QueryTable> table = QueryFirstAppearance(scored.graph, "began-january");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "claim,source,published,url,publisher,speaker,title\r\n"
        "began-january,wire-b-report,2020-01-02T08:00:00Z,https://wire.example/1,wire-b,,Wire B on the exercise\r\n");
  CHECK(table->notes == std::vector<std::string>{
                            "1 of 3 supporting sources cite or quote another supporting source and were not compared"});

  table = QueryFirstAppearance(scored.graph, "not-aimed");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "claim,source,published,url,publisher,speaker,title\r\n"
        "not-aimed,ministry-release,2020-01-01,https://ministry.example/release,ministry-a,,Ministry release on the exercise\r\n");
}

TEST_CASE("first-appearance leaves undated supporters out and says so") {
  Scored scored = LoadExercise();
  Result<QueryTable> table = QueryFirstAppearance(scored.graph, "ten-thousand-troops");
  REQUIRE(table.ok());
  CHECK(table->rows.empty());
  CHECK(table->notes == std::vector<std::string>{
                            "1 of 1 supporting sources have no publication date and were not compared"});
  table = QueryFirstAppearance(scored.graph, "no-one-asserts");
  REQUIRE(table.ok());
  CHECK(table->notes == std::vector<std::string>{"no source supports claim 'no-one-asserts'"});
  CHECK(QueryFirstAppearance(scored.graph, "wire-b-report").status().message() ==
        "no claim has id 'wire-b-report'");
}

TEST_CASE("origins shows each chain from a report up to the origin the scorer counted") {
  Scored scored = LoadExercise();
  Result<QueryTable> table = QueryOrigins(scored.graph, scored.scores, "began-january");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "group,stance,origin,origin_kind,interested,reporting_source,chain\r\n"
        "1,supports,analyst,entity,no,watchdog-report,watchdog-report -[speaker]-> analyst\r\n"
        "2,supports,wire-b-report,source,no,wire-b-report,wire-b-report\r\n"
        "2,supports,wire-b-report,source,no,paper-c-report,paper-c-report -[derived from]-> wire-b-report\r\n");

  table = QueryOrigins(scored.graph, scored.scores, "not-aimed");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "group,stance,origin,origin_kind,interested,reporting_source,chain\r\n"
        "1,supports,ministry-release,source,yes,ministry-release,ministry-release\r\n"
        "1,supports,ministry-release,source,yes,outlet-a-report,outlet-a-report -[quotes]-> ministry-release\r\n"
        "1,supports,ministry-a,entity,yes,outlet-a-report,outlet-a-report -[speaker]-> ministry-a\r\n");
}

TEST_CASE("single-origin, self-reported and contested find the weak-evidence patterns") {
  Scored scored = LoadExercise();
  // Only the single-origin band: not-aimed has one (interested) group, but it is self-reported.
  CHECK(RowsWithoutScore(QuerySingleOrigin(scored.graph, scored.scores), scored) ==
        Rows{{"ten-thousand-troops", "single origin", "anonymous-post", "1",
              "Ten thousand troops took part in the exercise"},
             {"threatens-neighbours", "single origin", "analyst", "1",
              "The exercise threatens the neighbours of State A"}});
  CHECK(RowsWithoutScore(QuerySelfReported(scored.graph, scored.scores), scored) ==
        Rows{{"not-aimed", "self-reported only", "ministry-release+ministry-a", "2",
              "The exercise is not aimed at any third party"}});
  CHECK(RowsWithoutScore(QueryContested(scored.graph, scored.scores), scored) ==
        Rows{{"threatens-neighbours", "single origin", "1", "1", "1", "1",
              "The exercise threatens the neighbours of State A"}});
}

TEST_CASE("source and publisher list assertions with stance, speaker and quote") {
  Scored scored = LoadExercise();
  Result<QueryTable> table = QuerySource(scored.graph, "ministry-release");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "source,claim,stance,speaker,confidence,quote,claim_text\r\n"
        "ministry-release,not-aimed,supports,,1,The exercise is not aimed at any third party.,"
        "The exercise is not aimed at any third party\r\n"
        "ministry-release,threatens-neighbours,refutes,,0.9,,The exercise threatens the neighbours of State A\r\n");
  table = QueryPublisher(scored.graph, "watchdog");
  REQUIRE(table.ok());
  CHECK(FormatQueryTable(table.value(), TableFormat::kCsv) ==
        "publisher,source,published,claim,stance,speaker,quote\r\n"
        "watchdog,watchdog-report,2020-01-04,began-january,supports,analyst,\r\n"
        "watchdog,watchdog-report,2020-01-04,threatens-neighbours,supports,analyst,\r\n");
  table = QueryPublisher(scored.graph, "state-a");
  REQUIRE(table.ok());
  CHECK(table->rows.empty());
  CHECK(table->notes == std::vector<std::string>{"entity 'state-a' publishes no source"});
  CHECK(QuerySource(scored.graph, "wire-b").status().message() == "no source has id 'wire-b'");
  CHECK(QueryPublisher(scored.graph, "wire-b-report").status().message() ==
        "no entity has id 'wire-b-report'");
}

TEST_CASE("the query command prints the library's table and reports usage errors in full") {
  const std::string casefile = ProjectPath(kExercise);
  testing::CommandOutput output = RunTool({"query", casefile, "publisher", "wire-b", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "publisher,source,published,claim,stance,speaker,quote\r\n"
        "wire-b,wire-b-report,2020-01-02T08:00:00Z,began-january,supports,,\r\n");

  output = RunTool({"query", casefile, "first-appearance", "ten-thousand-troops"});
  CHECK(output.exit_code == 0);
  CHECK(output.err ==
        "claimgraph query: note: 1 of 1 supporting sources have no publication date and were not compared\n");

  output = RunTool({"query", casefile, "origins"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph query: 'origins' takes one id (see 'claimgraph query --help')\n");
  output = RunTool({"query", casefile, "contested", "--text", "x"});
  CHECK(output.exit_code == 2);
  CHECK(output.err ==
        "claimgraph query: --entity, --verdict, --min-score, --max-score and --text filter 'claims' only "
        "(see 'claimgraph query --help')\n");
  output = RunTool({"query", casefile, "claims", "--verdict", "maybe"});
  CHECK(output.exit_code == 2);
  CHECK(output.err ==
        "claimgraph query: unknown verdict 'maybe' (use corroborated, single-origin, "
        "self-reported-only, contested, refuted or unsupported)\n");
  output = RunTool({"query", casefile, "claims", "--min-score", "high"});
  CHECK(output.err == "claimgraph query: --min-score 'high' is not a number\n");
  output = RunTool({"query", casefile, "source", "nobody"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph query: no source has id 'nobody'\n");
  output = RunTool({"query", casefile});
  CHECK(output.err ==
        "claimgraph query: name a query after the casefiles: claims, first-appearance, origins, "
        "single-origin, self-reported, contested, source, publisher, answers, timeline (see 'claimgraph query --help')\n");
  output = RunTool({"query", casefile, "claims", "--format", "xml"});
  CHECK(output.err == "claimgraph query: unknown format 'xml' (use table, json or csv)\n");
}

TEST_CASE("on the sample case, the key claim rests on the two defence ministries alone") {
  const std::string sample = ProjectPath("samples/thaad-drills/case.json");
  LoadResult loaded = LoadCasefiles({sample});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE(scores.ok());
  Result<QueryTable> origins = QueryOrigins(*loaded.graph, scores.value(), "drill-not-aimed-at-third-party");
  REQUIRE(origins.ok());
  // Every chain ends at the Chinese or the Russian side, and every group is interested:
  // the claim is about both states and their ministries.
  std::set<std::string> origin_ids;
  for (const auto& row : origins->rows) {
    origin_ids.insert(std::get<std::string>(row[2]));
    CHECK(std::get<std::string>(row[4]) == "yes");
  }
  CHECK(origin_ids == std::set<std::string>{"cn-defense-ministry", "cn-mod-statement", "cn-state",
                                            "ru-defense-ministry", "ru-mod-statement", "ru-state"});
  QueryTable self_reported = QuerySelfReported(*loaded.graph, scores.value());
  bool listed = false;
  for (const auto& row : self_reported.rows) listed |= std::get<std::string>(row[0]) == "drill-not-aimed-at-third-party";
  CHECK(listed);

  testing::CommandOutput first = RunTool({"query", sample, "first-appearance", "drill-not-aimed-at-third-party", "--format", "csv"});
  CHECK(first.exit_code == 0);
  CHECK(first.out ==
        "claim,source,published,url,publisher,speaker,title\r\n"
        "drill-not-aimed-at-third-party,report-yibada-2016-05-06,2016-05-06T21:55:00-04:00,,yibada,"
        "\"ru-defense-ministry, cn-defense-ministry\","
        "China and Russia Will Hold Anti-missile Drills Amid US-South Korea Talks in Deploying THAAD\r\n");
}

}  // namespace
}  // namespace claimgraph
