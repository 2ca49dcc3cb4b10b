#include <doctest/doctest.h>

#include "score/three_estimates.h"
#include "score/two_estimates.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

TEST_CASE("the Galland normalisation mixes a linear rescaling with rounding") {
  // linear (0, 1/3, 1), rounded (0, 0, 1); half of each.
  std::vector<double> values = {0.2, 0.4, 0.8};
  GallandNormalise(values, 0.5, {1, 1, 1});
  CHECK(values[0] == Approx(0.0));
  CHECK(values[1] == Approx(1.0 / 6));
  CHECK(values[2] == Approx(1.0));
  values = {0.2, 0.4, 0.8};  // the excluded middle value neither moves nor sets the range
  GallandNormalise(values, 1.0, {1, 0, 1});
  CHECK(values == std::vector<double>{0.0, 0.4, 1.0});
  values = {0.7, 0.7};  // nothing to rescale: linear part 0.7, rounded 1
  GallandNormalise(values, 0.5, {1, 1});
  CHECK(values[0] == Approx(0.85));
}

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}; all three vote in both items, so
// every source has a view on all 4 facts. eps = 0.2 for all, lambda = 1 (linear only).
// theta(a) = ((1 - .2) + (1 - .2) + .2) / 3 = .6; theta(not a) = (.2 + .2 + .8) / 3 = .4;
//   the same for b1, b2 -> normalised (1, 0, 1, 0).
// eps(s0) = ((1 - 1) + (1 - 1) + 0 + 0) / 4 = 0 (true on a, b1; false on not-a, b2);
// eps(s2) = ((1 - 0) + (1 - 0) + 1 + 1) / 4 = 1 -> trust (1, 1, 0); residual |0 - .8| = .8.
// Iteration 2: theta(a) = (1 + 1 + 1) / 3 = 1, theta(not a) = 0: nothing moves, converged.
TEST_CASE("2-estimates: two iterations by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunTwoEstimates(votes, nullptr, {.lambda = 1, .max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief == std::vector<double>{1, 0, 1, 0});
  CHECK(one->source_trust == std::vector<double>{1, 1, 0});
  CHECK(one->residual == Approx(0.8));
  Result<TruthDiscoveryResult> full = RunTwoEstimates(votes, nullptr, {.lambda = 1});
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->iterations == 2);
  CHECK(full->residual == 0.0);
}

// 3-Estimates, eps = .2, delta = .5, lambda = 1, same case.
// theta(a) = (2 + .5 (.6 - 2 * .4)) / 3 = .633333; theta(not a) = (1 + .5 (.6 - 2 * .2)) / 3
//   = .366667 -> normalised (1, 0, 1, 0).
// delta(a) = ((1 - 1) * (5 + 5) + 1 * 5) / 3 = 5/3, delta(not a) = (1 * 5 + 0) / 3 = 5/3: all
//   equal, nothing to rescale, clamped to 1.
// eps(s0) = ((1 - 1)/1 + (1 - 1)/1 + 0/1 + 0/1) / 4 = 0; eps(s2) = (1 + 1 + 1 + 1) / 4 = 1.
TEST_CASE("3-estimates: one iteration by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunThreeEstimates(votes, nullptr, {.lambda = 1, .max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief == std::vector<double>{1, 0, 1, 0});
  CHECK(one->source_trust == std::vector<double>{1, 1, 0});
  CHECK(one->residual == Approx(0.8));
  CHECK_FALSE(one->converged);
}

TEST_CASE("2- and 3-estimates: labels fix beliefs, invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, 1, -1, -1};
  Result<TruthDiscoveryResult> two = RunTwoEstimates(votes, &labels);
  Result<TruthDiscoveryResult> three = RunThreeEstimates(votes, &labels);
  REQUIRE(two.ok());
  REQUIRE(three.ok());
  for (const TruthDiscoveryResult* result : {&two.value(), &three.value()}) {
    CHECK(result->fact_belief[0] == 0.0);
    CHECK(result->fact_belief[1] == 1.0);
  }
  CHECK(RunTwoEstimates(votes, nullptr, {.lambda = 2}).status().message() == "lambda must be in [0, 1], got 2");
  CHECK(RunTwoEstimates(votes, nullptr, {.initial_error = 1}).status().message() ==
        "initial_error must be in [0, 1), got 1");
  CHECK(RunThreeEstimates(votes, nullptr, {.initial_difficulty = 1.5}).status().message() ==
        "initial_difficulty must be in [0, 1], got 1.5");
}

}  // namespace
}  // namespace claimgraph::score
