// What `claimgraph shard` puts in each part (docs/distributed.md, "Shards"): the data items
// that ItemRanges gives rank r for K ranks, with their claims, assertions and verdicts;
// and, in every part, all the entities, sources and citations, so that source s is the same
// source on every rank and the claim-local part of the default score (evidence groups,
// verdicts) traces every claim through the same citations and publishers.
#ifndef CLAIMGRAPH_DISTRIBUTED_SHARD_PLAN_H_
#define CLAIMGRAPH_DISTRIBUTED_SHARD_PLAN_H_

#include <cstddef>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/model.h"
#include "distributed/shard_header.h"

namespace claimgraph::distributed {

struct ShardPlan {
  size_t parts = 1;
  // Items [item_begin[p], item_begin[p + 1]) go to part p + 1: ItemRanges(votes, parts).
  std::vector<size_t> item_begin;
  // part_of_claim[c]: the part (0-based) that holds claim c.
  std::vector<uint32_t> part_of_claim;
};

// REQUIRES: parts >= 1.
ShardPlan PlanShards(const ProvenanceGraph& graph, size_t parts);

// Part `part` (0-based) of the plan as casefile records: every entity, source and citation
// as they are (same order, so the same indices); the part's claims, their assertions and
// verdicts in the input's order, with claim indices renumbered to the part's. Its header:
// part + 1 of plan.parts, `input_hash`, the positions of its claims.
CaseData PartData(const ProvenanceGraph& graph, const ShardPlan& plan, size_t part);
ShardHeader PartHeader(const ProvenanceGraph& graph, const ShardPlan& plan, size_t part,
                       const std::string& input_hash);

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_SHARD_PLAN_H_
