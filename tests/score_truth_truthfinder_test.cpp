#include <doctest/doctest.h>

#include <cmath>

#include "score/truthfinder.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// ThreeSourceCase: s0 -> {0, 2}, s1 -> {0, 2}, s2 -> {1, 3}; t0 = 0.9, gamma = 0.3.
// Iteration 1: tau = -ln(0.1) = 2.302585 for every source.
//   sigma = (2 tau, tau, 2 tau, tau) = (4.605170, 2.302585, 4.605170, 2.302585)
//   s(f) = 1 / (1 + exp(-0.3 sigma)) = (0.799240, 0.666139, 0.799240, 0.666139)
//   t = (0.799240, 0.799240, 0.666139); residual = 0.9 - 0.666139 = 0.233861
// Iteration 2: tau = (1.605645, 1.605645, 1.097032)
//   sigma = (3.211290, 1.097032, 3.211290, 1.097032) -> s = (0.723799, 0.581543, ...)
//   t = (0.723799, 0.723799, 0.581543); residual = 0.666139 - 0.581543 = 0.084596
TEST_CASE("truthfinder: two iterations by hand") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> one = RunTruthFinder(votes, nullptr, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief[0] == Approx(0.799240).epsilon(1e-6));
  CHECK(one->fact_belief[1] == Approx(0.666139).epsilon(1e-6));
  CHECK(one->source_trust[2] == Approx(0.666139).epsilon(1e-6));
  CHECK(one->residual == Approx(0.233861).epsilon(1e-5));
  CHECK_FALSE(one->converged);

  Result<TruthDiscoveryResult> two = RunTruthFinder(votes, nullptr, {.max_iterations = 2});
  REQUIRE(two.ok());
  CHECK(two->fact_belief[2] == Approx(0.723799).epsilon(1e-6));
  CHECK(two->fact_belief[3] == Approx(0.581543).epsilon(1e-6));
  CHECK(two->source_trust[0] == Approx(0.723799).epsilon(1e-6));
  CHECK(two->source_trust[2] == Approx(0.581543).epsilon(1e-6));
  CHECK(two->residual == Approx(0.084596).epsilon(1e-5));
  CHECK(two->iterations == 2);

  Result<TruthDiscoveryResult> full = RunTruthFinder(votes);
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->residual <= 1e-6);
  CHECK(full->fact_belief[0] > full->fact_belief[1]);
}

// With imp = -1 between alternatives (rho = 0.5), iteration 1:
//   sigma*(a) = 4.605170 - 0.5 * 2.302585 = 3.453878 -> s = 0.738109
//   sigma*(not a) = 2.302585 - 0.5 * 4.605170 = 0 -> s = 0.5
TEST_CASE("truthfinder: a negative implication lets alternatives count against each other") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> result =
      RunTruthFinder(votes, nullptr, {.implication = -1, .max_iterations = 1});
  REQUIRE(result.ok());
  CHECK(result->fact_belief[0] == Approx(0.738109).epsilon(1e-6));
  CHECK(result->fact_belief[1] == Approx(0.5));
  CHECK(result->source_trust[2] == Approx(0.5));
}

// "not a" labelled true: s = (0, 1, 0.799240, 0.666139) after iteration 1, so
// t(s0) = 0.799240 / 2 = 0.399620 and t(s2) = (1 + 0.666139) / 2 = 0.833070.
TEST_CASE("truthfinder: labels fix beliefs, casefile priors set the starting trust") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, 1, -1, -1};
  Result<TruthDiscoveryResult> labelled = RunTruthFinder(votes, &labels, {.max_iterations = 1});
  REQUIRE(labelled.ok());
  CHECK(labelled->fact_belief[0] == 0.0);
  CHECK(labelled->fact_belief[1] == 1.0);
  CHECK(labelled->source_trust[0] == Approx(0.399620).epsilon(1e-6));
  CHECK(labelled->source_trust[2] == Approx(0.833070).epsilon(1e-6));
  Result<TruthDiscoveryResult> more = RunTruthFinder(votes, &labels);
  REQUIRE(more.ok());
  CHECK(more->fact_belief[1] == 1.0);
  CHECK(std::isfinite(more->source_trust[2]));

  // s2 starts from its prior 0.5: tau = ln 2, s(not a) = 1 / (1 + 2^-0.3) = 0.551800.
  CaseData data = testing::ThreeSourceCase();
  data.sources[2].reliability = 0.5;
  VoteArrays with_prior = testing::VotesOf(data);
  Result<TruthDiscoveryResult> primed = RunTruthFinder(with_prior, nullptr, {.max_iterations = 1});
  REQUIRE(primed.ok());
  CHECK(primed->fact_belief[1] == Approx(0.551800).epsilon(1e-6));
  Result<TruthDiscoveryResult> unprimed =
      RunTruthFinder(with_prior, nullptr, {.use_priors = false, .max_iterations = 1});
  CHECK(unprimed->fact_belief[1] == Approx(0.666139).epsilon(1e-6));
}

