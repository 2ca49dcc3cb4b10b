#include "score/sums.h"

#include <utility>


namespace claimgraph::score {

Result<TruthDiscoveryResult> RunSums(const VoteArrays& votes, const FactLabels* labels,
                                     const SumsOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "sums";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  belief.assign(votes.fact_count, 1.0);
  ApplyFixedBeliefs(fixed.value(), belief);
  trust.assign(votes.source_count, 1.0);
  std::vector<double> next_trust(votes.source_count);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    SumOverSourceRows(votes, belief, next_trust);  // over every rank's items
    ScaleByMax(next_trust);
    SumOverFactRows(votes, next_trust, belief);
    ScaleByMax(belief, &votes);
    ApplyFixedBeliefs(fixed.value(), belief);
    if (EndIteration(next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
