#include <doctest/doctest.h>

#include <algorithm>

#include "score/latent_truth.h"
#include "score/majority_vote.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

// Four books; on each, two sellers give the full author list "a;b" and three only the
// first author "a" (the book data's commonest error: docs/evaluation.md).
CaseData TruncatedListsCase() {
  CaseData data;
  for (const char* id : {"full0", "full1", "short0", "short1", "short2"}) data.sources.push_back({.id = id});
  for (Index book = 0; book < 4; ++book) {
    const std::string question = "book" + std::to_string(book);
    data.claims.push_back({.id = question + "-full", .question = question, .value = "a;b"});
    data.claims.push_back({.id = question + "-short", .question = question, .value = "a"});
    for (Index s = 0; s < 5; ++s) data.assertions.push_back({.source = s, .claim = 2 * book + (s < 2 ? 0 : 1)});
  }
  return data;
}

// Name a: observed by all five, always positively. Name b: positively by the two full
// lists, negatively by the three short ones. With a low false positive rate (prior mean
// 0.0099), two sellers inventing b is far less likely than three missing it (sensitivity
// prior mean 0.5), so b is true and so is the full list; majority vote takes "a", 3 to 2.
TEST_CASE("latent-truth: sellers that list only the first author are insensitive, not right") {
  VoteArrays votes = testing::VotesOf(TruncatedListsCase());
  Result<TruthDiscoveryResult> majority = RunMajorityVote(votes);
  Result<TruthDiscoveryResult> result = RunLatentTruth(votes);
  REQUIRE(majority.ok());
  REQUIRE(result.ok());
  CHECK(result->method == "latent-truth");
  for (size_t book = 0; book < 4; ++book) {
    CAPTURE(book);
    CHECK(majority->fact_belief[2 * book + 1] > majority->fact_belief[2 * book]);
    CHECK(result->fact_probability[2 * book] > 0.9);
    CHECK(result->fact_probability[2 * book] + result->fact_probability[2 * book + 1] == doctest::Approx(1.0));
    CHECK(result->fact_belief[2 * book] == result->fact_probability[2 * book]);
  }
  // Every positive observation of every seller is on a true name: precision 1 for all.
  for (double trust : result->source_trust) CHECK(trust == doctest::Approx(1.0).epsilon(0.02));
  CHECK(result->iterations == 200);
  CHECK(result->converged);
  CHECK(result->residual <= 0.05);
}

// One source supports one claim: names C (observed positively) and not-C (negatively), each
// conditional depending only on the other's truth (the paper's equation 3, defaults):
//   C given not-C false: 10 * 50/100 against 10 * 100/10101        -> 0.980584
//   C given not-C true:  10 * 50/101 against 10 * 100/10100        -> 0.980392
//   not-C given C true:  10 * 50/101 against 10 * 10000/10100      -> 0.333333
//   not-C given C false: 10 * 50/100 against 10 * 10000/10101      -> 0.335570
// (a negative observation is weak evidence: the prior says sources miss half of what is
// true). The means lie between those bounds, and P(claim) = pC (1 - pN) / (pC (1 - pN) +
// (1 - pC) pN) between 0.990000 and 0.990197.
TEST_CASE("latent-truth: each name's probability is its conditional, averaged over the sweeps") {
  CaseData data;
  data.sources = {{.id = "s"}};
  data.claims = {{.id = "c", .text = "C"}};
  data.assertions = {{.source = 0, .claim = 0}};
  VoteArrays votes = testing::VotesOf(std::move(data));
  Result<TruthDiscoveryResult> result = RunLatentTruth(votes);
  REQUIRE(result.ok());
  const double claim_low = (500.0 / 101) / (500.0 / 101 + 1000.0 / 10100), claim_high = 5 / (5 + 1000.0 / 10101);
  const double negation_low = (500.0 / 101) / (500.0 / 101 + 100000.0 / 10100),
               negation_high = 5 / (5 + 100000.0 / 10101);
  const auto probability = [](double c, double n) { return c * (1 - n) / (c * (1 - n) + (1 - c) * n); };
  const double low = probability(claim_low, negation_high), high = probability(claim_high, negation_low);
  CHECK(low == doctest::Approx(0.990000).epsilon(1e-6));
  CHECK(high == doctest::Approx(0.990197).epsilon(1e-6));
  CHECK(result->fact_probability[0] >= low - 1e-12);
  CHECK(result->fact_probability[0] <= high + 1e-12);
  CHECK(result->fact_probability[0] > low + 1e-6);  // not-C was sampled both ways
  CHECK(result->fact_probability[0] < high - 1e-6);
  CHECK(result->fact_probability[1] == doctest::Approx(1 - result->fact_probability[0]));
  // not-C switches between true and false, so C's conditional differs between the halves.
  CHECK(result->residual > 0);
  Result<TruthDiscoveryResult> strict = RunLatentTruth(votes, nullptr, {.tolerance = 0});
  REQUIRE(strict.ok());
  CHECK_FALSE(strict->converged);
}

