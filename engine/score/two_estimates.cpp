#include "score/two_estimates.h"

#include <algorithm>
#include <utility>

#include "score/parallel_ranges.h"

namespace claimgraph::score {

void GallandNormalise(std::vector<double>& values, double lambda, const std::vector<uint8_t>& include,
                      const VoteArrays* over_ranks, const std::vector<int8_t>* fixed) {
  // Four running bounds in scalars, without a branch: min and max are exact in any order,
  // and one chain of maxsd (4 cycles each) or a struct kept in memory (as GCC 12 did with
  // an IncludedRange) was most of this pass's time.
  constexpr size_t kLanes = 4;
  double low[kLanes] = {1e300, 1e300, 1e300, 1e300}, high[kLanes] = {-1e300, -1e300, -1e300, -1e300};
  const size_t count = values.size();
  size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    for (size_t lane = 0; lane < kLanes; ++lane) {
      const double value = values[i + lane];
      low[lane] = std::min(low[lane], include[i + lane] ? value : 1e300);
      high[lane] = std::max(high[lane], include[i + lane] ? value : -1e300);
    }
  }
  for (; i < count; ++i) {
    low[0] = std::min(low[0], include[i] ? values[i] : 1e300);
    high[0] = std::max(high[0], include[i] ? values[i] : -1e300);
  }
  const IncludedRange range{std::min({low[0], low[1], low[2], low[3]}), std::max({high[0], high[1], high[2], high[3]})};
  GallandNormaliseWithin(values, lambda, include, range, over_ranks, fixed);
}

void GallandNormaliseWithin(std::vector<double>& values, double lambda, const std::vector<uint8_t>& include,
                            IncludedRange range, const VoteArrays* over_ranks, const std::vector<int8_t>* fixed) {
  double low = range.low, high = range.high;
  if (over_ranks != nullptr) {  // min and max are exact in any order
    low = -over_ranks->MaxOverRanks(-low);
    high = over_ranks->MaxOverRanks(high);
  }
  const bool any = low <= high;  // else nothing is included
  const double span = high - low;
  for (size_t i = 0; i < values.size(); ++i) {
    if (any && include[i]) {
      const double linear = span > 0 ? (values[i] - low) / span : std::clamp(values[i], 0.0, 1.0);
      const double rounded = values[i] >= 0.5 ? 1.0 : 0.0;
      values[i] = lambda * linear + (1.0 - lambda) * rounded;
    }
    if (fixed != nullptr && (*fixed)[i] >= 0) values[i] = (*fixed)[i];  // as ApplyFixedBeliefs after
  }
}

Status ValidateEstimatesOptions(double lambda, double initial_error, size_t max_iterations, double tolerance) {
  if (!(lambda >= 0 && lambda <= 1)) return Status::Error("lambda must be in [0, 1], got " + FormatOptionValue(lambda));
  if (!(initial_error >= 0 && initial_error < 1)) {
    return Status::Error("initial_error must be in [0, 1), got " + FormatOptionValue(initial_error));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Status TwoEstimatesOptions::Validate() const {
  return ValidateEstimatesOptions(lambda, initial_error, max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunTwoEstimates(const VoteArrays& votes, const FactLabels* labels,
                                             const TwoEstimatesOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "2-estimates";
  std::vector<double>& theta = result.fact_belief;
  theta.assign(votes.fact_count, 0.5);
  std::vector<double> error = InitialTrust(votes, 1.0 - options.initial_error, options.use_priors);
  for (double& e : error) e = 1.0 - e;
  std::vector<double> next_error(votes.source_count), item_error(votes.item_count),
      item_theta(votes.item_count);
  // Which facts and sources have views at all, and how many views each source has.
  std::vector<uint8_t> fact_viewed(votes.fact_count), source_votes(votes.source_count);
  std::vector<double> positive(votes.source_count), viewed(votes.source_count);
  for (size_t f = 0; f < votes.fact_count; ++f) {
    const uint32_t item = votes.item_of_fact[f];
    fact_viewed[f] = votes.item_voter_offsets[item + 1] > votes.item_voter_offsets[item];
  }
  for (size_t s = 0; s < votes.source_count; ++s) source_votes[s] = votes.VoteCountOfSource(s) > 0;
  const std::vector<double> view_count = ViewCounts(votes);
  const Rows fact_rows = votes.FactRows(), item_voter_rows = votes.ItemVoterRows(), item_rows = votes.ItemRows();

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // theta(f) = (|P| - 2 sum_P eps + sum_I eps) / |I|: P votes for f, I votes in its item.
    // By item ranges: an item's sum, then its facts' theta (an item's facts are its own).
    // Facts are numbered in item order: the range's facts are one range of fact rows.
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSum(item_voter_rows, error.data(), first, last,
                    [&](size_t item, double sum) { item_error[item] = sum; });
      ForEachRowSum(fact_rows, error.data(), votes.item_offsets[first], votes.item_offsets[last],
                    [&](size_t f, double positive) {
                      if (!fact_viewed[f]) return;
                      const uint32_t item = votes.item_of_fact[f];
                      const double voters = votes.item_voter_offsets[item + 1] - votes.item_voter_offsets[item];
                      theta[f] = (votes.VoteCountOfFact(f) - 2.0 * positive + item_error[item]) / voters;
                    });
    });
    GallandNormalise(theta, options.lambda, fact_viewed, &votes, &fixed.value());
    // eps(s) = (|F(s)| - 2 sum_F theta + sum over its items of the item's theta) / views.
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSum(item_rows, theta.data(), first, last, [&](size_t item, double sum) { item_theta[item] = sum; });
    });
    // Both sums over every rank's facts and items, in the single process's order.
    SumOverSourceRows(votes, theta, positive);
    SumOverSourceRows(votes, votes.source_item_offsets, votes.source_items, item_theta, viewed);
    double low = 1e300, high = -1e300;  // scalars, as in GallandNormalise
    for (size_t s = 0; s < votes.source_count; ++s) {
      if (!source_votes[s]) {
        next_error[s] = error[s];
        continue;
      }
      next_error[s] = (votes.VoteCountOfSource(s) - 2.0 * positive[s] + viewed[s]) / view_count[s];
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
