#include <doctest/doctest.h>

#include "score/investment.h"
#include "score/pooled_investment.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}; every source has 2 votes.
// Investment, g = 1.2, trust 1, voted prior B = (2/3, 1/3, 2/3, 1/3).
// Iteration 1: each source invests 1/2 per fact; totals per fact (1, .5, 1, .5).
//   T(s0) = 2/3 * .5/1 + 2/3 * .5/1 = 2/3; T(s2) = 1/3 * .5/.5 + 1/3 * .5/.5 = 2/3
//   -> scaled (1, 1, 1). H = (1, .5, 1, .5); B = H^1.2 = (1, .435275, 1, .435275).
// Iteration 2: totals (1, .5, 1, .5) again; T(s0) = 1, T(s2) = 2 * .435275 = .870551;
//   H = (1, .435275, 1, .435275); B = (1, .435275^1.2 = .368567, ...); residual .129449.
TEST_CASE("investment: two iterations by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunInvestment(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->source_trust[0] == Approx(1.0));
  CHECK(one->source_trust[2] == Approx(1.0));
  CHECK(one->fact_belief[1] == Approx(0.435275).epsilon(1e-6));
  CHECK(one->residual == Approx(0.0));
  CHECK_FALSE(one->converged);  // trust did not move, but beliefs have just started

  Result<TruthDiscoveryResult> two = RunInvestment(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->source_trust[2] == Approx(0.870551).epsilon(1e-6));
  CHECK(two->fact_belief[0] == Approx(1.0));
  CHECK(two->fact_belief[3] == Approx(0.368567).epsilon(1e-6));
  CHECK(two->residual == Approx(0.129449).epsilon(1e-5));
}

// PooledInvestment, g = 1.4, trust 1, the paper's prior 1/|M_c| over real facts: claim a is
// alone (its negation is ours, not the data's), so B = (1, 0, 1/2, 1/2).
// Iteration 1: H = (1, .5, 1, .5); stake B/H = (1, 0, .5, 1);
//   T(s0) = (1 + .5) * 1/2 = .75 = T(s1), T(s2) = (0 + 1) * 1/2 = .5 -> scaled (1, 1, 2/3).
//   H = (.5 + .5, 1/3, 1, 1/3); G(1/3) = (1/3)^1.4 = .214798; B(not a) = (1/3) * .214798 /
//   (1 + .214798) = .058942, B(a) = 1 / 1.214798 = .823182 -> scaled (1, .071599, 1, .071599).
//   residual 1/3.
// Iteration 2: T(s2) = (.071599 * 3 + .071599 * 3) * (2/3) / 2 = .143199; B(b2) = .0017856.
// With the old prior (1/2 for a, as the negation counted) this case was symmetric and
// PooledInvestment could not tell a's voters from s2: every belief came out 1.
TEST_CASE("pooled investment: two iterations by hand, from the paper's prior") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunPooledInvestment(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->source_trust[0] == Approx(1.0));
  CHECK(one->source_trust[2] == Approx(2.0 / 3));
  CHECK(one->fact_belief[0] == Approx(1.0));
  CHECK(one->fact_belief[1] == Approx(0.071599).epsilon(1e-5));
  CHECK(one->fact_belief[3] == Approx(0.071599).epsilon(1e-5));
  CHECK(one->residual == Approx(1.0 / 3));
  Result<TruthDiscoveryResult> two = RunPooledInvestment(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->source_trust[2] == Approx(0.143199).epsilon(1e-5));
  CHECK(two->fact_belief[3] == Approx(0.0017856).epsilon(1e-4));
  CHECK(two->residual == Approx(0.523468).epsilon(1e-5));
  Result<TruthDiscoveryResult> full = RunPooledInvestment(votes);
  REQUIRE(full.ok());
  CHECK(full->source_trust[2] < 0.01);
  CHECK(full->fact_belief[0] > full->fact_belief[1]);
}

TEST_CASE("investment: labels fix beliefs, invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, -1, -1, 1};
  for (int pooled = 0; pooled < 2; ++pooled) {
    Result<TruthDiscoveryResult> result =
        pooled ? RunPooledInvestment(votes, &labels) : RunInvestment(votes, &labels);
    REQUIRE(result.ok());
    CHECK(result->fact_belief[2] == 0.0);
    CHECK(result->fact_belief[3] == 1.0);
    CHECK(result->source_trust[2] > result->source_trust[0]);
  }
  CHECK(RunInvestment(votes, nullptr, {.growth_exponent = 0.5}).status().message() ==
        "growth_exponent must be a finite number >= 1, got 0.5");
  CHECK(RunPooledInvestment(votes, nullptr, {.tolerance = -0.5}).status().message() ==
        "tolerance must be a finite number >= 0, got -0.5");
}

}  // namespace
}  // namespace claimgraph::score
