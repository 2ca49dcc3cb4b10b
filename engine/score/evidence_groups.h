// Internal to the score layer: independence and interest (issue 3, items 2 and 3).
//
// Independence. Two origins are not independent when they coincide, or when one entity
// controls both (controlled_by followed transitively; a source's controllers are its
// publisher and the publisher's controllers; an entity counts as controlling itself).
// Origins are joined with union-find over the keys of model/control_index.h, so the relation is closed transitively: if X
// controls A and B, and Y controls B and C, then A, B and C form one group. Assertions
// reach a group through their origins; a report with two independent origins (it cites
// both) sits in both groups and merges nothing, since relaying two voices does not make
// them one.
//
// Interest. An origin has a stake in a claim when it is, or is controlled by, an entity
// the claim is `about` (for a source origin: its publisher chain). A group with such an
// origin is interested and its weight is multiplied by ScoreOptions::interested_weight.
#ifndef CLAIMGRAPH_SCORE_EVIDENCE_GROUPS_H_
#define CLAIMGRAPH_SCORE_EVIDENCE_GROUPS_H_

#include <span>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "model/control_index.h"
#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph::score {

// One piece of evidence for a group: an assertion, one of its origins and the source that
// vouches for that origin.
struct EvidenceMember {
  Index assertion = kNoIndex;
  OriginHit hit;
  // Copied from the assertion when it is traced, so that forming groups need not read the
  // (large, scattered) assertion records again.
  Index claim = kNoIndex;
  float confidence = 1.0f;
};

// How groups are weighted. weight = reliability * confidence * (interested ? interested_weight : 1).
struct GroupWeighting {
  std::span<const double> trust;    // per source, in [0, 1]
  double interested_weight = 0.25;  // ScoreOptions::interested_weight
};

// Forms the evidence groups of one claim and one side (support, or against). `members`
// may name the same assertion several times (once per origin); on the side against the
// claim they may be assertions of competing claims (the group is then `competing`).
// `tracer` (when not null, and Reset to `claim`) fills each group's chains, at most
// `max_chains` of them (the first members'; the rest are counted in chains_left_out), so
// that a chain of n reports does not record n chains of up to n steps. The groups are
// appended to `out` sorted by weight, heaviest first (ties: by first origin); they do not
// depend on the order of `members`.
// REQUIRES: each member's claim and confidence are its assertion's; no (assertion, origin)
// pair twice.
void FormGroups(const ProvenanceGraph& graph, const ControlIndex& control, Index claim, Stance stance,
                std::span<const EvidenceMember> members, const GroupWeighting& weighting,
                ClaimTracer* tracer, size_t max_chains, std::vector<EvidenceGroup>& out);

// What the verdict and the printed counts need of one group: its weight and whether it is
// interested. `score` keeps no groups, and the groups' own lists (origins, assertions) were
// most of the cost of forming them.
struct GroupSummary {
  double weight = 0.0;
  bool interested = false;
};

// The groups FormGroups would form from the same arguments (no tracer), summarised, in the
// same order (heaviest first; ties by first origin): the weights are the same bits, so
// sums over them in this order are too.
void SummariseGroups(const ProvenanceGraph& graph, const ControlIndex& control, Index claim,
                     std::span<const EvidenceMember> members, const GroupWeighting& weighting,
                     std::vector<GroupSummary>& out);

// The totals (score/verdict.h) of a claim's summarised groups: those supporting it, then
// those against it, as TotalsOf gives them for the full groups.
EvidenceTotals TotalsOf(std::span<const GroupSummary> supporting, std::span<const GroupSummary> against);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_EVIDENCE_GROUPS_H_
