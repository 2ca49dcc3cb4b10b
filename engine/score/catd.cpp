#include "score/catd.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "score/chi_squared.h"
#include "score/parallel_ranges.h"

namespace claimgraph::score {
namespace {

// Two weighted votes closer than this (relatively) are a tie: both facts are the truth, so
// that which of two equally supported facts counts as right never depends on fact order.
constexpr double kTieTolerance = 1e-12;

// Beliefs from weights: per item, each free fact's share of the item's weighted vote over
// its free facts; is_truth marks the item's truth (the fact labelled true, else the free
// facts with the largest weighted vote, none when no free fact has a vote).
// `weighted` is scratch, kept across iterations, so that no iteration allocates and zeroes
// a vector of fact_count.
void DecideTruths(const VoteArrays& votes, const std::vector<int8_t>& fixed, const std::vector<double>& weight,
                  std::vector<double>& weighted, std::vector<double>& belief, std::vector<uint8_t>& is_truth) {
  SumOverFactRows(votes, weight, weighted);
  ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
    for (size_t item = first; item < last; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      bool labelled_true = false;
      double total = 0.0, largest = 0.0;
      uint32_t free_facts = 0;
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        labelled_true = labelled_true || fixed[f] == 1;
        if (fixed[f] >= 0) continue;
        ++free_facts;
        total += weighted[f];
        largest = std::max(largest, weighted[f]);
      }
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        if (labelled_true || fixed[f] >= 0) {
          belief[f] = fixed[f] == 1 ? 1.0 : 0.0;
          is_truth[f] = fixed[f] == 1;
          continue;
        }
        belief[f] = total > 0 ? weighted[f] / total : 1.0 / free_facts;
        is_truth[f] = largest > 0 && weighted[f] >= largest * (1 - kTieTolerance);
      }
    }
  });
}

}  // namespace

Status CatdOptions::Validate() const {
  if (!(significance > 0 && significance < 1)) {
    return Status::Error("significance must be in (0, 1), got " + FormatOptionValue(significance));
  }
  if (!(zero_loss > 0 && zero_loss < 1)) {
    return Status::Error("zero_loss must be in (0, 1), got " + FormatOptionValue(zero_loss));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunCatd(const VoteArrays& votes, const FactLabels* labels,
                                     const CatdOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "catd";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  belief.assign(votes.fact_count, 0.0);
  std::vector<uint8_t> is_truth(votes.fact_count, 0);
  std::vector<double> weight(votes.source_count, 1.0), next_trust(votes.source_count), loss(votes.source_count),
      weighted(votes.fact_count);
  trust.assign(votes.source_count, 1.0);  // every weight 1: the truths start as majority vote
  DecideTruths(votes, fixed.value(), weight, weighted, belief, is_truth);

  // chi2(alpha / 2, N(s)), the numerator of each source's weight: computed once per vote
  // count seen (sources share counts; a bisection costs about a hundred CDF evaluations).
  std::vector<double> quantile(votes.source_count, 0.0);
  {
    std::map<uint32_t, double> of_count;
    for (size_t s = 0; s < votes.source_count; ++s) {
      const uint32_t count = votes.VoteCountOfSource(s);
      if (count == 0) continue;
      auto [place, added] = of_count.try_emplace(count, 0.0);
      if (added) place->second = ChiSquaredQuantile(options.significance / 2, count);
      quantile[s] = place->second;
    }
  }

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // A source's loss is a sum over its votes; on a rank its votes on this rank's items
    // only, completed across ranks. The terms are 0 or 1, so the sums are exact integers
    // whatever the order of addition, and every rank gets the single process's bits.
    ForEachRange(votes.source_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t s = first; s < last; ++s) {
        // Counted as an integer, without a branch: which votes miss the truth is as good
        // as random, so a branch on it is often mispredicted.
        uint32_t misses = 0;
        for (uint32_t k = votes.source_offsets[s]; k < votes.source_offsets[s + 1]; ++k) {
          misses += is_truth[votes.source_facts[k]] ^ 1u;
        }
        loss[s] = misses;
      }
    });
    votes.SumOverRanks(loss);
    const double largest = MaxOverRanges(votes.source_count, votes.threads, 0.0, [&](size_t first, size_t last) {
      double range_largest = 0.0;
      for (size_t s = first; s < last; ++s) {
        if (votes.VoteCountOfSource(s) == 0) {
          weight[s] = 0.0;
          continue;
        }
        weight[s] = quantile[s] / (loss[s] > 0 ? loss[s] : options.zero_loss);
        range_largest = std::max(range_largest, weight[s]);
      }
      return range_largest;
    });
    for (size_t s = 0; s < votes.source_count; ++s) next_trust[s] = largest > 0 ? weight[s] / largest : 0.0;
    DecideTruths(votes, fixed.value(), weight, weighted, belief, is_truth);
    if (EndIteration(next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
