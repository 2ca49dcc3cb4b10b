#include "score/truthfinder.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace claimgraph::score {
namespace {
// t(s) = 1 would make tau infinite (possible once labels fix beliefs at 1).
constexpr double kHighestTrust = 1.0 - 1e-9;
}  // namespace

Status TruthFinderOptions::Validate() const {
  if (!(dampening > 0 && std::isfinite(dampening))) {
    return Status::Error("dampening must be a finite number > 0, got " + FormatOptionValue(dampening));
  }
  if (!(rho >= 0 && rho <= 1)) return Status::Error("rho must be in [0, 1], got " + FormatOptionValue(rho));
  if (!(implication >= -1 && implication <= 1)) {
    return Status::Error("implication must be in [-1, 1], got " + FormatOptionValue(implication));
  }
  if (!(initial_trust > 0 && initial_trust < 1)) {
    return Status::Error("initial_trust must be in (0, 1), got " + FormatOptionValue(initial_trust));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunTruthFinder(const VoteArrays& votes, const FactLabels* labels,
                                            const TruthFinderOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "truthfinder";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  belief.assign(votes.fact_count, 0.5);
  trust = InitialTrust(votes, options.initial_trust, options.use_priors);
  for (double& t : trust) t = std::clamp(t, 0.0, kHighestTrust);
  std::vector<double> tau(votes.source_count), sigma(votes.fact_count), next_trust(votes.source_count);
  const double rho_implication = options.rho * options.implication;

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // -log(1 - t) rather than -log1p(-t): t is in [0, 1 - 1e-9], where 1 - t loses nothing
    // that matters, and log is faster than log1p, which took about a quarter of an
    // iteration's time at a million assertions (tests/bench/score_bench).
    for (size_t s = 0; s < votes.source_count; ++s) tau[s] = -std::log(1.0 - trust[s]);
    for (size_t f = 0; f < votes.fact_count; ++f) {
      double sum = 0.0;
      for (uint32_t k = votes.fact_offsets[f]; k < votes.fact_offsets[f + 1]; ++k) sum += tau[votes.fact_sources[k]];
      sigma[f] = sum;
    }
    for (size_t item = 0; item < votes.item_count; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      double item_sigma = 0.0;
      for (uint32_t k = begin; k < end; ++k) item_sigma += sigma[votes.item_facts[k]];
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        const double adjusted = sigma[f] + rho_implication * (item_sigma - sigma[f]);
        belief[f] = 1.0 / (1.0 + std::exp(-options.dampening * adjusted));
      }
    }
    ApplyFixedBeliefs(fixed.value(), belief);
    for (size_t s = 0; s < votes.source_count; ++s) {
      const uint32_t begin = votes.source_offsets[s], end = votes.source_offsets[s + 1];
      if (begin == end) {
        next_trust[s] = trust[s];
        continue;
      }
      double sum = 0.0;
      for (uint32_t k = begin; k < end; ++k) sum += belief[votes.source_facts[k]];
      next_trust[s] = std::min(sum / (end - begin), kHighestTrust);
    }
    if (EndIteration(next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
