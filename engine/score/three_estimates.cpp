#include "score/three_estimates.h"

#include <algorithm>
#include <functional>
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
      item_sum(votes.item_count), theta_over_difficulty(votes.fact_count);
  std::vector<uint8_t> fact_viewed(votes.fact_count), source_votes(votes.source_count);
  std::vector<double> fact_term(votes.fact_count), source_sum(votes.source_count);
  for (size_t f = 0; f < votes.fact_count; ++f) {
    const uint32_t item = votes.item_of_fact[f];
    fact_viewed[f] = votes.item_voter_offsets[item + 1] > votes.item_voter_offsets[item];
  }
  for (size_t s = 0; s < votes.source_count; ++s) source_votes[s] = votes.VoteCountOfSource(s) > 0;
  const std::vector<double> view_count = ViewCounts(votes);
  // Per item, the sum over its voters of value[s]; per fact, the sum over its own voters.
  auto sum_over_item_voters = [&](const std::vector<double>& value) {
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t item = first; item < last; ++item) {
        double sum = 0.0;
        for (uint32_t k = votes.item_voter_offsets[item]; k < votes.item_voter_offsets[item + 1]; ++k) {
          sum += value[votes.item_voters[k]];
        }
        item_sum[item] = sum;
      }
    });
  };
  auto for_each_fact = [&](const std::function<void(size_t)>& body) {
    ForEachRange(votes.fact_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t f = first; f < last; ++f) body(f);
    });
  };
  auto sum_over_fact_voters = [&](const std::vector<double>& value, size_t f) {
    double sum = 0.0;
    for (uint32_t k = votes.fact_offsets[f]; k < votes.fact_offsets[f + 1]; ++k) sum += value[votes.fact_sources[k]];
    return sum;
  };
  auto voters_of = [&](size_t f) {
    const uint32_t item = votes.item_of_fact[f];
    return double(votes.item_voter_offsets[item + 1] - votes.item_voter_offsets[item]);
  };

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // theta(f) = (|P| + delta(f) (sum_I eps - 2 sum_P eps)) / |I|
    sum_over_item_voters(error);
    for_each_fact([&](size_t f) {
      if (!fact_viewed[f]) return;
      const double positive = sum_over_fact_voters(error, f);
      theta[f] = (votes.VoteCountOfFact(f) + difficulty[f] * (item_sum[votes.item_of_fact[f]] - 2.0 * positive)) /
                 voters_of(f);
    });
    GallandNormalise(theta, options.lambda, fact_viewed, &votes);
    ApplyFixedBeliefs(fixed.value(), theta);
    // delta(f) = ((1 - theta) sum_P 1/eps + theta (sum_I 1/eps - sum_P 1/eps)) / |I|
    for (size_t s = 0; s < votes.source_count; ++s) inverse_error[s] = 1.0 / std::max(error[s], kSmallestDivisor);
    sum_over_item_voters(inverse_error);
    for_each_fact([&](size_t f) {
      if (!fact_viewed[f]) return;
      const double positive = sum_over_fact_voters(inverse_error, f);
      const double negative = item_sum[votes.item_of_fact[f]] - positive;
      difficulty[f] = ((1.0 - theta[f]) * positive + theta[f] * negative) / voters_of(f);
    });
    GallandNormalise(difficulty, options.lambda, fact_viewed, &votes);
    // eps(s) = (sum_F (1 - theta)/delta + sum over its items' facts of theta/delta - sum_F theta/delta) / views
    for (size_t f = 0; f < votes.fact_count; ++f) {
      theta_over_difficulty[f] = theta[f] / std::max(difficulty[f], kSmallestDivisor);
      fact_term[f] = 1.0 / std::max(difficulty[f], kSmallestDivisor) - 2.0 * theta_over_difficulty[f];
    }
    for (size_t item = 0; item < votes.item_count; ++item) {
      double sum = 0.0;
      for (uint32_t k = votes.item_offsets[item]; k < votes.item_offsets[item + 1]; ++k) {
        sum += theta_over_difficulty[votes.item_facts[k]];
      }
      item_sum[item] = sum;
    }
    // One sum per source, over its facts and then its items, on every rank's part in turn
    // (AddOverSourceRows): the single process's order of addition.
    SumOverSourceRows(votes, fact_term, source_sum);
    AddOverSourceRows(votes, votes.source_item_offsets, votes.source_items, item_sum, source_sum);
    for (size_t s = 0; s < votes.source_count; ++s) {
      next_error[s] = source_votes[s] ? source_sum[s] / view_count[s] : error[s];
    }
    GallandNormalise(next_error, options.lambda, source_votes);
    if (EndIteration(next_error, error, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  result.source_trust.resize(votes.source_count);
  for (size_t s = 0; s < votes.source_count; ++s) result.source_trust[s] = 1.0 - error[s];
  SetTrustOfSilentSources(votes, result.source_trust);
  return result;
}

}  // namespace claimgraph::score
