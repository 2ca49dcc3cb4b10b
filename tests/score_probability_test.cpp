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

TEST_CASE("a relative belief is divided by its item's sum; an all-zero item is uniform") {
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
