// Majority vote: the baseline every truth-discovery paper compares against.
#ifndef CLAIMGRAPH_SCORE_MAJORITY_VOTE_H_
#define CLAIMGRAPH_SCORE_MAJORITY_VOTE_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

// Per data item, the fact with the most votes wins; a tie goes to the fact that comes first
// (the claim listed first in the casefile; a claim before its negation).
// Scales: fact_belief = the fact's share of its item's votes (1 / facts-in-item for an item
// nobody votes on); source_trust = the share of the source's votes that went to winners.
// Labelled facts (see ResolveLabels) keep their label as belief and decide their item's winner.
// Not iterative: iterations = 1, residual = 0, converged = true.
Result<TruthDiscoveryResult> RunMajorityVote(const VoteArrays& votes, const FactLabels* labels = nullptr);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_MAJORITY_VOTE_H_
