#include "score/investment.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "score/parallel_ranges.h"

namespace claimgraph::score {

Status ValidateInvestmentOptions(double growth_exponent, size_t max_iterations, double tolerance) {
  if (!(growth_exponent >= 1 && std::isfinite(growth_exponent))) {
    return Status::Error("growth_exponent must be a finite number >= 1, got " +
                         FormatOptionValue(growth_exponent));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Status InvestmentOptions::Validate() const {
  return ValidateInvestmentOptions(growth_exponent, max_iterations, tolerance);
}

void InvestmentReceived(const VoteArrays& votes, const std::vector<double>& trust,
                        std::vector<double>& share, std::vector<double>& received) {
  for (size_t s = 0; s < votes.source_count; ++s) {
    const uint32_t count = votes.VoteCountOfSource(s);
    share[s] = count > 0 ? trust[s] / count : 0.0;
  }
  SumOverFactRows(votes, share, received);
}

void InvestmentStake(const std::vector<double>& belief, const std::vector<double>& received,
                     std::vector<double>& stake) {
  for (size_t f = 0; f < belief.size(); ++f) stake[f] = received[f] > 0 ? belief[f] / received[f] : 0.0;
}

double InvestmentStep(const VoteArrays& votes, const std::vector<double>& trust, const std::vector<double>& stake,
                      std::vector<double>& share, std::vector<double>& next_trust, std::vector<double>& received) {
  SumOverSourceRows(votes, stake, next_trust);  // over every rank's items
  double largest = 0.0;
  for (size_t s = 0; s < votes.source_count; ++s) {
    const uint32_t count = votes.VoteCountOfSource(s);
    next_trust[s] = count == 0 ? 0.0 : next_trust[s] * trust[s] / count;
    largest = std::max(largest, next_trust[s]);
  }
  // Trust is complete on every rank (the sums above run over all of them), so its largest
  // value needs no reduction.
  const double scale = largest > 0.0 ? 1.0 / largest : 1.0;
  double residual = 0.0;
  for (size_t s = 0; s < votes.source_count; ++s) {
    if (largest > 0.0) next_trust[s] *= scale;
    const uint32_t count = votes.VoteCountOfSource(s);
    share[s] = count > 0 ? next_trust[s] / count : 0.0;
    residual = std::max(residual, std::fabs(next_trust[s] - trust[s]));
  }
  SumOverFactRows(votes, share, received);  // H of the new trust
  return residual;
}

void FinishBeliefStep(const VoteArrays& votes, double largest, const std::vector<int8_t>& fixed,
                      const std::vector<double>& received, std::vector<double>& belief, std::vector<double>& stake) {
  largest = votes.MaxOverRanks(largest);
  const double scale = largest > 0.0 ? 1.0 / largest : 1.0;
  for (size_t f = 0; f < belief.size(); ++f) {
    if (largest > 0.0) belief[f] *= scale;
    if (fixed[f] >= 0) belief[f] = fixed[f];
    stake[f] = received[f] > 0 ? belief[f] / received[f] : 0.0;
  }
}

Result<TruthDiscoveryResult> RunInvestment(const VoteArrays& votes, const FactLabels* labels,
                                           const InvestmentOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "investment";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  belief.assign(votes.fact_count, 0.0);
  for (size_t item = 0; item < votes.item_count; ++item) {  // the voted prior
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    uint32_t total = 0;
    for (uint32_t k = begin; k < end; ++k) total += votes.VoteCountOfFact(votes.item_facts[k]);
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      belief[f] = total == 0 ? 1.0 / (end - begin) : double(votes.VoteCountOfFact(f)) / total;
    }
  }
  ApplyFixedBeliefs(fixed.value(), belief);
  trust = InitialTrust(votes, 1.0, options.use_priors);
  std::vector<double> next_trust(votes.source_count), stake(votes.fact_count),
      received(votes.fact_count), share(votes.source_count);
  InvestmentReceived(votes, trust, share, received);
  InvestmentStake(belief, received, stake);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    const double residual = InvestmentStep(votes, trust, stake, share, next_trust, received);
    const double largest = MaxOverRanges(votes.fact_count, votes.threads, 0.0, [&](size_t first, size_t last) {
      double range_largest = 0.0;
      for (size_t f = first; f < last; ++f) {
        belief[f] = std::pow(received[f], options.growth_exponent);
        range_largest = std::max(range_largest, belief[f]);
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
