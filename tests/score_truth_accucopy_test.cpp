#include <doctest/doctest.h>

#include "score/accucopy.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}; every item has 2 facts, so
// n = 1 false value. A = 0.8 at first, so ln(n A / (1 - A)) = ln 4 for every source.
// Iteration 1 (independent): C(a) = 2 ln 4, C(not a) = ln 4; P(a) = 16 / (16 + 4) = 0.8.
//   A = (0.8, 0.8, 0.2): residual 0.6.
// Copy detection, pair (s0, s1): two shared values, both the decided truth of their item
// (P = 0.8 is the most probable), so each counts as true; n = 1, c = 0.8:
//   independent: A0 A1 = 0.64;  one copies the other: c A + (1 - c) A0 A1 = 0.64 + 0.128 = 0.768;
//   Pr(s1 copies s0) = 0.2 * 0.768^2 / (0.6 * 0.64^2 + 0.4 * 0.768^2) = 0.244898.
// Iteration 2: C(a) = ln 4 (s0 first, ties by index) + ln 4 * (1 - 0.8 * 0.244898) = 2.500988;
//   C(not a) = ln(0.2 / 0.8) = -ln 4; P(a) = 1 / (1 + exp(-2.500988 - 1.386294)) = 0.979911.
TEST_CASE("accucopy: two iterations by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunAccuCopy(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief[0] == Approx(0.8));
  CHECK(one->fact_belief[1] == Approx(0.2));
  CHECK(one->source_trust[0] == Approx(0.8));
  CHECK(one->source_trust[2] == Approx(0.2));
  CHECK(one->residual == Approx(0.6));

  Result<TruthDiscoveryResult> two = RunAccuCopy(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->fact_belief[0] == Approx(0.979911).epsilon(1e-6));
  CHECK(two->fact_belief[0] + two->fact_belief[1] == Approx(1.0));
  CHECK(two->source_trust[1] == Approx(0.979911).epsilon(1e-6));
}

// A citation s1 -> s0 raises the prior that s1 copies s0 to 0.4 (independent 0.4):
//   Pr(s1 copies s0) = 0.4 * 0.768^2 / (0.4 * 0.64^2 + 0.2 * 0.768^2 + 0.4 * 0.768^2) = 0.455696
//   C(a) = ln 4 * (2 - 0.8 * 0.455696) = 2.267205; P(a) = 0.974754: s1 counts for less.
TEST_CASE("accucopy: a known citation discounts the citing source's vote") {
  CaseData data = testing::ThreeSourceCase();
  data.citations = {{.from = 1, .to = 0}};
  VoteArrays votes = testing::VotesOf(data);
  Result<TruthDiscoveryResult> two = RunAccuCopy(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->fact_belief[0] == Approx(0.974754).epsilon(1e-6));
  // With the cited prior equal to the uncited one, the citation makes no difference.
  Result<TruthDiscoveryResult> ignored =
      RunAccuCopy(votes, nullptr, {.cited_copy_prior = 0.2, .max_iterations = 2});
  CHECK(ignored->fact_belief[0] == Approx(0.979911).epsilon(1e-6));
}

TEST_CASE("accucopy: labels fix beliefs, invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, 1, -1, -1};
  Result<TruthDiscoveryResult> result = RunAccuCopy(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[0] == 0.0);
  CHECK(result->fact_belief[1] == 1.0);
  CHECK(RunAccuCopy(votes, nullptr, {.copy_prior = 0.5}).status().message() ==
        "copy_prior must be in (0, 0.5), got 0.5");
  CHECK(RunAccuCopy(votes, nullptr, {.cited_copy_prior = 0.1}).status().message() ==
        "cited_copy_prior must be in [copy_prior, 0.5) = [0.2, 0.5), got 0.1");
  CHECK(RunAccuCopy(votes, nullptr, {.copy_probability = 1}).status().message() ==
        "copy_probability must be in (0, 1), got 1");
  CHECK(RunAccuCopy(votes, nullptr, {.initial_error = 0}).status().message() ==
        "initial_error must be in (0, 1), got 0");
}

}  // namespace
}  // namespace claimgraph::score
