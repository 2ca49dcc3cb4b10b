// Internal to the score layer: the evidence of every claim, gathered once before its groups
// are formed (score/corroboration.cpp). Tracing every claim up front lets a claim's support
// also serve as evidence against its alternatives without tracing it a second time.
#ifndef CLAIMGRAPH_SCORE_TRACED_EVIDENCE_H_
#define CLAIMGRAPH_SCORE_TRACED_EVIDENCE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "claimgraph/graph.h"
#include "score/evidence_groups.h"

namespace claimgraph::score {

// The claims that cannot be true together with each claim: `excludes`, and the other
// claims with the same `question`. Compressed rows (claim c's alternatives are
// values[offsets[c], offsets[c+1])), each sorted, without the claim itself; a vector per
// claim and a map of questions cost a second at ten million assertions.
struct AlternativeRows {
  std::vector<uint32_t> offsets, values;
  std::span<const Index> Of(Index claim) const {
    return {values.data() + offsets[claim], values.data() + offsets[claim + 1]};
  }
};

AlternativeRows Alternatives(const ProvenanceGraph& graph);

// The traced evidence of every claim, in compressed rows indexed by claim: the origins of
// its supporting assertions, and of its refuting ones, each in the order of
// AssertionsOfClaim and then of ClaimTracer::Origins.
struct TracedEvidence {
  // Per claim: its assertions of any stance, its supporting and its refuting ones.
  std::vector<uint32_t> reports, supporting_reports, refuting_reports;
  std::vector<uint32_t> support_offsets, refute_offsets;
  std::vector<EvidenceMember> support, refute;
  std::span<const EvidenceMember> SupportOf(Index claim) const {
    return {support.data() + support_offsets[claim], support.data() + support_offsets[claim + 1]};
  }
  std::span<const EvidenceMember> RefuteOf(Index claim) const {
    return {refute.data() + refute_offsets[claim], refute.data() + refute_offsets[claim + 1]};
  }
};

// Claims by ranges, each range with its own tracer and its own member vectors, joined in
// claim order afterwards: the rows are the same for every number of threads.
TracedEvidence TraceEveryClaim(const ProvenanceGraph& graph, std::span<const double> trust, size_t threads);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_TRACED_EVIDENCE_H_
