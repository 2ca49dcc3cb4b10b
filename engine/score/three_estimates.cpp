#include "score/three_estimates.h"

#include <algorithm>
#include <utility>

#include "score/parallel_ranges.h"
#include "score/two_estimates.h"

namespace claimgraph::score {
namespace {
constexpr double kSmallestDivisor = 1e-3;
}  // namespace

Status ThreeEstimatesOptions::Validate() const {
  if (!(initial_difficulty >= 0 && initial_difficulty <= 1)) {
    return Status::Error("initial_difficulty must be in [0, 1], got " + FormatOptionValue(initial_difficulty));
  }
  return ValidateEstimatesOptions(lambda, initial_error, max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunThreeEstimates(const VoteArrays& votes, const FactLabels* labels,
                                               const ThreeEstimatesOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "3-estimates";
  std::vector<double>& theta = result.fact_belief;
  theta.assign(votes.fact_count, 0.5);
  std::vector<double> difficulty(votes.fact_count, options.initial_difficulty);
  std::vector<double> error = InitialTrust(votes, 1.0 - options.initial_error, options.use_priors);
  for (double& e : error) e = 1.0 - e;
  std::vector<double> next_error(votes.source_count), inverse_error(votes.source_count),
      item_error(votes.item_count), item_inverse(votes.item_count), item_sum(votes.item_count),
      positive_inverse(votes.fact_count), theta_over_difficulty(votes.fact_count);
  std::vector<uint8_t> fact_viewed(votes.fact_count), source_votes(votes.source_count);
  std::vector<double> fact_term(votes.fact_count), source_sum(votes.source_count);
  for (size_t f = 0; f < votes.fact_count; ++f) {
    const uint32_t item = votes.item_of_fact[f];
    fact_viewed[f] = votes.item_voter_offsets[item + 1] > votes.item_voter_offsets[item];
  }
  for (size_t s = 0; s < votes.source_count; ++s) source_votes[s] = votes.VoteCountOfSource(s) > 0;
  const std::vector<double> view_count = ViewCounts(votes);
  const Rows fact_rows = votes.FactRows(), item_voter_rows = votes.ItemVoterRows(), item_rows = votes.ItemRows();
  auto voters_of = [&](size_t f) {
    const uint32_t item = votes.item_of_fact[f];
    return double(votes.item_voter_offsets[item + 1] - votes.item_voter_offsets[item]);
  };

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // Both estimates of the facts need sums of eps and of 1/eps over each item's voters and
    // each fact's own voters (P), and 1/eps depends on eps alone: so the four sums are taken
    // in one pass, two at a time over the same rows, before theta.
    // theta(f) = (|P| + delta(f) (sum_I eps - 2 sum_P eps)) / |I|
    for (size_t s = 0; s < votes.source_count; ++s) inverse_error[s] = 1.0 / std::max(error[s], kSmallestDivisor);
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSumTwice(item_voter_rows, error.data(), inverse_error.data(), first, last,
                         [&](size_t item, double of_error, double of_inverse) {
                           item_error[item] = of_error;
                           item_inverse[item] = of_inverse;
                         });
      // Facts are numbered in item order: the range's facts are one range of fact rows.
      ForEachRowSumTwice(fact_rows, error.data(), inverse_error.data(), votes.item_offsets[first],
                         votes.item_offsets[last], [&](size_t f, double positive, double of_inverse) {
                           positive_inverse[f] = of_inverse;
                           if (!fact_viewed[f]) return;
                           theta[f] = (votes.VoteCountOfFact(f) +
                                       difficulty[f] * (item_error[votes.item_of_fact[f]] - 2.0 * positive)) /
                                      voters_of(f);
                         });
    });
    GallandNormalise(theta, options.lambda, fact_viewed, &votes, &fixed.value());
    // delta(f) = ((1 - theta) sum_P 1/eps + theta (sum_I 1/eps - sum_P 1/eps)) / |I|
    ForEachRange(votes.fact_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t f = first; f < last; ++f) {
        if (!fact_viewed[f]) continue;
        const double positive = positive_inverse[f];
        const double negative = item_inverse[votes.item_of_fact[f]] - positive;
        difficulty[f] = ((1.0 - theta[f]) * positive + theta[f] * negative) / voters_of(f);
      }
    });
    GallandNormalise(difficulty, options.lambda, fact_viewed, &votes);
    // eps(s) = (sum_F (1 - theta)/delta + sum over its items' facts of theta/delta - sum_F theta/delta) / views
    for (size_t f = 0; f < votes.fact_count; ++f) {
      theta_over_difficulty[f] = theta[f] / std::max(difficulty[f], kSmallestDivisor);
      fact_term[f] = 1.0 / std::max(difficulty[f], kSmallestDivisor) - 2.0 * theta_over_difficulty[f];
    }
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSum(item_rows, theta_over_difficulty.data(), first, last,
                    [&](size_t item, double sum) { item_sum[item] = sum; });
    });
    // One sum per source, over its facts and then its items, on every rank's part in turn
    // (AddOverSourceRows): the single process's order of addition.
    SumOverSourceRows(votes, fact_term, source_sum);
    AddOverSourceRows(votes, votes.source_item_offsets, votes.source_items, item_sum, source_sum);
    double low = 1e300, high = -1e300;  // scalars, as in GallandNormalise
    for (size_t s = 0; s < votes.source_count; ++s) {
      if (!source_votes[s]) {
        next_error[s] = error[s];
        continue;
      }
      next_error[s] = source_sum[s] / view_count[s];
      low = std::min(low, next_error[s]);
      high = std::max(high, next_error[s]);
    }
    GallandNormaliseWithin(next_error, options.lambda, source_votes, IncludedRange{low, high});
    if (EndIteration(next_error, error, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  result.source_trust.resize(votes.source_count);
  for (size_t s = 0; s < votes.source_count; ++s) result.source_trust[s] = 1.0 - error[s];
  SetTrustOfSilentSources(votes, result.source_trust);
  return result;
}

}  // namespace claimgraph::score
