// `claimgraph import triples` (scale/triples_reader.h): what a line becomes, and every
// error with its file, line and column.
#include <doctest/doctest.h>

#include "claimgraph/load.h"
#include "scale/triples_reader.h"
#include "test_support.h"

namespace claimgraph {
namespace {

std::string ErrorOf(std::string_view text) {
  Result<scale::TriplesImport> read = scale::ReadTriples("t.tsv", text);
  REQUIRE(!read.ok());
  return read.status().message();
}

TEST_CASE("triples: sources, questions, claims and stances in order of first appearance") {
  Result<scale::TriplesImport> read = scale::ReadTriples(
      "data/t.tsv", "# comment\nshop-a\tbook 1\tSmith\nshop-b\tbook 1\tJones\trefutes\r\n\nshop-a\tbook 2\tLee\treports\n"
                    "shop-b\tbook 1\tJones\trefutes\n");
  REQUIRE_MESSAGE(read.ok(), read.status().message());
  const CaseData& data = read->data;
  CHECK(data.title == "triples from t.tsv");
  REQUIRE(data.sources.size() == 2);
  CHECK(data.sources[0].id == "s1");
  CHECK(data.sources[0].title == "shop-a");
  CHECK(data.sources[1].title == "shop-b");
  REQUIRE(data.claims.size() == 3);
  CHECK(data.claims[1].id == "c2");
  CHECK(data.claims[1].question == "book 1");
  CHECK(data.claims[1].value == "Jones");
  CHECK(data.claims[1].text == "book 1: Jones");
  REQUIRE(data.assertions.size() == 3);
  CHECK(data.assertions[1].source == 1);
  CHECK(data.assertions[1].claim == 1);
  CHECK(data.assertions[1].stance == Stance::kRefutes);
  CHECK(data.assertions[2].stance == Stance::kReports);
  CHECK(read->notes == std::vector<std::string>{
                           "data/t.tsv: note: 1 line repeats an earlier line and was skipped; first at line 6"});
}

TEST_CASE("triples: errors name the file, line and column, and what is wrong") {
  CHECK(ErrorOf("a\tb\n") == "t.tsv:1:4: expected 3 or 4 tab-separated fields (source, item, value[, stance]), found 2");
  CHECK(ErrorOf("a\tb\tc\td\te\n") ==
        "t.tsv:1:8: expected 3 or 4 tab-separated fields (source, item, value[, stance]), found more");
  CHECK(ErrorOf("a\tb\tc\n\tb\tc\n") == "t.tsv:2:1: the source is empty");
  CHECK(ErrorOf("a\t\tc\n") == "t.tsv:1:3: the item is empty");
  CHECK(ErrorOf("a\tb\tc\t\n") == "t.tsv:1:7: the stance is empty");
  CHECK(ErrorOf("a\tb\tc\tmaybe\n") == "t.tsv:1:7: unknown stance 'maybe' (expected supports, refutes or reports)");
  CHECK(ErrorOf("a\tb\tx\xff\n") == "t.tsv:1:6: the value holds a byte that is not UTF-8 text or is a control character");
  CHECK(ErrorOf("a\tb\x01\tc\n") == "t.tsv:1:4: the item holds a byte that is not UTF-8 text or is a control character");
  CHECK(ErrorOf("a\tb\tc\na\tb\tc\trefutes\n") ==
        "t.tsv:2:7: source 'a' already gave the stance supports for this value at line 1");
}

TEST_CASE("triples: the command writes a casefile that loads, and refuses bad input with exit 2") {
  testing::ScratchDirectory scratch;
  const std::string input = scratch.Write("t.tsv", "a\tq\tyes\nb\tq\tno\nc\tq\tyes\trefutes\n");
  testing::CommandOutput output = testing::RunTool({"import", "triples", input, "-o", scratch.File("t.json")});
  CHECK(output.exit_code == 0);
  CHECK(output.out == "wrote " + scratch.File("t.json") + ": 3 sources, 2 claims, 0 entities, 3 assertions, 0 verdicts\n");
  LoadResult loaded = LoadCasefiles({scratch.File("t.json")});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  CHECK(loaded.graph->claims().size() == 2);
  CHECK(loaded.graph->assertions().size() == 3);

  const std::string bad = scratch.Write("bad.tsv", "a\tq\n");
  output = testing::RunTool({"import", "triples", bad, "-o", scratch.File("bad.json")});
  CHECK(output.exit_code == 2);
  CHECK(output.err == bad + ":1:4: expected 3 or 4 tab-separated fields (source, item, value[, stance]), found 2\n");
  output = testing::RunTool({"import", "triples", input});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph import triples: name the casefile to write with -o OUT "
                      "(see 'claimgraph import triples --help')\n");
  CHECK(scratch.List() == std::vector<std::string>{"bad.tsv", "t.json", "t.tsv"});  // nothing half-written
}

}  // namespace
}  // namespace claimgraph
