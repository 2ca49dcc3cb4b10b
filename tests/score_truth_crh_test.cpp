#include <doctest/doctest.h>

#include <cmath>

#include "score/crh.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// A numeric question "t" (facts 0 = 10, 1 = 11, 2 = 20) and a categorical one "g" (facts
// 3 = B12, 4 = C3):   s0: 10, B12    s1: 11, B12    s2: 11, C3    s3: 20, C3
// Start (weights 1): t's votes 10, 11, 11, 20 have mean 13 and std sqrt(66 / 4) = 4.062019;
//   the median 11 is t's truth; g is a tie, both answers right.
// Iteration 1: losses s0 |10 - 11| / std = 0.246 -> taken as 0.5; s1, s2 0 -> 0.5;
//   s3 |20 - 11| / std = 2.215647; total 3.715647.
//   w = -log(0.5 / 3.715647) = 2.005700 (s0..s2), -log(2.215647 / 3.715647) = 0.517008 (s3)
//   trust = w / max: s3 0.257770; residual 0.742230. g: B12 has 4.011400, C3 2.522708 ->
//   belief 0.613917. t: L(10) = (4.011400 * 1 + 0.517008 * 10) / std = 2.260325,
//   L(11) = (2.005700 * 1 + 0.517008 * 9) / std = 1.639277, L(20) = 13.825538;
//   belief exp(-L) normalised: 11 -> 0.650455, 10 -> 0.349542.
// Iteration 2: g's truth is B12, so s2 erred once: losses 0.5, 0.5, 1, 3.215647; total
//   5.215647; w = 2.344810, 2.344810, 1.651663, 0.483635; residual 1 - 0.704391 = 0.295609.
// Iteration 3 changes no truth: residual 0, converged.
CaseData MixedCase() {
  CaseData data;
  for (const char* id : {"s0", "s1", "s2", "s3"}) data.sources.push_back({.id = id});
  data.claims = {{.id = "t10", .question = "t", .value = "10"}, {.id = "t11", .question = "t", .value = "11"},
                 {.id = "t20", .question = "t", .value = "20"}, {.id = "gB", .question = "g", .value = "B12"},
                 {.id = "gC", .question = "g", .value = "C3"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 0, .claim = 3}, {.source = 1, .claim = 1},
                     {.source = 1, .claim = 3}, {.source = 2, .claim = 1}, {.source = 2, .claim = 4},
                     {.source = 3, .claim = 2}, {.source = 3, .claim = 4}};
  return data;
}

TEST_CASE("crh: numbers by distance, names by 0/1 loss, by hand") {
  VoteArrays votes = testing::VotesOf(MixedCase());
  Result<TruthDiscoveryResult> one = RunCrh(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->source_trust[0] == 1.0);
  CHECK(one->source_trust[3] == Approx(0.257770).epsilon(1e-5));
  CHECK(one->residual == Approx(0.742230).epsilon(1e-5));
  CHECK(one->fact_belief[3] == Approx(0.613917).epsilon(1e-5));
  CHECK(one->fact_belief[1] == Approx(0.650455).epsilon(1e-5));
  CHECK(one->fact_belief[0] == Approx(0.349542).epsilon(1e-5));
  CHECK(one->fact_belief[2] == Approx(3.31735e-6).epsilon(1e-4));
  CHECK_FALSE(one->converged);

  Result<TruthDiscoveryResult> full = RunCrh(votes);
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->iterations == 3);
  CHECK(full->residual == 0.0);
  CHECK(full->source_trust[2] == Approx(0.704391).epsilon(1e-5));
  CHECK(full->source_trust[3] == Approx(0.483635 / 2.344810).epsilon(1e-5));
  CHECK(full->fact_belief[1] == Approx(0.628473).epsilon(1e-5));
  CHECK(full->fact_belief[3] == Approx(0.687132).epsilon(1e-5));
}

// The same votes with t's values as names: 10 and 20 are then equally wrong, so s0 (one
// off) and s3 (nine off) lose the same and weigh the same, where by distance s0 weighs
// more (2.005700 against 0.517008 after iteration 1).
TEST_CASE("crh: a value near the truth is less wrong than a far one") {
  CaseData data = MixedCase();
  data.claims[0].value = "ten";
  data.claims[1].value = "eleven";
  data.claims[2].value = "twenty";
  Result<TruthDiscoveryResult> named = RunCrh(testing::VotesOf(data), nullptr, {.max_iterations = 1});
  Result<TruthDiscoveryResult> numeric = RunCrh(testing::VotesOf(MixedCase()), nullptr, {.max_iterations = 1});
  REQUIRE(named.ok());
  REQUIRE(numeric.ok());
  CHECK(named->source_trust[0] == Approx(named->source_trust[3]));
  CHECK(numeric->source_trust[0] > 3 * numeric->source_trust[3]);
  Result<TruthDiscoveryResult> categorical =
      RunCrh(testing::VotesOf(MixedCase()), nullptr, {.compare_numbers = false, .max_iterations = 1});
  REQUIRE(categorical.ok());
  CHECK(categorical->source_trust[0] == Approx(categorical->source_trust[3]));
  // One value that reads as no number makes the whole item categorical.
  data = MixedCase();
  data.claims[2].value = "20 C";
  Result<TruthDiscoveryResult> mixed = RunCrh(testing::VotesOf(data), nullptr, {.max_iterations = 1});
  REQUIRE(mixed.ok());
  CHECK(mixed->source_trust[0] == Approx(mixed->source_trust[3]));
}

// Clock times are numeric too: "07:10" and "07:12" are two minutes apart.
TEST_CASE("crh: the weighted median of clock times") {
  CaseData data;
  for (const char* id : {"a", "b", "c"}) data.sources.push_back({.id = id});
  data.claims = {{.id = "early", .question = "departure", .value = "07:10"},
                 {.id = "late", .question = "departure", .value = "07:12"},
                 {.id = "wrong", .question = "departure", .value = "09:40"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 1}, {.source = 2, .claim = 2}};
  Result<TruthDiscoveryResult> result = RunCrh(testing::VotesOf(data));
  REQUIRE(result.ok());
  // Median of 430, 432, 580 minutes is 432: "late" wins, "early" is close behind.
  CHECK(result->fact_belief[1] > result->fact_belief[0]);
  CHECK(result->fact_belief[0] > 100 * result->fact_belief[2]);
  CHECK(result->source_trust[2] < result->source_trust[0]);
  CHECK(result->fact_belief[0] + result->fact_belief[1] + result->fact_belief[2] == Approx(1.0));
}

TEST_CASE("crh: labels are the truth of their items, invalid options are refused") {
  VoteArrays votes = testing::VotesOf(MixedCase());
  FactLabels labels(votes.fact_count, -1);
  labels[2] = 1;  // t is 20
  Result<TruthDiscoveryResult> result = RunCrh(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[2] == 1.0);
  CHECK(result->fact_belief[1] == 0.0);
  CHECK(result->source_trust[3] == 1.0);  // s3 gave the labelled value
  CHECK(RunCrh(votes, nullptr, {.least_loss = 0}).status().message() ==
        "least_loss must be a finite number > 0, got 0");
  CHECK(RunCrh(votes, nullptr, {.tolerance = -1}).status().message() ==
        "tolerance must be a finite number >= 0, got -1");
}

}  // namespace
}  // namespace claimgraph::score
