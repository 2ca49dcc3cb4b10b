// One meaning for `score` (issue 13, item 1): every method's belief becomes a probability
// over its data item, and the verdict band never contradicts the score.
#include <doctest/doctest.h>

#include <cmath>

#include "claimgraph/score.h"
#include "score/probability.h"
#include "score/verdict.h"
#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

TEST_CASE("a relative belief is divided by its item's sum, an all-zero item is uniform") {
  // ThreeSourceCase: item 0 = {a, not a} (facts 0, 1), item 1 = {b1, b2} (facts 2, 3).
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(ProbabilitiesOfFacts(votes, {1.0, 0.25, 0.0, 0.0}, ProbabilityRule::kNormaliseWithinItem) ==
        std::vector<double>{0.8, 0.2, 0.5, 0.5});
  // A distribution is kept as it is; one broken by a fixed 0 is divided.
  CHECK(ProbabilitiesOfFacts(votes, {0.75, 0.25, 0.0, 0.5}, ProbabilityRule::kBeliefIsDistribution) ==
        std::vector<double>{0.75, 0.25, 0.0, 1.0});
  CHECK(ProbabilityRuleOf("accucopy") == ProbabilityRule::kBeliefIsDistribution);
  CHECK(ProbabilityRuleOf("majority") == ProbabilityRule::kBeliefIsDistribution);
  CHECK(ProbabilityRuleOf("investment") == ProbabilityRule::kNormaliseWithinItem);
  CHECK(ProbabilityRuleOf("a-method-added-later") == ProbabilityRule::kNormaliseWithinItem);
}

TEST_CASE("a per-fact sigmoid is conditioned on one true fact per item, without rounding to a tie") {
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  const std::vector<int8_t> free(4, -1);
  // Logits 100 and 99: both sigmoids round to 1, but the odds differ by e.
  const std::vector<double> probability = SoftmaxWithinItems(votes, {2.0, 0.0, 100.0, 99.0}, free);
  CHECK(probability[0] == doctest::Approx(1.0 / (1.0 + std::exp(-2.0))));  // against a silent negation: s itself
  CHECK(probability[1] == doctest::Approx(1.0 / (1.0 + std::exp(2.0))));
  CHECK(probability[2] == doctest::Approx(1.0 / (1.0 + std::exp(-1.0))));
  CHECK(probability[2] + probability[3] == doctest::Approx(1.0));
  // A fact fixed true takes its item; one fixed false gets nothing.
  CHECK(SoftmaxWithinItems(votes, {2.0, 0.0, 100.0, 99.0}, {-1, -1, 0, -1}) == std::vector<double>{probability[0], probability[1], 0.0, 1.0});
  CHECK(SoftmaxWithinItems(votes, {2.0, 0.0, 100.0, 99.0}, {0, 1, -1, -1})[1] == 1.0);
}

TEST_CASE("TruthFinder's score is the odds of its confidences s(f), normalised within the item") {
  const ProvenanceGraph graph(testing::ThreeSourceCase());
  ScoreOptions options;
  options.method = "truthfinder";
  Result<CorroborationResult> scored = Score(graph, options);
  REQUIRE(scored.ok());
  // b1 (two votes) against b2 (one): the sigmoids' odds, normalised; both above 1/2 alone.
  CHECK(scored->claims[1].belief > 0.5);
  CHECK(scored->claims[2].belief > 0.5);
  CHECK(scored->claims[1].score + scored->claims[2].score == doctest::Approx(1.0));
  const double odds1 = scored->claims[1].belief / (1 - scored->claims[1].belief);
  const double odds2 = scored->claims[2].belief / (1 - scored->claims[2].belief);
  CHECK(scored->claims[1].score == doctest::Approx(odds1 / (odds1 + odds2)));
}

TEST_CASE("with every method, each item's scores sum to 1 and keep the method's ranking") {
  const ProvenanceGraph graph(testing::ClearCase());
  const VoteArrays votes = BuildVoteArrays(graph);
  for (const std::string& method : TruthDiscoveryMethods()) {
    CAPTURE(method);
    ScoreOptions options;
    options.method = method;
    Result<CorroborationResult> scored = Score(graph, options);
    REQUIRE(scored.ok());
    for (const std::vector<Index>& item : DataItems(graph)) {
      double total = 0.0;
      for (Index c : item) total += scored->claims[c].score;
      CHECK(total == doctest::Approx(1.0).epsilon(1e-12));
    }
    for (size_t k = 0; k < 4; ++k) {
      const ClaimScore& right = scored->claims[2 * k];
      const ClaimScore& wrong = scored->claims[2 * k + 1];
      CHECK(right.score > 0.5);
      CHECK(right.belief > wrong.belief);
    }
  }
}

ClaimScore WithGroups(double score, std::vector<std::pair<Stance, double>> groups) {
  ClaimScore scored;
  scored.score = score;
  for (const auto& [stance, weight] : groups) {
    EvidenceGroup group;
    group.stance = stance;
    group.weight = weight;
    scored.groups.push_back(group);
  }
  return scored;
}

TEST_CASE("a band of support needs a score of at least 0.5, refuted one below it") {
  const ClaimScore two = WithGroups(0.8, {{Stance::kSupports, 1.0}, {Stance::kSupports, 1.0}});
  CHECK(ClassifyVerdict(two) == VerdictBand::kCorroborated);
  // The same evidence, scored near 0 by a method: not "corroborated", not "single origin".
  CHECK(ClassifyVerdict(WithGroups(0.0, {{Stance::kSupports, 1.0}, {Stance::kSupports, 1.0}})) ==
        VerdictBand::kContested);
  CHECK(ClassifyVerdict(WithGroups(0.1, {{Stance::kSupports, 1.0}})) == VerdictBand::kContested);
  CHECK(ClassifyVerdict(WithGroups(0.5, {{Stance::kSupports, 1.0}})) == VerdictBand::kSingleOrigin);
  CHECK(ClassifyVerdict(WithGroups(0.2, {{Stance::kRefutes, 1.0}})) == VerdictBand::kRefuted);
  CHECK(ClassifyVerdict(WithGroups(0.9, {{Stance::kRefutes, 1.0}})) == VerdictBand::kContested);
  CHECK(ClassifyVerdict(WithGroups(0.5, {})) == VerdictBand::kUnsupported);
}

TEST_CASE("a truth-discovery method's bands agree with its scores on every claim") {
  const ProvenanceGraph graph(testing::ClearCase());
  for (const std::string& method : TruthDiscoveryMethods()) {
    CAPTURE(method);
    ScoreOptions options;
    options.method = method;
    Result<CorroborationResult> scored = Score(graph, options);
    REQUIRE(scored.ok());
    for (const ClaimScore& claim : scored->claims) {
      const bool supportive = claim.verdict == VerdictBand::kCorroborated ||
                              claim.verdict == VerdictBand::kSingleOrigin ||
                              claim.verdict == VerdictBand::kSelfReportedOnly;
      if (supportive) CHECK(claim.score >= 0.5);
      if (claim.verdict == VerdictBand::kRefuted) CHECK(claim.score < 0.5);
    }
  }
}

}  // namespace
}  // namespace claimgraph::score
