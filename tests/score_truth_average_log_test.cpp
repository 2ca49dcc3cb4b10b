#include <doctest/doctest.h>

#include "score/average_log.h"
#include "score/sums.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// ThreeSourceCase plus s3, which supports only b2: votes s0 -> {0, 2}, s1 -> {0, 2},
// s2 -> {1, 3}, s3 -> {3}. Weights log|F(s)|/|F(s)| = (ln2/2, ln2/2, ln2/2, 0).
// Iteration 1 (beliefs 1): T = ln2/2 * (2, 2, 2, 0) -> scaled (1, 1, 1, 0);
//   B = (2, 1, 2, 1 + 0) -> scaled (1, .5, 1, .5).
// Iteration 2: T = ln2/2 * (2, 2, 1, 0) -> (1, 1, .5, 0); B = (2, .5, 2, .5) -> (1, .25, 1, .25).
// Sums would instead give s3 the belief of b2 as trust.
CaseData WithSingleVoteSource() {
  CaseData data = testing::ThreeSourceCase();
  data.sources.push_back({.id = "s3"});
  data.assertions.push_back({.source = 3, .claim = 2});
  return data;
}

TEST_CASE("average-log: two iterations by hand, a single vote earns no trust") {
  VoteArrays votes = testing::VotesOf(WithSingleVoteSource());
  Result<TruthDiscoveryResult> one = RunAverageLog(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->source_trust == std::vector<double>{1, 1, 1, 0});
  CHECK(one->fact_belief == std::vector<double>{1, 0.5, 1, 0.5});
  CHECK_FALSE(one->converged);

  Result<TruthDiscoveryResult> two = RunAverageLog(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->source_trust[2] == Approx(0.5));
  CHECK(two->source_trust[3] == 0.0);
  CHECK(two->fact_belief[1] == Approx(0.25));
  CHECK(two->residual == Approx(0.5));

  Result<TruthDiscoveryResult> sums = RunSums(votes, nullptr, {.max_iterations = 1});
  CHECK(sums->source_trust[3] == Approx(0.5));  // B(b2) = 1 before scaling by 2
}

TEST_CASE("average-log: labels fix beliefs, invalid options are refused") {
  VoteArrays votes = testing::VotesOf(WithSingleVoteSource());
  FactLabels labels = {1, -1, -1, -1};
  Result<TruthDiscoveryResult> result = RunAverageLog(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[0] == 1.0);
  CHECK(result->fact_belief[1] == 0.0);
  CHECK(RunAverageLog(votes, nullptr, {.max_iterations = 0}).status().message() ==
        "max_iterations must be at least 1, got 0");
}

}  // namespace
}  // namespace claimgraph::score
