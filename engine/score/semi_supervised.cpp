#include "score/semi_supervised.h"

#include <cmath>
#include <utility>

#include "score/parallel_ranges.h"

namespace claimgraph::score {
namespace {

Status ValidateWeight(const char* name, double value) {
  if (value >= 0 && std::isfinite(value)) return Status::Ok();
  return Status::Error(std::string(name) + " must be a finite number >= 0, got " + FormatOptionValue(value));
}

// (1 + mean confidence over the source's facts) / 2, from each source's summed confidence
// (over every rank's facts); sources without votes get 0.5 here and their prior at the end
// (SetTrustOfSilentSources).
void TrustFromSums(const VoteArrays& votes, const std::vector<double>& source_sum, std::vector<double>& trust) {
  for (size_t s = 0; s < votes.source_count; ++s) {
    const uint32_t count = votes.VoteCountOfSource(s);
    trust[s] = count == 0 ? 0.5 : (1.0 + source_sum[s] / count) / 2.0;
  }
}

}  // namespace

Status SemiSupervisedOptions::Validate() const {
  if (Status status = ValidateWeight("source_weight", source_weight); !status.ok()) return status;
  if (Status status = ValidateWeight("exclusion_weight", exclusion_weight); !status.ok()) return status;
  if (!(prior_weight > 0 && std::isfinite(prior_weight))) {
    return Status::Error("prior_weight must be a finite number > 0, got " + FormatOptionValue(prior_weight));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunSemiSupervised(const VoteArrays& votes, const FactLabels* labels,
                                               const SemiSupervisedOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed_or = ResolveLabels(votes, labels);
  if (!fixed_or.ok()) return fixed_or.status();
  const std::vector<int8_t>& fixed = fixed_or.value();

  TruthDiscoveryResult result;
  result.method = "semi-supervised";
  // c0 from the votes; labelled facts at 1 or -1 from the start.
  std::vector<double> prior(votes.fact_count, 0.0), confidence(votes.fact_count), next(votes.fact_count);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    double total = 0.0;
    for (uint32_t k = begin; k < end; ++k) total += votes.VoteCountOfFact(votes.item_facts[k]);
    if (total == 0) continue;
    for (uint32_t k = begin; k < end; ++k) {
      prior[votes.item_facts[k]] = 2.0 * votes.VoteCountOfFact(votes.item_facts[k]) / total - 1.0;
    }
  }
  for (size_t f = 0; f < votes.fact_count; ++f) confidence[f] = fixed[f] >= 0 ? 2.0 * fixed[f] - 1.0 : prior[f];
  std::vector<double>& trust = result.source_trust;
  trust.assign(votes.source_count, 0.5);
  // Each source's summed confidence, over every rank's facts: the trust and the next update
  // both read it, so it is summed once per iteration.
  std::vector<double> next_trust(votes.source_count), source_sum(votes.source_count), item_sum(votes.item_count);
  SumOverSourceRows(votes, confidence, source_sum);
  TrustFromSums(votes, source_sum, trust);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSum(votes.ItemRows(), confidence.data(), first, last,
                    [&](size_t item, double sum) { item_sum[item] = sum; });
    });
    ForEachRange(votes.fact_count, votes.threads, [&](size_t first_fact, size_t last_fact) {
      for (size_t f = first_fact; f < last_fact; ++f) {
        if (fixed[f] >= 0) {
          next[f] = confidence[f];
          continue;
        }
        double numerator = options.prior_weight * prior[f], denominator = options.prior_weight;
        for (uint32_t k = votes.fact_offsets[f]; k < votes.fact_offsets[f + 1]; ++k) {
          const uint32_t s = votes.fact_sources[k], count = votes.VoteCountOfSource(s);
          if (count < 2) continue;  // a source with one vote links its fact to nothing
          numerator += options.source_weight * (source_sum[s] - confidence[f]) / (count - 1);
          denominator += options.source_weight;
        }
        const uint32_t item = votes.item_of_fact[f];
        const uint32_t size = votes.item_offsets[item + 1] - votes.item_offsets[item];
        if (size >= 2) {
          numerator -= options.exclusion_weight * (item_sum[item] - confidence[f]) / (size - 1);
          denominator += options.exclusion_weight;
        }
        next[f] = numerator / denominator;
      }
    });
    std::swap(confidence, next);
    SumOverSourceRows(votes, confidence, source_sum);
    TrustFromSums(votes, source_sum, next_trust);
    if (EndIteration(next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;

  std::vector<double>& belief = result.fact_belief;
  belief.assign(votes.fact_count, 0.0);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    double total = 0.0;
    for (uint32_t k = begin; k < end; ++k) total += 1.0 + confidence[votes.item_facts[k]];
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      belief[f] = total > 0 ? (1.0 + confidence[f]) / total : 1.0 / (end - begin);
    }
  }
  ApplyFixedBeliefs(fixed, belief);
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
