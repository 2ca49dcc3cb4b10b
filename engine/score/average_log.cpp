#include "score/average_log.h"

#include <cmath>
#include <utility>


namespace claimgraph::score {

Result<TruthDiscoveryResult> RunAverageLog(const VoteArrays& votes, const FactLabels* labels,
                                           const AverageLogOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "average-log";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  belief.assign(votes.fact_count, 1.0);
  ApplyFixedBeliefs(fixed.value(), belief);
  trust.assign(votes.source_count, 1.0);
  // log|F(s)| / |F(s)|, computed once.
  std::vector<double> weight(votes.source_count, 0.0);
  for (size_t s = 0; s < votes.source_count; ++s) {
    const uint32_t count = votes.VoteCountOfSource(s);
    if (count > 0) weight[s] = std::log(double(count)) / count;
  }
  std::vector<double> next_trust(votes.source_count);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    SumOverSourceRows(votes, belief, next_trust);  // over every rank's items
    for (size_t s = 0; s < votes.source_count; ++s) next_trust[s] *= weight[s];
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
