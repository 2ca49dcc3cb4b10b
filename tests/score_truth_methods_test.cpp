// Properties every truth-discovery method shares, checked through the registry.
#include <doctest/doctest.h>

#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

TEST_CASE("the registry lists every method in the order scripts/eval reports them") {
  CHECK(TruthDiscoveryMethods() ==
        std::vector<std::string>{"majority", "sums", "average-log", "investment", "pooled-investment",
                                 "truthfinder", "2-estimates", "3-estimates", "accucopy", "catd",
                                 "truthfinder-implication", "crh", "semi-supervised", "latent-truth"});
  VoteArrays votes = testing::VotesOf(testing::ThreeSourceCase());
  CHECK(RunTruthDiscovery("pagerank", votes).status().message() ==
        "unknown truth-discovery method \"pagerank\"; known methods: majority, sums, average-log, "
        "investment, pooled-investment, truthfinder, 2-estimates, 3-estimates, accucopy, catd, "
        "truthfinder-implication, crh, semi-supervised, latent-truth");
  FactLabels short_labels = {1};
  CHECK(RunTruthDiscovery("sums", votes, &short_labels).status().message() ==
        "labels must have one entry per fact (4), got 1");
}

TEST_CASE("every method ranks the reliable group's answer first on a clear case") {
  VoteArrays votes = testing::VotesOf(testing::ClearCase());
  for (const std::string& method : TruthDiscoveryMethods()) {
    CAPTURE(method);
    Result<TruthDiscoveryResult> result = RunTruthDiscovery(method, votes);
    REQUIRE(result.ok());
    CHECK(result->method == method);
    REQUIRE(result->fact_belief.size() == 8);
    REQUIRE(result->source_trust.size() == 6);
    for (size_t k = 0; k < 4; ++k) CHECK(result->fact_belief[2 * k] > result->fact_belief[2 * k + 1]);
    for (size_t r = 0; r < 4; ++r) CHECK(result->source_trust[r] > result->source_trust[5]);
    for (double value : result->fact_belief) CHECK((value >= 0 && value <= 1));
    for (double value : result->source_trust) CHECK((value >= 0 && value <= 1));
    CHECK(result->iterations >= 1);
  }
}

TEST_CASE("every method gives identical results run to run") {
  VoteArrays votes = testing::VotesOf(testing::ClearCase());
  FactLabels labels(votes.fact_count, -1);
  labels[3] = 1;  // a past verdict against the reliable group on question 1
  for (const std::string& method : TruthDiscoveryMethods()) {
    CAPTURE(method);
    for (const FactLabels* given : std::vector<const FactLabels*>{nullptr, &labels}) {
      Result<TruthDiscoveryResult> first = RunTruthDiscovery(method, votes, given);
      Result<TruthDiscoveryResult> second = RunTruthDiscovery(method, votes, given);
      REQUIRE(first.ok());
      CHECK(first->fact_belief == second->fact_belief);
      CHECK(first->source_trust == second->source_trust);
      CHECK(first->iterations == second->iterations);
      CHECK(first->residual == second->residual);
      if (given != nullptr) {
        CHECK(first->fact_belief[3] == 1.0);
        CHECK(first->fact_belief[2] == 0.0);
      }
    }
  }
}

TEST_CASE("every method accepts a casefile with no votes at all") {
  CaseData data;
  data.sources = {{.id = "quiet", .reliability = 0.7}};
  data.claims = {{.id = "c"}};
  data.assertions = {{.source = 0, .claim = 0, .stance = Stance::kReports}};
  VoteArrays votes = testing::VotesOf(data);
  for (const std::string& method : TruthDiscoveryMethods()) {
    CAPTURE(method);
    Result<TruthDiscoveryResult> result = RunTruthDiscovery(method, votes);
    REQUIRE(result.ok());
    CHECK(result->source_trust == std::vector<double>{0.7});  // its prior: nothing to learn from
    REQUIRE(result->fact_belief.size() == 2);
    CHECK(result->fact_belief[0] == result->fact_belief[1]);
  }
}

}  // namespace
}  // namespace claimgraph::score
