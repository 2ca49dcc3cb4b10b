// Internal to the score layer: a truth-discovery method's belief turned into a probability
// over the facts of each data item, so that `score` means "probability of being true"
// whatever the method (issue 13, item 1). docs/truth-discovery.md gives each method's rule
// and the reason for it.
#ifndef CLAIMGRAPH_SCORE_PROBABILITY_H_
#define CLAIMGRAPH_SCORE_PROBABILITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "score/truth_discovery.h"

namespace claimgraph::score {

// How a method's belief becomes a probability over its item's facts (docs/truth-discovery.md
// gives the reason per method).
enum class ProbabilityRule : uint8_t {
  // The belief is already a distribution within each item (majority's vote shares,
  // AccuCopy's posterior): used as it is.
  kBeliefIsDistribution,
  // The belief ranks facts but its scale is relative (divided by the data set's largest,
  // Pasternack and Roth) or each fact's own (TruthFinder's sigmoid, the Estimates' theta):
  // P(f) = B(f) / sum of B over f's item, which keeps the ranking within the item, and an
  // item whose beliefs are all 0 gets 1 / facts-in-item.
  kNormaliseWithinItem,
};
// The rule of a method: the table in probability.cpp; kNormaliseWithinItem for a method
// it does not list (a new method whose belief ranks facts needs no entry).
ProbabilityRule ProbabilityRuleOf(std::string_view method);
// fact_probability from fact_belief by `rule`. REQUIRES: belief.size() == votes.fact_count.
std::vector<double> ProbabilitiesOfFacts(const VoteArrays& votes, const std::vector<double>& belief,
                                         ProbabilityRule rule);

// For beliefs that are each fact's own probability of being true, s(f) = 1 / (1 + e^-z(f))
// (TruthFinder's sigmoid): the probability that f is its item's true fact given that exactly
// one is, P(f) = s(f) prod over the others (1 - s(g)) / normaliser, which is proportional to
// s / (1 - s) = e^z: a softmax of z within the item. Computed from z rather than s, since s
// rounds to 1 for large z and two such facts would tie. A fact fixed at 1 (`fixed`, as
// ResolveLabels gives) takes its item's whole probability; a fact fixed at 0 gets none.
// REQUIRES: logit.size() == fixed.size() == votes.fact_count.
std::vector<double> SoftmaxWithinItems(const VoteArrays& votes, const std::vector<double>& logit,
                                       const std::vector<int8_t>& fixed);

// Fills result.fact_probability by the rule of result.method, unless the method filled it.
// REQUIRES: result.fact_belief.size() == votes.fact_count.
void FillProbabilities(const VoteArrays& votes, TruthDiscoveryResult& result);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_PROBABILITY_H_
