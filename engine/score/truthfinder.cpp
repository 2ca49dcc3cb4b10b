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
  trust = InitialTrust(votes, options.initial_trust, options.use_priors);
  for (double& t : trust) t = std::clamp(t, 0.0, kHighestTrust);
  const double rho_implication = options.rho * options.implication;
  const std::vector<int8_t>& fixed_belief = fixed.value();
  // Only what can have changed is recomputed, with the same formulas over the same terms in
  // the same order, so every value is bit-identical to recomputing everything. A fact's
  // sigma and belief depend only on the tau of its voters (and, through implications, on
  // its item's other facts), and a source's trust only on the beliefs of its facts. So an
  // item is recomputed when a voter's tau changed, and a source when a belief of one of
  // its facts changed. Late in the iteration most beliefs have settled (many at exactly 1),
  // and recomputing every vote in each of some 70 iterations was most of scoring ten
  // million assertions.
  // -log(1 - t) rather than -log1p(-t): t is in [0, 1 - 1e-9], where 1 - t loses nothing
  // that matters, and log is faster than log1p (tests/bench/score_bench).
  std::vector<double> tau(votes.source_count), sigma(votes.fact_count, 0.0);
  belief.assign(votes.fact_count, 0.5);
  for (size_t s = 0; s < votes.source_count; ++s) tau[s] = -std::log(1.0 - trust[s]);
  std::vector<uint8_t> item_stale(votes.item_count, 1), source_stale(votes.source_count, 1);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    for (size_t item = 0; item < votes.item_count; ++item) {
      if (!item_stale[item]) continue;
      item_stale[item] = 0;
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        double sum = 0.0;
        for (uint32_t v = votes.fact_offsets[f]; v < votes.fact_offsets[f + 1]; ++v) sum += tau[votes.fact_sources[v]];
        sigma[f] = sum;
      }
      double item_sigma = 0.0;
      for (uint32_t k = begin; k < end; ++k) item_sigma += sigma[votes.item_facts[k]];
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        const double adjusted = sigma[f] + rho_implication * (item_sigma - sigma[f]);
        double updated = 1.0 / (1.0 + std::exp(-options.dampening * adjusted));
        if (fixed_belief[f] >= 0) updated = fixed_belief[f];  // as ApplyFixedBeliefs
        if (updated == belief[f] && std::signbit(updated) == std::signbit(belief[f])) continue;
        belief[f] = updated;
        for (uint32_t v = votes.fact_offsets[f]; v < votes.fact_offsets[f + 1]; ++v) {
          source_stale[votes.fact_sources[v]] = 1;
        }
      }
    }
    // New trust and the residual, max |new - old| over the sources, as EndIteration computes
    // it (a source left alone contributes 0).
    double residual = 0.0;
    for (size_t s = 0; s < votes.source_count; ++s) {
      if (!source_stale[s]) continue;
      source_stale[s] = 0;
      const uint32_t begin = votes.source_offsets[s], end = votes.source_offsets[s + 1];
      if (begin == end) continue;  // votes for nothing: keeps its trust
      double sum = 0.0;
      for (uint32_t k = begin; k < end; ++k) sum += belief[votes.source_facts[k]];
      const double t = std::min(sum / (end - begin), kHighestTrust);
      residual = std::max(residual, std::fabs(t - trust[s]));
      if (t == trust[s] && std::signbit(t) == std::signbit(trust[s])) continue;
      trust[s] = t;
      const double updated = -std::log(1.0 - t);
      if (updated == tau[s] && std::signbit(updated) == std::signbit(tau[s])) continue;
      tau[s] = updated;
      for (uint32_t k = begin; k < end; ++k) item_stale[votes.item_of_fact[votes.source_facts[k]]] = 1;
    }
    result.residual = residual;
    result.converged = result.iterations > 1 && result.residual <= options.tolerance;
    if (result.converged) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
