// The sample case (samples/thaad-drills): the headline claim that the 2017 drill "is not
// aimed at any third party" is repeated by many reports, but every one of them traces back
// to the two defence ministries that held the drill, which the claim is about. Counting
// reports would call it corroborated; counting independent, disinterested origins must not.
#include <doctest/doctest.h>

#include <algorithm>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "test_support.h"

namespace claimgraph {
namespace {

constexpr const char* kClaim = "drill-not-aimed-at-third-party";

// Whether `origin` is the ministry `entity_id` or a statement it published.
bool IsMinistryOrItsStatement(const ProvenanceGraph& graph, NodeRef origin, std::string_view entity_id) {
  if (origin.kind == NodeKind::kEntity) return graph.Id(origin) == entity_id;
  if (origin.kind != NodeKind::kSource) return false;
  Index publisher = graph.sources()[origin.index].publisher;
  return publisher != kNoIndex && graph.entities()[publisher].id == entity_id;
}

TEST_CASE("the sample's headline claim traces to the two interested ministries") {
  LoadResult loaded = LoadCasefiles({testing::ProjectPath("samples/thaad-drills/case.json")});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  const ProvenanceGraph& graph = *loaded.graph;
  std::optional<NodeRef> claim = graph.Find(kClaim);
  REQUIRE(claim.has_value());
  REQUIRE(claim->kind == NodeKind::kClaim);

  Result<CorroborationResult> result = Score(graph);
  REQUIRE(result.ok());
  const ClaimScore& scored = result->claims[claim->index];
  CHECK(scored.supporting_reports >= 4);
  CHECK(scored.verdict != VerdictBand::kCorroborated);
  CHECK(scored.verdict == VerdictBand::kSelfReportedOnly);

  std::vector<const EvidenceGroup*> supporting;
  for (const EvidenceGroup& group : scored.groups) {
    if (group.stance == Stance::kSupports) supporting.push_back(&group);
  }
  REQUIRE(supporting.size() == 2);
  for (const char* ministry : {"cn-defense-ministry", "ru-defense-ministry"}) {
    // Exactly one supporting group holds this ministry (or its statement) among its origins.
    size_t holding = static_cast<size_t>(std::count_if(supporting.begin(), supporting.end(), [&](const EvidenceGroup* group) {
      return std::any_of(group->origins.begin(), group->origins.end(),
                         [&](NodeRef origin) { return IsMinistryOrItsStatement(graph, origin, ministry); });
    }));
    CHECK_MESSAGE(holding == 1, ministry);
  }
  for (const EvidenceGroup* group : supporting) {
    CHECK(group->interested);
    CHECK(group->weight < group->reliability * group->confidence);  // discounted for interest
  }
  CHECK(scored.interested_origins == 2);
  CHECK(scored.score < 0.65);
}

TEST_CASE("explain on the sample shows both ministries, their interest and the verdict") {
  testing::CommandOutput output =
      testing::RunTool({"explain", testing::ProjectPath("samples/thaad-drills/case.json"), kClaim});
  REQUIRE_MESSAGE(output.exit_code == 0, output.err);
  CHECK(output.out.find("verdict self-reported only") != std::string::npos);
  CHECK(output.out.find("supporting group 1 of 2") != std::string::npos);
  CHECK(output.out.find("supporting group 2 of 2") != std::string::npos);
  CHECK(output.out.find("cn-defense-ministry (") != std::string::npos);
  CHECK(output.out.find("ru-defense-ministry (") != std::string::npos);
  CHECK(output.out.find("x interested 0.2500") != std::string::npos);
  CHECK(output.out.find("x disinterested") == std::string::npos);
}

}  // namespace
}  // namespace claimgraph
