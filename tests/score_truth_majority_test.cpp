#include <doctest/doctest.h>

#include "score/majority_vote.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

TEST_CASE("majority vote: shares of the item's votes, and the share of a source's votes that won") {
  // Item 0: a has 2 votes (s0, s1), not-a 1 (s2); item 1: b1 2, b2 1. Winners a and b1.
  Result<TruthDiscoveryResult> result = RunMajorityVote(testing::VotesOf(testing::ThreeSourceCase()));
  REQUIRE(result.ok());
  CHECK(result->method == "majority");
  CHECK(result->fact_belief == std::vector<double>{2.0 / 3, 1.0 / 3, 2.0 / 3, 1.0 / 3});
  CHECK(result->source_trust == std::vector<double>{1.0, 1.0, 0.0});
  CHECK(result->iterations == 1);
  CHECK(result->converged);
}

TEST_CASE("majority vote: a tie goes to the fact listed first, every time") {
  CaseData data;
  data.sources = {{.id = "for"}, {.id = "against"}, {.id = "silent"}};
  data.claims = {{.id = "c"}};
  data.assertions = {{.source = 1, .claim = 0, .stance = Stance::kRefutes}, {.source = 0, .claim = 0}};
  VoteArrays votes = testing::VotesOf(data);
  for (int run = 0; run < 3; ++run) {
    Result<TruthDiscoveryResult> result = RunMajorityVote(votes);
    REQUIRE(result.ok());
    CHECK(result->fact_belief == std::vector<double>{0.5, 0.5});
    // The claim (fact 0) wins the tie over its negation; the silent source keeps 0.5.
    CHECK(result->source_trust == std::vector<double>{1.0, 0.0, 0.5});
  }
}

TEST_CASE("majority vote: a label overrides the count and decides which votes won") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  FactLabels labels = {-1, 1, -1, -1};  // "not a" is known to be true
  Result<TruthDiscoveryResult> result = RunMajorityVote(votes, &labels);
  REQUIRE(result.ok());
  CHECK(result->fact_belief[0] == 0.0);
  CHECK(result->fact_belief[1] == 1.0);
  CHECK(result->fact_belief[2] == Approx(2.0 / 3));
  // s0 and s1 won b1 but lost a; s2 won not-a but lost b2.
  CHECK(result->source_trust == std::vector<double>{0.5, 0.5, 0.5});
}

}  // namespace
}  // namespace claimgraph::score
