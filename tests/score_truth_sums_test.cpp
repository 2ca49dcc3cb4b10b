#include <doctest/doctest.h>

#include <cmath>

#include "score/sums.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}. Beliefs start at 1.
// Iteration 1: T = (2, 2, 2) / 2 = (1, 1, 1); B = (2, 1, 2, 1) / 2 = (1, .5, 1, .5).
// Iteration 2: T = (2, 2, 1) / 2 = (1, 1, .5); B = (2, .5, 2, .5) / 2 = (1, .25, 1, .25);
//              residual = |.5 - 1| = .5.
// In general T(s2) = 2^-(i-1) after iteration i, and so is the residual: the default stops
// after the paper's 20 iterations with T(s2) = residual = 2^-19 (about 1.9e-6), before the
// 1e-6 tolerance is reached; a higher cap lets it converge.
TEST_CASE("sums: two iterations by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunSums(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->source_trust == std::vector<double>{1, 1, 1});
  CHECK(one->fact_belief == std::vector<double>{1, 0.5, 1, 0.5});
  CHECK(one->iterations == 1);
  CHECK(one->residual == 0.0);  // trust started at 1 and stayed there,
  CHECK_FALSE(one->converged);  // but the first iteration cannot show convergence

  Result<TruthDiscoveryResult> two = RunSums(votes, nullptr, {.max_iterations = 2, .tolerance = 0.1});
  REQUIRE(two.ok());
  CHECK(two->source_trust == std::vector<double>{1, 1, 0.5});
  CHECK(two->fact_belief == std::vector<double>{1, 0.25, 1, 0.25});
  CHECK(two->residual == Approx(0.5));
  CHECK_FALSE(two->converged);
  CHECK(two->iterations == 2);

  Result<TruthDiscoveryResult> paper = RunSums(votes);
  REQUIRE(paper.ok());
  CHECK_FALSE(paper->converged);
  CHECK(paper->iterations == 20);
  CHECK(paper->source_trust[2] == std::ldexp(1.0, -19));
  CHECK(paper->residual == std::ldexp(1.0, -19));

  Result<TruthDiscoveryResult> full = RunSums(votes, nullptr, {.max_iterations = 100});
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->iterations == 21);
  CHECK(full->residual <= 1e-6);
}

// With "not a" labelled true (and so "a" false), iteration 1:
// T = (0 + 1, 0 + 1, 1 + 1) / 2 = (.5, .5, 1); B = (fixed 0, fixed 1, 1, 1).
TEST_CASE("sums: labels fix beliefs while trust is fitted") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, 1, -1, -1};
  Result<TruthDiscoveryResult> result = RunSums(votes, &labels, {.max_iterations = 1});
  REQUIRE(result.ok());
  CHECK(result->source_trust == std::vector<double>{0.5, 0.5, 1});
  CHECK(result->fact_belief == std::vector<double>{0, 1, 1, 1});
}

TEST_CASE("sums: invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunSums(votes, nullptr, {.max_iterations = 0}).status().message() ==
        "max_iterations must be at least 1, got 0");
  CHECK(RunSums(votes, nullptr, {.tolerance = -1}).status().message() ==
        "tolerance must be a finite number >= 0, got -1");
}

}  // namespace
}  // namespace claimgraph::score
