#include "score/truthfinder.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "score/value_similarity.h"
#include "score/probability.h"

namespace claimgraph::score {
namespace {
// t(s) = 1 would make tau infinite (possible once labels fix beliefs at 1).
constexpr double kHighestTrust = 1.0 - 1e-9;
// How far ahead, in votes, the pass over the sources prefetches their facts.
constexpr uint32_t kPrefetchVotes = 16;

// imp(f' -> f) = sim(f', f) - base_sim for each ordered pair of an item's facts: item i's
// k x k block starts at offsets[i], row f', column f (in the item's fact order).
struct ValueImplications {
  std::vector<size_t> offsets;
  std::vector<double> implication;
};

ValueImplications BuildValueImplications(const VoteArrays& votes, double base_similarity) {
  ValueImplications built;
  built.offsets.reserve(votes.item_count);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    built.offsets.push_back(built.implication.size());
    for (uint32_t from = begin; from < end; ++from) {
      for (uint32_t to = begin; to < end; ++to) {
        const double similarity = from == to ? 1.0
                                             : ValueSimilarity(votes.ValueOfFact(votes.item_facts[from]),
                                                               votes.ValueOfFact(votes.item_facts[to]));
        built.implication.push_back(similarity - base_similarity);
      }
    }
  }
  return built;
}

}  // namespace

Status TruthFinderOptions::Validate() const {
  if (!(dampening > 0 && std::isfinite(dampening))) {
    return Status::Error("dampening must be a finite number > 0, got " + FormatOptionValue(dampening));
  }
  if (!(rho >= 0 && rho <= 1)) return Status::Error("rho must be in [0, 1], got " + FormatOptionValue(rho));
  if (!(implication >= -1 && implication <= 1)) {
    return Status::Error("implication must be in [-1, 1], got " + FormatOptionValue(implication));
  }
  if (!(base_similarity >= 0 && base_similarity <= 1)) {
    return Status::Error("base_similarity must be in [0, 1], got " + FormatOptionValue(base_similarity));
  }
  if (value_implication && implication != 0) {
    return Status::Error("implication must be 0 with value_implication, got " + FormatOptionValue(implication));
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
  result.method = options.value_implication ? "truthfinder-implication" : "truthfinder";
  const ValueImplications implications =
      options.value_implication ? BuildValueImplications(votes, options.base_similarity) : ValueImplications{};
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  trust = InitialTrust(votes, options.initial_trust, options.use_priors);
  for (double& t : trust) t = std::clamp(t, 0.0, kHighestTrust);
  std::vector<double> next_trust(votes.source_count);
  const double rho_implication = options.rho * options.implication;
  const std::vector<int8_t>& fixed_belief = fixed.value();
  // A fact's belief and its sigma side by side: the pass over each source's votes reads the
  // one and adds to the other, so that each vote costs one cache miss rather than two (the
  // arrays are far larger than the L2 cache at ten million assertions).
  struct FactState {
    double belief = 0.5;
    double sigma = 0.0;
  };
  std::vector<FactState> facts(votes.fact_count);
  std::vector<double> logit(votes.fact_count, 0.0);  // gamma sigma*(f), for the probability
  const uint32_t vote_count = static_cast<uint32_t>(votes.source_facts.size());
  // sigma(f) = sum of tau(s) over f's voters, in ascending order of s. Scattering each
  // source's tau into its facts, sources in ascending order, adds the same terms in the same
  // order as gathering over fact_sources would (the transposed rows are ascending), so the
  // sums are bit-identical; it lets the pass that computes a source's new trust also add its
  // new tau into next iteration's sigma, one pass over the votes instead of two.
  // -log(1 - t) rather than -log1p(-t): t is in [0, 1 - 1e-9], where 1 - t loses nothing
  // that matters, and log is faster than log1p, which took about a quarter of an
  // iteration's time at a million assertions (tests/bench/score_bench).
  auto scatter_tau = [&](size_t s, double t) {
    const uint32_t begin = votes.source_offsets[s], end = votes.source_offsets[s + 1];
    if (begin == end) return;
    const double tau = -std::log(1.0 - t);
    for (uint32_t k = begin; k < end; ++k) facts[votes.source_facts[k]].sigma += tau;
  };
  for (size_t s = 0; s < votes.source_count; ++s) scatter_tau(s, trust[s]);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    for (size_t item = 0; item < votes.item_count; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      double item_sigma = 0.0;
      for (uint32_t k = begin; k < end; ++k) item_sigma += facts[votes.item_facts[k]].sigma;
      if (options.value_implication) {
        // sigma*(f) = sigma(f) + rho * sum over f' != f of sigma(f') imp(f' -> f); the beliefs
        // are written after every sigma* of the item is computed, sigma is only read here.
        const size_t size = end - begin;
        const double* block = implications.implication.data() + implications.offsets[item];
        for (uint32_t to = 0; to < size; ++to) {
          double adjusted = facts[votes.item_facts[begin + to]].sigma;
          for (uint32_t from = 0; from < size; ++from) {
            if (from != to) adjusted += options.rho * facts[votes.item_facts[begin + from]].sigma * block[from * size + to];
          }
          logit[votes.item_facts[begin + to]] = options.dampening * adjusted;
          facts[votes.item_facts[begin + to]].belief = 1.0 / (1.0 + std::exp(-options.dampening * adjusted));
        }
      } else {
        for (uint32_t k = begin; k < end; ++k) {
          FactState& fact = facts[votes.item_facts[k]];
          const double adjusted = fact.sigma + rho_implication * (item_sigma - fact.sigma);
          logit[votes.item_facts[k]] = options.dampening * adjusted;
          fact.belief = 1.0 / (1.0 + std::exp(-options.dampening * adjusted));
        }
      }
      for (uint32_t k = begin; k < end; ++k) {
        FactState& fact = facts[votes.item_facts[k]];
        if (fixed_belief[votes.item_facts[k]] >= 0) fact.belief = fixed_belief[votes.item_facts[k]];  // as ApplyFixedBeliefs
        fact.sigma = 0.0;  // for the scatter below
      }
    }
    // New trust, the residual (as EndIteration computes it) and next iteration's sigma.
    double residual = 0.0;
    uint32_t prefetched = 0;
    for (size_t s = 0; s < votes.source_count; ++s) {
      const uint32_t begin = votes.source_offsets[s], end = votes.source_offsets[s + 1];
      // The facts of the next kPrefetchVotes votes are requested ahead: the loads are
      // scattered over arrays larger than the L2 cache, and the log per source keeps the
      // processor from running far enough ahead to overlap them by itself.
      for (const uint32_t until = std::min(end + kPrefetchVotes, vote_count); prefetched < until; ++prefetched) {
        __builtin_prefetch(&facts[votes.source_facts[prefetched]], 1);
      }
      if (begin == end) {
        next_trust[s] = trust[s];
        continue;
      }
      double sum = 0.0;
      for (uint32_t k = begin; k < end; ++k) sum += facts[votes.source_facts[k]].belief;
      const double t = std::min(sum / (end - begin), kHighestTrust);
      next_trust[s] = t;
      residual = std::max(residual, std::fabs(t - trust[s]));
      scatter_tau(s, t);
    }
    result.residual = residual;
    std::swap(trust, next_trust);
    result.converged = result.iterations > 1 && result.residual <= options.tolerance;
    if (result.converged) break;
  }
  belief.resize(votes.fact_count);
  for (size_t f = 0; f < votes.fact_count; ++f) belief[f] = facts[f].belief;
  result.fact_probability = SoftmaxWithinItems(votes, logit, fixed_belief);
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
