// `claimgraph query FILE... answers` (issue 13, item 2): one row per question with the
// chosen value, its probability, the runner-up and the margin; ties reported as ties.
// Trust is the casefile priors, so the scores are the Beta expectations of docs/scoring.md:
//   capital: X by a and b (0.9 each), Y by c (0.9): X = 2.8 / 4.7 = 0.596, Y = 1.9 / 4.7 = 0.404
//   colour: red by a, blue by b, both 0.9: 1.9 / 3.8 = 0.5 each, a tie
//   quiet: nobody takes a side: 0.5 against its negation, a tie
//   rain: supported by c: 1.9 / 2.9 = 0.655 against "false" at 0.345
#include <doctest/doctest.h>

#include <string>

#include "claimgraph/load.h"
#include "claimgraph/query.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::CommandOutput;
using testing::RunTool;
using testing::ScratchDirectory;

constexpr const char* kQuestions = R"({
  "claimgraph": "1.0",
  "sources": [
    {"id": "a", "title": "A", "kind": "news report", "reliability": 0.9},
    {"id": "b", "title": "B", "kind": "news report", "reliability": 0.9},
    {"id": "c", "title": "C", "kind": "news report", "reliability": 0.9}
  ],
  "claims": [
    {"id": "colour-red", "text": "It is red", "question": "colour", "value": "red"},
    {"id": "colour-blue", "text": "It is blue", "question": "colour", "value": "blue"},
    {"id": "capital-y", "text": "The capital is Y", "question": "capital", "value": "Y"},
    {"id": "capital-x", "text": "The capital is X", "question": "capital", "value": "X"},
    {"id": "rain", "text": "It rained"},
    {"id": "quiet", "text": "Nobody said"}
  ],
  "assertions": [
    {"source": "a", "claim": "capital-x", "stance": "supports"},
    {"source": "b", "claim": "capital-x", "stance": "supports"},
    {"source": "c", "claim": "capital-y", "stance": "supports"},
    {"source": "b", "claim": "colour-blue", "stance": "supports"},
    {"source": "a", "claim": "colour-red", "stance": "supports"},
    {"source": "c", "claim": "rain", "stance": "supports"},
    {"source": "c", "claim": "quiet", "stance": "reports"}
  ]
}
)";

TEST_CASE("query answers gives each question's answer, runner-up and margin, and ties as ties") {
  ScratchDirectory directory;
  const std::string path = directory.Write("case.json", kQuestions);
  CommandOutput output = RunTool({"query", path, "answers", "--reliability", "priors", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "item,answer,claim,probability,runner_up,runner_up_claim,runner_up_probability,margin,tie,answers\r\n"
        "quiet,,,0.5,,,,0,false | true,2\r\n"
        "rain,true,rain,0.6551724137931034,false,rain,0.3448275862068966,0.31034482758620685,,2\r\n"
        "capital,X,capital-x,0.5957446808510638,Y,capital-y,0.40425531914893614,0.19148936170212766,,2\r\n"
        "colour,,,0.5,,,,0,blue | red,2\r\n");
  CHECK(output.err == "claimgraph query: note: 2 of 4 questions are tied at the top; their answer is left blank\n");
  // CSV prints each probability in the shortest form that reads back as the same double.
  const double rain = (0.9 + 1.0) / (0.9 + 2.0), capital_x = (1.8 + 1.0) / (1.8 + 0.9 + 2.0);
  CHECK(std::stod("0.6551724137931034") == rain);
  CHECK(std::stod("0.31034482758620685") == rain - (1.0 - rain));
  CHECK(std::stod("0.5957446808510638") == capital_x);
  // The table keeps four decimals for a person.
  CommandOutput table = RunTool({"query", path, "answers", "--reliability", "priors"});
  CHECK(table.out.find("rain     true    rain       0.6552       false") != std::string::npos);
}

TEST_CASE("the answers do not depend on the order of the claims in the casefile") {
  ScratchDirectory directory;
  std::string reordered = kQuestions;
  const std::string red = R"({"id": "colour-red", "text": "It is red", "question": "colour", "value": "red"},)";
  const std::string blue = R"({"id": "colour-blue", "text": "It is blue", "question": "colour", "value": "blue"},)";
  reordered.replace(reordered.find(red), red.size(), blue);
  reordered.replace(reordered.find(blue, reordered.find(blue) + 1), blue.size(), red);
  CommandOutput first = RunTool({"query", directory.Write("one.json", kQuestions), "answers", "--reliability", "priors"});
  CommandOutput second = RunTool({"query", directory.Write("two.json", reordered), "answers", "--reliability", "priors"});
  CHECK(first.exit_code == 0);
  CHECK(first.out == second.out);
}

TEST_CASE("with a truth-discovery method, the answers are its probabilities") {
  ScratchDirectory directory;
  LoadResult loaded = LoadCasefiles({directory.Write("case.json", kQuestions)});
  REQUIRE(loaded.ok());
  ScoreOptions options;
  options.method = "majority";
  Result<CorroborationResult> scored = Score(*loaded.graph, options);
  REQUIRE(scored.ok());
  const QueryTable table = QueryAnswers(*loaded.graph, scored.value());
  REQUIRE(table.rows.size() == 4);
  // capital: 2 votes of 3 for X.
  const std::vector<QueryValue>& capital = table.rows[2];
  CHECK(std::get<std::string>(capital[1]) == "X");
  CHECK(std::get<double>(capital[3]) == doctest::Approx(2.0 / 3.0));
  CHECK(std::get<double>(capital[7]) == doctest::Approx(1.0 / 3.0));
  // rain: its one vote against no vote for the negation.
  CHECK(std::get<double>(table.rows[1][3]) == 1.0);
}

}  // namespace
}  // namespace claimgraph