TEST_CASE("latent-truth: the same bits for the same seed and every thread count") {
  CaseData data = testing::ClearCase();
  VoteArrays one = BuildVoteArrays(ProvenanceGraph(CaseData(data)), 1);
  VoteArrays two = BuildVoteArrays(ProvenanceGraph(CaseData(data)), 2);
  Result<TruthDiscoveryResult> first = RunLatentTruth(one), again = RunLatentTruth(one), threads = RunLatentTruth(two);
  Result<TruthDiscoveryResult> other_seed = RunLatentTruth(one, nullptr, {.seed = 7});
  REQUIRE((first.ok() && again.ok() && threads.ok() && other_seed.ok()));
  CHECK(first->fact_probability == again->fact_probability);
  CHECK(first->source_trust == again->source_trust);
  CHECK(first->fact_probability == threads->fact_probability);
  CHECK(first->fact_probability != other_seed->fact_probability);
  for (size_t k = 0; k < 4; ++k) CHECK(other_seed->fact_probability[2 * k] > other_seed->fact_probability[2 * k + 1]);
}

// Labels decide names: "a;b" labelled true on book 0 makes a and b true and nothing else
// there; "a" labelled false on book 1 decides nothing (a is in "a;b" too), so book 1 is
// sampled as before. On the alone claim of the one-source case, false makes not-C true.
TEST_CASE("latent-truth: past verdicts fix the names they decide") {
  VoteArrays votes = testing::VotesOf(TruncatedListsCase());
  FactLabels labels(votes.fact_count, -1);
  labels[1] = 1;  // book 0: "a" alone is the truth
  labels[3] = 0;  // book 1: "a" alone is wrong
  Result<TruthDiscoveryResult> result = RunLatentTruth(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_probability[1] == 1.0);
  CHECK(result->fact_probability[0] == 0.0);
  CHECK(result->fact_probability[3] == 0.0);
  CHECK(result->fact_probability[2] == 1.0);
  // Book 0 says the full lists invented b once: their precision is below the short lists',
  // which stays 1 (book 1's "a" is still sampled, and true: it is in "a;b" too).
  CHECK(result->source_trust[0] < result->source_trust[2]);
  CHECK(result->source_trust[2] == doctest::Approx(1.0).epsilon(0.02));
}

TEST_CASE("latent-truth: invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunLatentTruth(votes, nullptr, {.false_positive_prior = 0}).status().message() ==
        "false_positive_prior must be a finite number > 0, got 0");
  CHECK(RunLatentTruth(votes, nullptr, {.truth_prior_false = -1}).status().message() ==
        "truth_prior_false must be a finite number > 0, got -1");
  CHECK(RunLatentTruth(votes, nullptr, {.iterations = 51}).status().message() ==
        "iterations must be at least burn_in + 2 (two halves to compare), got 51 with burn_in 50");
  CHECK(RunLatentTruth(votes, nullptr, {.tolerance = -1}).status().message() ==
        "tolerance must be a finite number >= 0, got -1");
}

}  // namespace
}  // namespace claimgraph::score
