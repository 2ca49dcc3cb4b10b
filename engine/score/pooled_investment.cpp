#include "score/pooled_investment.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "score/investment.h"
#include "score/parallel_ranges.h"

namespace claimgraph::score {

Status PooledInvestmentOptions::Validate() const {
  return ValidateInvestmentOptions(growth_exponent, max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunPooledInvestment(const VoteArrays& votes, const FactLabels* labels,
                                                 const PooledInvestmentOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "pooled-investment";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  // The paper's prior, B^0(c) = 1/|M_c| over the item's real facts: the implicit negation
  // that vote_arrays.cpp adds to a claim without alternatives is our model's, not a claim
  // of the data, so it starts at 0 and the lone claim at 1 (with the negation in the count
  // the claim would start at 1/2). The negation earns belief from its voters' investment
  // like any fact from the first belief step on.
  belief.assign(votes.fact_count, 0.0);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    uint32_t real_facts = 0;
    for (uint32_t k = begin; k < end; ++k) real_facts += votes.fact_is_negation[votes.item_facts[k]] ? 0 : 1;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      belief[f] = votes.fact_is_negation[f] ? 0.0 : 1.0 / real_facts;
    }
  }
  ApplyFixedBeliefs(fixed.value(), belief);
  trust = InitialTrust(votes, 1.0, options.use_priors);
  std::vector<double> next_trust(votes.source_count), stake(votes.fact_count),
      received(votes.fact_count), grown(votes.fact_count), share(votes.source_count);
  InvestmentReceived(votes, trust, share, received);
  InvestmentStake(belief, received, stake);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    const double residual = InvestmentStep(votes, trust, stake, share, next_trust, received);
    const double largest = MaxOverRanges(votes.item_count, votes.threads, 0.0, [&](size_t first, size_t last) {
      double range_largest = 0.0;
      for (uint32_t k = votes.item_offsets[first]; k < votes.item_offsets[last]; ++k) {
        const uint32_t f = votes.item_facts[k];
        grown[f] = std::pow(received[f], options.growth_exponent);
      }
      for (size_t item = first; item < last; ++item) {
        const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
        double pool = 0.0;
        for (uint32_t k = begin; k < end; ++k) pool += grown[votes.item_facts[k]];
        for (uint32_t k = begin; k < end; ++k) {
          const uint32_t f = votes.item_facts[k];
          belief[f] = pool > 0 ? received[f] * grown[f] / pool : 0.0;
          range_largest = std::max(range_largest, belief[f]);
        }
      }
      return range_largest;
    });
    FinishBeliefStep(votes, largest, fixed.value(), received, belief, stake);
    if (EndIteration(residual, next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