// One book, three author lists: s0 "a;b;c" (fact 0), s1 and s2 "a;b" (fact 1), s3 "x"
// (fact 2). sim("a;b;c", "a;b") = 2/3 (Jaccard), sim with "x" = 0; base_sim = 0.5, so
// imp = 1/6 between the overlapping lists and -1/2 against "x". Iteration 1, tau = 2.302585:
//   sigma* = tau + 0.5 (2 tau / 6 - tau / 2) = 0.916667 tau = 2.110703 -> s = 0.653217
//   sigma* = 2 tau + 0.5 (tau / 6 - tau / 2) = 1.833333 tau = 4.221406 -> s = 0.780130
//   sigma* = tau + 0.5 (-tau / 2 - 2 tau / 2) = 0.25 tau = 0.575646   -> s = 0.543066
// Without the implication: s = (0.666139, 0.799240, 0.666139).
CaseData AuthorListCase() {
  CaseData data;
  for (const char* id : {"s0", "s1", "s2", "s3"}) data.sources.push_back({.id = id});
  data.claims = {{.id = "abc", .question = "book", .value = "a;b;c"},
                 {.id = "ab", .question = "book", .value = "a;b"},
                 {.id = "x", .question = "book", .value = "x"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 1}, {.source = 2, .claim = 1},
                     {.source = 3, .claim = 2}};
  return data;
}

TEST_CASE("truthfinder: the paper's implication between similar author lists") {
  VoteArrays votes = testing::VotesOf(AuthorListCase());
  Result<TruthDiscoveryResult> one = RunTruthFinder(votes, nullptr, {.value_implication = true, .max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->method == "truthfinder-implication");
  CHECK(one->fact_belief[0] == Approx(0.653217).epsilon(1e-6));
  CHECK(one->fact_belief[1] == Approx(0.780130).epsilon(1e-6));
  CHECK(one->fact_belief[2] == Approx(0.543066).epsilon(1e-6));
  CHECK(one->source_trust[3] == Approx(0.543066).epsilon(1e-6));
  Result<TruthDiscoveryResult> plain = RunTruthFinder(votes, nullptr, {.max_iterations = 1});
  REQUIRE(plain.ok());
  CHECK(plain->method == "truthfinder");
  CHECK(plain->fact_belief[2] == Approx(0.666139).epsilon(1e-6));
  Result<TruthDiscoveryResult> registered = RunTruthDiscovery("truthfinder-implication", votes);
  REQUIRE(registered.ok());
  CHECK(registered->converged);
  CHECK(registered->fact_belief[1] > registered->fact_belief[0]);
  CHECK(registered->fact_belief[0] > registered->fact_belief[2]);
}

// ThreeSourceCase under the implication: a and its negation are similar to nothing, as
// are "one" and "two", so imp = -1/2 everywhere, the same as implication = -0.5.
TEST_CASE("truthfinder: with nothing similar, the implication is -base_sim between alternatives") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> by_values = RunTruthFinder(votes, nullptr, {.value_implication = true});
  Result<TruthDiscoveryResult> by_constant = RunTruthFinder(votes, nullptr, {.implication = -0.5});
  REQUIRE(by_values.ok());
  REQUIRE(by_constant.ok());
  for (size_t f = 0; f < votes.fact_count; ++f) {
    CHECK(by_values->fact_belief[f] == Approx(by_constant->fact_belief[f]).epsilon(1e-12));
  }
  CHECK(by_values->iterations == by_constant->iterations);
}

TEST_CASE("truthfinder: invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunTruthFinder(votes, nullptr, {.base_similarity = 1.5}).status().message() ==
        "base_similarity must be in [0, 1], got 1.5");
  CHECK(RunTruthFinder(votes, nullptr, {.implication = 0.2, .value_implication = true}).status().message() ==
        "implication must be 0 with value_implication, got 0.2");
  CHECK(RunTruthFinder(votes, nullptr, {.dampening = 0}).status().message() ==
        "dampening must be a finite number > 0, got 0");
  CHECK(RunTruthFinder(votes, nullptr, {.rho = 1.5}).status().message() == "rho must be in [0, 1], got 1.5");
  CHECK(RunTruthFinder(votes, nullptr, {.implication = -2}).status().message() ==
        "implication must be in [-1, 1], got -2");
  CHECK(RunTruthFinder(votes, nullptr, {.initial_trust = 1}).status().message() ==
        "initial_trust must be in (0, 1), got 1");
}

}  // namespace
}  // namespace claimgraph::score
