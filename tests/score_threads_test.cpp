// --threads N gives byte-identical output for every N (issue 11, item 4): `score --format
// json` with the default score and with every method, `explain` and `render --format dot`
// are run with N = 1, 2 and 7 on the sample and on a generated casefile; the default score,
// three methods and `explain` on the real data sets (skipped with a message where
// ../shared/data is absent). Every loop is cut into
// ranges as small as one element (SetSmallestRangeForTesting), so that these small cases
// are partitioned as finely as a large one would be.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"
#include "score/parallel_ranges.h"
#include "score/truth_discovery.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::CommandOutput;
using testing::RunTool;

// Restores the ranges' grains when a test case ends, whatever its outcome.
struct SmallestRanges {
  SmallestRanges() { score::SetSmallestRangeForTesting(1); }
  ~SmallestRanges() { score::SetSmallestRangeForTesting(0); }
};

// `claimgraph ARGS... --threads N` for N = 1, 2, 7: each must succeed, and 2 and 7 must
// write exactly what 1 wrote.
void CheckSameForEveryThreadCount(const std::vector<std::string>& args) {
  std::string first;
  for (const char* threads : {"1", "2", "7"}) {
    std::vector<std::string> with_threads = args;
    with_threads.push_back("--threads");
    with_threads.push_back(threads);
    const CommandOutput output = RunTool(with_threads);
    std::string command;
    for (const std::string& arg : with_threads) command += arg + " ";
    INFO("claimgraph " << command);
    REQUIRE_MESSAGE(output.exit_code == 0, output.err);
    CHECK(!output.out.empty());
    if (first.empty()) {
      first = output.out;
    } else {
      CHECK(output.out == first);
    }
  }
}

// The commands that score, on one casefile: the default score, `methods`, explain (`claim`
// is an id) and, with `render`, a picture with scores and evidence groups.
void CheckCasefile(const std::string& path, const std::string& claim, const std::vector<std::string>& methods,
                   bool render) {
  SmallestRanges smallest;
  CheckSameForEveryThreadCount({"score", path, "--format", "json"});
  for (const std::string& method : methods) {
    CheckSameForEveryThreadCount({"score", path, "--method", method, "--format", "json"});
  }
  CheckSameForEveryThreadCount({"explain", path, claim, "--format", "json"});
  if (render) {
    CheckSameForEveryThreadCount({"render", path, "--format", "dot", "--scores", "--group-by", "origin", "-o", "-"});
  }
}

std::string FirstClaimId(const std::string& path) {
  LoadResult loaded = LoadCasefiles({path});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  REQUIRE(!loaded.graph->claims().empty());
  return loaded.graph->claims()[loaded.graph->claims().size() / 2].id;
}

// A casefile of about `assertion_count` assertions with a fixed seed: two-answer questions,
// lone claims, refutations, reports, citations and priors, so that every method's branches
// (implicit negations, alternatives, labels) are taken.
CaseData Generated(size_t assertion_count) {
  std::mt19937_64 random(20261202);
  auto below = [&](size_t n) { return static_cast<Index>(random() % n); };
  CaseData data;
  const size_t source_count = assertion_count / 6, claim_count = assertion_count / 5;
  for (Index s = 0; s < source_count; ++s) {
    Source source;
    source.id = "s" + std::to_string(s);
    source.title = "Source " + std::to_string(s);
    if (below(3) == 0) source.reliability = 0.3 + 0.6 * (below(1000) / 1000.0);
    data.sources.push_back(source);
  }
  for (Index c = 0; c < claim_count; ++c) {
    Claim claim;
    claim.id = "c" + std::to_string(c);
    claim.text = "Claim " + std::to_string(c);
    if (c % 5 != 4) claim.question = "q" + std::to_string(c / 2);  // every fifth claim alone
    claim.value = std::to_string(100 + below(4));
    data.claims.push_back(claim);
  }
  for (size_t k = 0; k < assertion_count; ++k) {
    Assertion assertion{.source = below(source_count), .claim = below(claim_count)};
    const Index stance = below(20);
    assertion.stance = stance < 15 ? Stance::kSupports : stance < 19 ? Stance::kRefutes : Stance::kReports;
    data.assertions.push_back(assertion);
    // Only earlier (lower-numbered) sources are cited: acyclic by construction.
    if (assertion.source > 0 && below(4) == 0) {
      data.citations.push_back({.from = assertion.source, .to = below(assertion.source)});
    }
  }
  return data;
}

TEST_CASE("threads: the sample scores, explains and renders the same for 1, 2 and 7 threads") {
  const std::string path = testing::ProjectPath("samples/thaad-drills/case.json");
  CheckCasefile(path, FirstClaimId(path), score::TruthDiscoveryMethods(), true);
}

TEST_CASE("threads: a generated casefile scores, explains and renders the same for 1, 2 and 7 threads") {
  testing::ScratchDirectory scratch;
  const std::string path = scratch.Write("generated.json", CasefileText(Generated(6000)));
  CheckCasefile(path, FirstClaimId(path), score::TruthDiscoveryMethods(), true);
}

// Imports a shared data set with `claimgraph import` into the scratch directory.
std::optional<std::string> Imported(const testing::ScratchDirectory& scratch, const std::vector<std::string>& import) {
  std::optional<std::string> input = testing::SharedDataPath(import[1]);
  if (!input) {
    MESSAGE("skipped: ../shared/data/" << import[1] << " is absent");
    return std::nullopt;
  }
  const std::string output = scratch.File("imported.json");
  std::vector<std::string> args = {"import", import[0], *input, "-o", output};
  args.insert(args.end(), import.begin() + 2, import.end());
  const CommandOutput imported = RunTool(args);
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  return output;
}

TEST_CASE("threads: the real data sets score, explain and render the same for 1, 2 and 7 threads") {
  const std::vector<std::vector<std::string>> imports = {
      {"dafna", "books/EA_books_claims_pipe.txt", "--normalise", "authors"},
      {"flights-csv", "flight/pclean/flights_dirty.csv"},
      {"dafna", "flight/dafna/flight-claims-2011-12-04.txt", "--normalise", "flight-times"},
      {"emergent", "emergent/emergent-train.csv", "--with-verdicts"},
  };
  for (const std::vector<std::string>& import : imports) {
    testing::ScratchDirectory scratch;
    std::optional<std::string> path = Imported(scratch, import);
    if (!path) continue;
    INFO("data set " << import[1]);
    // A method of each loop shape (a scatter turned gather, several passes, per-range
    // scratch), to keep Debug and sanitizer runs short; the sample and the generated
    // casefile run every method.
    CheckCasefile(*path, FirstClaimId(*path), {"truthfinder", "3-estimates", "crh"}, false);
  }
}

TEST_CASE("threads: --threads must be a whole number from 1 to 256") {
  const std::string path = testing::ProjectPath("samples/thaad-drills/case.json");
  for (const char* bad : {"0", "257", "two", "1.5"}) {
    const CommandOutput output = RunTool({"score", path, "--threads", bad});
    CHECK(output.exit_code == 2);
    CHECK(output.out.empty());
    CHECK(output.err == std::string("claimgraph score: --threads must be a whole number from 1 to 256, got '") + bad +
                            "'\n");
  }
  const CommandOutput render = RunTool({"render", path, "--format", "dot", "-o", "-", "--threads", "x"});
  CHECK(render.exit_code == 2);
  CHECK(render.err == "claimgraph render: --threads must be a whole number from 1 to 256, got 'x'\n");
}

}  // namespace
}  // namespace claimgraph
