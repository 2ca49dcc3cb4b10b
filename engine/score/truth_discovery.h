// Internal to the score layer: the compact arrays that every truth-discovery method
// iterates, and the entry point that runs one method by name. One .cpp per method.
//
// Model. A "fact" is one answer a source can vote for. Each claim gives a fact; claims
// that exclude each other (the `excludes` relation, or the same `question`) form one
// "data item" whose facts compete. A claim with no alternative gets a second, implicit
// fact: its negation, so that a `refutes` assertion is a vote for the negation and a
// `supports` assertion a vote for the claim. For a claim with alternatives, `refutes` is
// a vote against it only (it is spread over the item's other facts). `reports` is not a
// vote. Each (source, fact) pair is counted once.
#ifndef CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_
#define CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph::score {

// Compressed sparse rows, both directions, built once from the graph.
struct VoteArrays {
  size_t source_count = 0;
  size_t fact_count = 0;
  size_t item_count = 0;
  // fact f: the claim it stands for, and whether it is that claim's implicit negation.
  std::vector<Index> claim_of_fact;
  std::vector<uint8_t> fact_is_negation;
  // item i: facts [item_offsets[i], item_offsets[i+1]) in item_facts; item_of_fact[f].
  std::vector<uint32_t> item_offsets, item_facts, item_of_fact;
  // fact f: voting sources [fact_offsets[f], fact_offsets[f+1]) in fact_sources.
  std::vector<uint32_t> fact_offsets, fact_sources;
  // source s: facts it votes for [source_offsets[s], source_offsets[s+1]) in source_facts.
  std::vector<uint32_t> source_offsets, source_facts;
  // Casefile reliability priors; NaN where the casefile gives none.
  std::vector<double> source_prior;
  // fact of each claim (the positive fact), indexed by claim.
  std::vector<uint32_t> fact_of_claim;
};

VoteArrays BuildVoteArrays(const ProvenanceGraph& graph);

// Known labels for semi-supervised fitting: per fact, 1 true, 0 false, -1 unknown.
using FactLabels = std::vector<int8_t>;

struct TruthDiscoveryResult {
  std::string method;
  std::vector<double> fact_belief;   // per fact, in [0, 1]; within an item the highest wins
  std::vector<double> source_trust;  // per source, in [0, 1]
  size_t iterations = 0;
  double residual = 0.0;
  bool converged = true;
};

// The method names accepted by RunTruthDiscovery, in the order `scripts/eval` reports them.
const std::vector<std::string>& TruthDiscoveryMethods();

// Runs one method with its paper's default options. `labels` (may be null) fixes the
// belief of labelled facts while source trust is fitted, as a desk's past verdicts would.
Result<TruthDiscoveryResult> RunTruthDiscovery(std::string_view method, const VoteArrays& votes,
                                               const FactLabels* labels = nullptr);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_
