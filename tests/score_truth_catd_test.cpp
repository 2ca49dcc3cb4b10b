#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "score/catd.h"
#include "score/chi_squared.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// Closed forms of the chi-squared CDF: 1 degree erf(sqrt(x/2)); 2 degrees 1 - e^(-x/2);
// 3 degrees erf(sqrt(x/2)) - sqrt(2x/pi) e^(-x/2).
TEST_CASE("chi-squared: the quantile inverts the closed-form CDFs") {
  const double one = ChiSquaredQuantile(0.025, 1), two = ChiSquaredQuantile(0.025, 2),
               three = ChiSquaredQuantile(0.025, 3);
  CHECK(std::erf(std::sqrt(one / 2)) == Approx(0.025).epsilon(1e-10));
  CHECK(two == Approx(-2 * std::log(0.975)).epsilon(1e-12));
  CHECK(std::erf(std::sqrt(three / 2)) - std::sqrt(2 * three / std::numbers::pi) * std::exp(-three / 2) ==
        Approx(0.025).epsilon(1e-10));
  CHECK(one == Approx(0.000982069).epsilon(1e-6));
  CHECK(three == Approx(0.215795).epsilon(1e-6));
  // Tables: chi2(0.025, 100) = 74.222, chi2(0.975, 10) = 20.483; the CDF at large x.
  CHECK(ChiSquaredQuantile(0.025, 100) == Approx(74.2219).epsilon(1e-5));
  CHECK(ChiSquaredQuantile(0.975, 10) == Approx(20.4832).epsilon(1e-5));
  CHECK(ChiSquaredCdf(20.4832, 10) == Approx(0.975).epsilon(1e-5));
  CHECK(ChiSquaredCdf(0, 3) == 0.0);
}

// Questions q0..q2 with answers x (facts 0, 2, 4) and y (facts 1, 3, 5).
//   veteran: q0 x, q1 x, q2 x     follower: q0 x, q1 y, q2 x     n0, n1, n2: q2 y, one vote each
// Majority: q0 x; q1 a tie (both answers count as right); q2 y, three votes to two.
// Iteration 1 (chi2(0.025, 3) = 0.215795, chi2(0.025, 1) = 0.000982069):
//   veteran and follower erred once (q2): w = 0.215795 / 1; each newcomer never erred: its
//   loss is taken as 0.5, w = 0.000982069 / 0.5 = 0.001964138.
//   q2: x has 2 * 0.215795 = 0.431591, y has 3 * 0.001964 = 0.005892 -> p(x) = 0.986531
//   trust = w / max: newcomers 0.009102; residual 1 - 0.009102 = 0.990898
// Iteration 2: q2's truth is x: veteran and follower never erred, w = 0.215795 / 0.5;
//   newcomers erred once, w = 0.000982069 -> p(x) = 0.996598, newcomers' trust 0.002275,
//   residual 0.009102 - 0.002275 = 0.006826. Iteration 3 changes no truth: residual 0.
CaseData LongTailCase() {
  CaseData data;
  for (const char* id : {"veteran", "follower", "n0", "n1", "n2"}) data.sources.push_back({.id = id});
  for (int k = 0; k < 3; ++k) {
    const std::string question = "q" + std::to_string(k);
    data.claims.push_back({.id = question + "x", .question = question, .value = "x"});
    data.claims.push_back({.id = question + "y", .question = question, .value = "y"});
  }
  data.assertions = {{.source = 0, .claim = 0}, {.source = 0, .claim = 2}, {.source = 0, .claim = 4},
                     {.source = 1, .claim = 0}, {.source = 1, .claim = 3}, {.source = 1, .claim = 4},
                     {.source = 2, .claim = 5}, {.source = 3, .claim = 5}, {.source = 4, .claim = 5}};
  return data;
}

TEST_CASE("catd: sources with one vote each do not outvote two sources with a record") {
  VoteArrays votes = testing::VotesOf(LongTailCase());
  Result<TruthDiscoveryResult> one = RunCatd(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief[4] == Approx(0.986531).epsilon(1e-6));
  CHECK(one->fact_belief[5] == Approx(1 - 0.986531).epsilon(1e-4));
  CHECK(one->fact_belief[2] == Approx(0.5));
  CHECK(one->fact_belief[0] == 1.0);
  CHECK(one->source_trust[0] == 1.0);
  CHECK(one->source_trust[2] == Approx(0.009102).epsilon(1e-4));
  CHECK(one->residual == Approx(0.990898).epsilon(1e-6));
  CHECK_FALSE(one->converged);

  Result<TruthDiscoveryResult> two = RunCatd(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->fact_belief[4] == Approx(0.996598).epsilon(1e-6));
  CHECK(two->source_trust[4] == Approx(0.002275).epsilon(1e-4));
  CHECK(two->residual == Approx(0.006826).epsilon(1e-4));

  Result<TruthDiscoveryResult> full = RunCatd(votes);
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->iterations == 3);
  CHECK(full->residual == 0.0);
  CHECK(full->fact_belief[4] == two->fact_belief[4]);
  // Beliefs are a distribution within each item.
  for (size_t item = 0; item < votes.item_count; ++item) {
    double sum = 0.0;
    for (uint32_t k = votes.item_offsets[item]; k < votes.item_offsets[item + 1]; ++k) {
      sum += full->fact_belief[votes.item_facts[k]];
    }
    CHECK(sum == Approx(1.0));
  }
}

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}; majority: a and b1.
// s0 and s1 never err (loss 0.5), s2 errs twice; chi2(0.025, 2) = q for everyone:
//   w = (2q, 2q, q/2) -> belief(a) = 4q / (4q + q/2) = 8/9, trust(s2) = 1/4.
TEST_CASE("catd: the same vote count, weights by the losses alone") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> result = RunCatd(votes);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[0] == Approx(8.0 / 9));
  CHECK(result->fact_belief[1] == Approx(1.0 / 9));
  CHECK(result->fact_belief[3] == Approx(1.0 / 9));
  CHECK(result->source_trust[0] == 1.0);
  CHECK(result->source_trust[1] == 1.0);
  CHECK(result->source_trust[2] == Approx(0.25));
  CHECK(result->iterations == 2);
}

// "q2 y" labelled true: the newcomers never err (w = 0.001964 each), veteran and follower
// err once (w = 0.215795); q2 keeps its label, q1 stays a tie.
TEST_CASE("catd: labels are the truth of their items while weights are fitted") {
  VoteArrays votes = testing::VotesOf(LongTailCase());
  FactLabels labels(votes.fact_count, -1);
  labels[5] = 1;
  Result<TruthDiscoveryResult> result = RunCatd(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[5] == 1.0);
  CHECK(result->fact_belief[4] == 0.0);
  CHECK(result->fact_belief[2] == Approx(0.5));
  CHECK(result->source_trust[2] == Approx(0.001964138 / 0.215795).epsilon(1e-4));
}

TEST_CASE("catd: invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunCatd(votes, nullptr, {.significance = 1}).status().message() == "significance must be in (0, 1), got 1");
  CHECK(RunCatd(votes, nullptr, {.zero_loss = 0}).status().message() == "zero_loss must be in (0, 1), got 0");
  CHECK(RunCatd(votes, nullptr, {.max_iterations = 0}).status().message() ==
        "max_iterations must be at least 1, got 0");
}

}  // namespace
}  // namespace claimgraph::score
