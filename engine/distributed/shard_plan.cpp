#include "distributed/shard_plan.h"

#include "distributed/distributed_scoring.h"
#include "score/truth_discovery.h"

namespace claimgraph::distributed {

ShardPlan PlanShards(const ProvenanceGraph& graph, size_t parts) {
  // One thread: the arrays are the same for every count, and ItemRanges reads only offsets.
  const score::VoteArrays votes = score::BuildVoteArrays(graph, 1);
  ShardPlan plan;
  plan.parts = parts;
  plan.item_begin = ItemRanges(votes, parts);
  plan.part_of_claim.assign(graph.claims().size(), 0);
  for (size_t part = 0; part < parts; ++part) {
    const uint32_t first = votes.item_offsets[plan.item_begin[part]];
    const uint32_t last = votes.item_offsets[plan.item_begin[part + 1]];
    for (uint32_t fact = first; fact < last; ++fact) {
      plan.part_of_claim[votes.claim_of_fact[fact]] = static_cast<uint32_t>(part);
    }
  }
  return plan;
}

CaseData PartData(const ProvenanceGraph& graph, const ShardPlan& plan, size_t part) {
  const CaseData& whole = graph.data();
  CaseData data;
  data.title = whole.title;
  data.review = whole.review;
  data.entities = whole.entities;
  data.sources = whole.sources;
  data.citations = whole.citations;
  data.extraction_rules = whole.extraction_rules;
  // The part's index of each of its claims; excludes, assertions and verdicts of one item
  // stay within the item, so every claim they name is in this part.
  std::vector<Index> local(whole.claims.size(), kNoIndex);
  for (size_t c = 0; c < whole.claims.size(); ++c) {
    if (plan.part_of_claim[c] != part) continue;
    local[c] = static_cast<Index>(data.claims.size());
    data.claims.push_back(whole.claims[c]);
  }
  for (Claim& claim : data.claims) {
    for (Index& other : claim.excludes) other = local[other];
  }
  for (Index a = 0; a < whole.assertions.size(); ++a) {
    const Assertion& assertion = whole.assertions[a];
    if (local[assertion.claim] == kNoIndex) continue;
    data.CarryExtraction(whole, a);  // its span and rule go with it
    data.assertions.push_back(assertion);
    data.assertions.back().claim = local[assertion.claim];
  }
  for (const Verdict& verdict : whole.verdicts) {
    if (local[verdict.claim] == kNoIndex) continue;
    data.verdicts.push_back(verdict);
    data.verdicts.back().claim = local[verdict.claim];
  }
  return data;
}

ShardHeader PartHeader(const ProvenanceGraph& graph, const ShardPlan& plan, size_t part,
                       const std::string& input_hash) {
  ShardHeader header;
  header.part = part + 1;
  header.parts = plan.parts;
  header.input_hash = input_hash;
  header.claims = graph.claims().size();
  header.item_begin = plan.item_begin[part];
  header.item_end = plan.item_begin[part + 1];
  std::vector<uint64_t> positions;
  for (size_t c = 0; c < plan.part_of_claim.size(); ++c) {
    if (plan.part_of_claim[c] == part) positions.push_back(c);
  }
  header.claim_positions = ShardHeader::Runs(positions);
  return header;
}

}  // namespace claimgraph::distributed
