// `claimgraph check` and `claimgraph stats` on valid casefiles: summaries, warnings,
// --max-errors, --format json, usage errors, and exact stats output.
#include <doctest/doctest.h>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

TEST_CASE("check prints a summary of valid casefiles and exits 0") {
  const CommandOutput output = RunTool({"check", "tests/casefiles/valid/small.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.err.empty());
  CHECK(output.out ==
        "1 casefile valid: 2 sources, 1 claim, 2 entities, 2 assertions, 1 citation, 0 verdicts\n");
}

TEST_CASE("check loads several casefiles together") {
  const CommandOutput output = RunTool(
      {"check", "tests/casefiles/valid/small.json", "tests/casefiles/valid/minimal.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "2 casefiles valid: 2 sources, 1 claim, 2 entities, 2 assertions, 1 citation, 0 verdicts\n");
}

TEST_CASE("warnings are printed but do not make a casefile invalid") {
  const std::string file = "tests/casefiles/valid/warnings.json";
  const CommandOutput output = RunTool({"check", file});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "1 casefile valid: 2 sources, 2 claims, 2 entities, 1 assertion, 0 citations, 0 verdicts\n");
  CHECK(output.err ==
        file + ":5:25: warning: /entities/1/name: entity \"itar-tass\" and entity \"tass\" share "
               "the name \"Itar-Tass\" (ignoring case); if they are one entity, merge them\n" +
        file + ":9:5: warning: /sources/1: source \"tass-2\" asserts nothing (no assertion "
               "names it as source or speaker)\n" +
        file + ":13:5: warning: /claims/1: no source asserts claim \"aimed\"\n");

  const CommandOutput quiet = RunTool({"check", "--no-warnings", file});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
}

TEST_CASE("--max-errors stops collecting and says so") {
  const std::string file = "tests/casefiles/invalid/several-errors.json";
  const CommandOutput output = RunTool({"check", "--max-errors", "2", file});
  CHECK(output.exit_code == 2);
  CHECK(output.out.empty());
  CHECK(output.err ==
        file + ":48:7: error: /assertions/0/stance: stance must be one of supports, refutes, "
               "reports, not \"agrees\"\n" +
        file + ":51:5: error: /assertions/1: missing required field \"claim\" in an assertion\n" +
        file + ": error: too many errors; stopped after the first 2 (see --max-errors)\n");

  const CommandOutput all = RunTool({"check", "--max-errors", "5", file});
  CHECK(all.err == ReadWholeFile(ProjectPath("tests/casefiles/invalid/several-errors.expected")));
}

TEST_CASE("--format json writes the diagnostics as one JSON object on standard output") {
  const CommandOutput output =
      RunTool({"check", "--format", "json", "tests/casefiles/invalid/bad-date.json"});
  CHECK(output.exit_code == 2);
  CHECK(output.err.empty());
  CHECK(output.out ==
        "{\"valid\":false,\"diagnostics\":[{\"severity\":\"error\",\"file\":"
        "\"tests/casefiles/invalid/bad-date.json\",\"line\":31,\"column\":7,\"pointer\":"
        "\"/sources/1/published\",\"message\":\"\\\"2017-02-30\\\" is not a calendar date: "
        "February 2017 has 28 days\"}]}\n");
}

TEST_CASE("check reports usage errors with exit code 2") {
  CHECK(RunTool({"check"}).err ==
        "claimgraph check: no casefile given (see 'claimgraph check --help')\n");
  const CommandOutput zero = RunTool({"check", "--max-errors", "0", "x.json"});
  CHECK(zero.exit_code == 2);
  CHECK(zero.err == "claimgraph check: --max-errors needs a positive whole number, not '0' "
                    "(see 'claimgraph check --help')\n");
  const CommandOutput format = RunTool({"check", "--format", "xml", "x.json"});
  CHECK(format.exit_code == 2);
  CHECK(format.err ==
        "claimgraph check: --format must be 'text' or 'json', not 'xml' (see 'claimgraph check "
        "--help')\n");
  const CommandOutput missing = RunTool({"check", "tests/casefiles/no-such-file.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err ==
        "tests/casefiles/no-such-file.json:1:1: error: cannot open: No such file or directory\n");
}

TEST_CASE("check and stats explain themselves") {
  const CommandOutput check = RunTool({"check", "--help"});
  CHECK(check.exit_code == 0);
  CHECK(check.out.rfind("Usage: claimgraph check FILE...", 0) == 0);
  CHECK(check.out.find("--max-errors N") != std::string::npos);
  const CommandOutput stats = RunTool({"stats", "--help"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.rfind("Usage: claimgraph stats FILE...", 0) == 0);
}

TEST_CASE("stats counts records by kind as text") {
  const CommandOutput output = RunTool({"stats", "tests/casefiles/valid/small.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.err.empty());
  CHECK(output.out ==
        "casefiles: 1\n"
        "sources: 2\n  statement: 0\n  press release: 0\n  wire report: 1\n  news report: 1\n"
        "  social post: 0\n  other: 0\n"
        "entities: 2\n  organisation: 0\n  person: 0\n  state: 1\n  outlet: 1\n  place: 0\n"
        "  system: 0\n  other: 0\n"
        "claims: 1\n"
        "assertions: 2\n  supports: 1\n  refutes: 0\n  reports: 1\n"
        "citations: 1\n  quotes: 1\n  derived from: 0\n  primary source: 0\n  links: 0\n"
        "verdicts: 0\n  true: 0\n  false: 0\n"
        "publishers: 1 (sources without a publisher: 1)\n  tass (TASS): 1\n");
}

TEST_CASE("stats counts records by kind as JSON") {
  const CommandOutput output =
      RunTool({"stats", "--format", "json", "tests/casefiles/valid/warnings.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "{\n"
        "  \"casefiles\": 1,\n"
        "  \"sources\": {\n    \"total\": 2,\n    \"by_kind\": {\n      \"statement\": 0,\n"
        "      \"press release\": 0,\n      \"wire report\": 2,\n      \"news report\": 0,\n"
        "      \"social post\": 0,\n      \"other\": 0\n    }\n  },\n"
        "  \"entities\": {\n    \"total\": 2,\n    \"by_type\": {\n      \"organisation\": 0,\n"
        "      \"person\": 0,\n      \"state\": 0,\n      \"outlet\": 2,\n      \"place\": 0,\n"
        "      \"system\": 0,\n      \"other\": 0\n    }\n  },\n"
        "  \"claims\": {\n    \"total\": 2\n  },\n"
        "  \"assertions\": {\n    \"total\": 1,\n    \"by_stance\": {\n      \"supports\": 1,\n"
        "      \"refutes\": 0,\n      \"reports\": 0\n    }\n  },\n"
        "  \"citations\": {\n    \"total\": 0,\n    \"by_kind\": {\n      \"quotes\": 0,\n"
        "      \"derived from\": 0,\n      \"primary source\": 0,\n      \"links\": 0\n    }\n  },\n"
        "  \"verdicts\": {\n    \"total\": 0,\n    \"by_rating\": {\n      \"true\": 0,\n"
        "      \"false\": 0\n    }\n  },\n"
        "  \"publishers\": {\n    \"total\": 2,\n    \"sources_without_publisher\": 0,\n"
        "    \"top\": [\n      {\n        \"id\": \"itar-tass\",\n        \"name\": \"Itar-Tass\",\n"
        "        \"sources\": 1\n      },\n      {\n        \"id\": \"tass\",\n"
        "        \"name\": \"TASS\",\n        \"sources\": 1\n      }\n    ]\n  }\n"
        "}\n");
}

TEST_CASE("stats reports invalid casefiles like check") {
  const CommandOutput output = RunTool({"stats", "tests/casefiles/invalid/bad-url.json"});
  CHECK(output.exit_code == 2);
  CHECK(output.out.empty());
  CHECK(output.err ==
        ReadWholeFile(ProjectPath("tests/casefiles/invalid/bad-url.expected")));
}

TEST_CASE("the sample casefile checks clean") {
  const CommandOutput output = RunTool({"check", "samples/thaad-drills/case.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.err.empty());
}

}  // namespace
}  // namespace claimgraph::testing
