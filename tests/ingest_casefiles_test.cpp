// Golden tests for bad casefiles: every tests/casefiles/invalid/NAME.expected holds the whole
// standard error of `claimgraph check` on NAME.json (followed by NAME.*.json, sorted, when
// a case needs several files). Paths in the messages are relative to the project root,
// where the tests run.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

namespace fs = std::filesystem;

struct InvalidCase {
  std::string name;
  std::vector<std::string> files;  // relative to the project root
};

std::vector<InvalidCase> InvalidCases() {
  const std::string directory = "tests/casefiles/invalid";
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(ProjectPath(directory))) {
    if (entry.path().extension() == ".expected") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<InvalidCase> cases;
  for (const std::string& name : names) {
    InvalidCase invalid{name, {directory + "/" + name + ".json"}};
    std::vector<std::string> extra;
    for (const auto& entry : fs::directory_iterator(ProjectPath(directory))) {
      const std::string file = entry.path().filename().string();
      if (file.rfind(name + ".", 0) == 0 && file != name + ".json" && file != name + ".expected" &&
          entry.path().extension() == ".json") {
        extra.push_back(directory + "/" + file);
      }
    }
    std::sort(extra.begin(), extra.end());
    invalid.files.insert(invalid.files.end(), extra.begin(), extra.end());
    cases.push_back(std::move(invalid));
  }
  return cases;
}

TEST_CASE("every invalid casefile fails with exactly its expected diagnostics") {
  const std::vector<InvalidCase> cases = InvalidCases();
  CHECK(cases.size() >= 30);
  for (const InvalidCase& invalid : cases) {
    CAPTURE(invalid.name);
    std::vector<std::string> args = {"check"};
    args.insert(args.end(), invalid.files.begin(), invalid.files.end());
    const CommandOutput output = RunTool(args);
    CHECK(output.exit_code == 2);
    CHECK(output.out.empty());
    CHECK(output.err ==
          ReadWholeFile(ProjectPath("tests/casefiles/invalid/" + invalid.name + ".expected")));
  }
}

TEST_CASE("each check the loader makes has an invalid casefile") {
  // The cases the issue names; a missing one is a gap in the golden tests.
  const std::vector<std::string> required = {
      "empty-file", "truncated", "invalid-utf8", "duplicate-id", "duplicate-id-across-files",
      "citation-cycle", "cites-future", "unknown-field", "wrong-enum", "wrong-type",
      "missing-field", "bad-date", "bad-url", "unknown-reference", "wrong-kind-reference",
      "speaker-is-claim", "claim-excludes-itself", "empty-text", "empty-quote",
      "wrong-version", "reliability-out-of-range", "confidence-negative",
      "duplicate-key", "duplicate-top-level-member", "nesting-too-deep", "contradictory-verdicts"};
  for (const std::string& name : required) {
    CAPTURE(name);
    CHECK(fs::exists(ProjectPath("tests/casefiles/invalid/" + name + ".expected")));
  }
}

TEST_CASE("a casefile saved with a UTF-8 byte order mark loads") {
  const CommandOutput output = RunTool({"check", "tests/casefiles/valid/byte-order-mark.json"});
  CHECK(output.exit_code == 0);
  CHECK(output.err.empty());
  CHECK(output.out ==
        "1 casefile valid: 0 sources, 0 claims, 0 entities, 0 assertions, 0 citations, 0 verdicts\n");
}

}  // namespace
}  // namespace claimgraph::testing
