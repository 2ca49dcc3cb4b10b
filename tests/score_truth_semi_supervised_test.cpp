#include <doctest/doctest.h>

#include <cmath>

#include "score/semi_supervised.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

// Claims c1 and c2 stand alone (facts 0 = c1, 1 = not c1, 2 = c2, 3 = not c2).
//   s0 supports c1 and c2; s1 refutes c2; s2 refutes c1.
// Every item is split one vote to one, so c0 = 0 everywhere: without a label nothing moves
// (every belief 1/2). With c1 rated true (c = 1, not c1 = -1), all weights 1:
// Iteration 1: c(c2) = (0 + s0: (c(c1) + c(c2) - c(c2)) / 1 + item: -c(not c2)) / 3 = 1/3;
//   c(not c2) = (0 + item: -c(c2)) / 2 = 0 (s1 has one vote: no link);
//   belief(c2) = (1 + 1/3) / (1 + 1/3 + 1) = 4/7; trust(s0) from (1 + (1 + 0) / 2) / 2 = 3/4
//   to (1 + (1 + 1/3) / 2) / 2 = 5/6: residual 1/12.
// Fixed point: c(c2) = (1 - c(not c2)) / 3, c(not c2) = -c(c2) / 2 -> c(c2) = 2/5,
//   c(not c2) = -1/5; belief(c2) = 1.4 / 2.2 = 7/11; trust s0 = 0.85, s1 = 0.4, s2 = 0.
CaseData SharedSourceCase() {
  CaseData data;
  data.sources = {{.id = "s0"}, {.id = "s1"}, {.id = "s2"}};
  data.claims = {{.id = "c1"}, {.id = "c2"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 0, .claim = 1},
                     {.source = 1, .claim = 1, .stance = Stance::kRefutes},
                     {.source = 2, .claim = 0, .stance = Stance::kRefutes}};
  return data;
}

TEST_CASE("semi-supervised: a rated claim informs an unrated one through a shared source") {
  VoteArrays votes = testing::VotesOf(SharedSourceCase());
  Result<TruthDiscoveryResult> unrated = RunSemiSupervised(votes);
  REQUIRE(unrated.ok());
  CHECK(unrated->fact_belief == std::vector<double>{0.5, 0.5, 0.5, 0.5});
  CHECK(unrated->converged);

  FactLabels labels = {1, -1, -1, -1};
  Result<TruthDiscoveryResult> one = RunSemiSupervised(votes, &labels, {.max_iterations = 1});
  REQUIRE(one.ok());
  CHECK(one->fact_belief[0] == 1.0);
  CHECK(one->fact_belief[1] == 0.0);
  CHECK(one->fact_belief[2] == Approx(4.0 / 7));
  CHECK(one->fact_belief[3] == Approx(3.0 / 7));
  CHECK(one->source_trust[0] == Approx(5.0 / 6));
  CHECK(one->residual == Approx(1.0 / 12));
  CHECK_FALSE(one->converged);

  Result<TruthDiscoveryResult> full = RunSemiSupervised(votes, &labels);
  REQUIRE(full.ok());
  CHECK(full->converged);
  CHECK(full->residual <= 1e-6);
  CHECK(full->fact_belief[2] == Approx(7.0 / 11).epsilon(1e-5));
  CHECK(full->fact_belief[3] == Approx(4.0 / 11).epsilon(1e-5));
  CHECK(full->source_trust[0] == Approx(0.85).epsilon(1e-5));
  CHECK(full->source_trust[1] == Approx(0.4).epsilon(1e-5));
  CHECK(full->source_trust[2] == Approx(0.0));
}

// ThreeSourceCase: c0 = (1/3, -1/3, 1/3, -1/3) is already the fixed point:
//   c(a) = (1/3 + s0: 1/3 + s1: 1/3 + item: 1/3) / 4 = 1/3,
//   c(not a) = (-1/3 + s2: -1/3 + item: -1/3) / 3 = -1/3; belief (1 + 1/3) / 2 = 2/3.
TEST_CASE("semi-supervised: without labels, the votes smoothed over shared sources") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  Result<TruthDiscoveryResult> result = RunSemiSupervised(votes);
  REQUIRE(result.ok());
  CHECK(result->iterations == 2);
  CHECK(result->residual == Approx(0.0));
  CHECK(result->fact_belief[0] == Approx(2.0 / 3));
  CHECK(result->fact_belief[3] == Approx(1.0 / 3));
  CHECK(result->source_trust[2] == Approx(1.0 / 3));
}

TEST_CASE("semi-supervised: invalid options are refused") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunSemiSupervised(votes, nullptr, {.source_weight = -1}).status().message() ==
        "source_weight must be a finite number >= 0, got -1");
  CHECK(RunSemiSupervised(votes, nullptr, {.exclusion_weight = INFINITY}).status().message() ==
        "exclusion_weight must be a finite number >= 0, got inf");
  CHECK(RunSemiSupervised(votes, nullptr, {.prior_weight = 0}).status().message() ==
        "prior_weight must be a finite number > 0, got 0");
}

}  // namespace
}  // namespace claimgraph::score
