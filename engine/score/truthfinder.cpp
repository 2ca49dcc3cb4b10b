#include "score/truthfinder.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "score/parallel_ranges.h"
#include "score/probability.h"
#include "score/value_similarity.h"

namespace claimgraph::score {
namespace {
// t(s) = 1 would make tau infinite (possible once labels fix beliefs at 1).
constexpr double kHighestTrust = 1.0 - 1e-9;

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
  const size_t threads = votes.threads;
  belief.assign(votes.fact_count, 0.5);
  // Without implication (rho * implication == 0, the default) sigma*(f) is sigma(f) bit for
  // bit: rho * implication * (the item's sum - sigma(f)) is a zero of either sign, and
  // sigma(f) is never -0.0 (a sum from +0.0 of terms that are > 0 or a zero), so adding it
  // changes nothing.
  const bool plain_sums = !options.value_implication && rho_implication == 0;
  // sigma(f) (not kept when plain), and gamma sigma*(f) (the logit, kept for the probability).
  std::vector<double> sigma(plain_sums ? 0 : votes.fact_count, 0.0), logit(votes.fact_count, 0.0);
  // tau(s) = -ln(1 - t(s)), once per source and iteration, in a loop of its own: the passes
  // over the votes then do nothing but gather and add, with no exp or log among the loads
  // (one log per vote would cost more than the loads themselves). -log(1 - t) rather than
  // -log1p(-t): t is in [0, 1 - 1e-9], where 1 - t loses nothing that matters, and log is
  // faster than log1p.
  std::vector<double> tau(votes.source_count, 0.0);
  auto fill_tau = [&](const std::vector<double>& of_trust, size_t first, size_t last) {
    for (size_t s = first; s < last; ++s) tau[s] = -std::log(1.0 - of_trust[s]);
  };
  ForEachRange(votes.source_count, threads, [&](size_t first, size_t last) { fill_tau(trust, first, last); });
  const Rows fact_rows = votes.FactRows();

  // Beliefs of the items [first, last): sigma(f) is gathered over f's voters in ascending
  // order of s (the transposed rows are ascending), the same terms in the same order as
  // scattering each source's tau into its facts would add them, so the sums do not depend
  // on how the items are cut into ranges. The facts of consecutive items are consecutive,
  // so the exp runs over one contiguous stretch of logits after the gathers.
  // Facts are numbered in item order, so the items' facts are one range of fact rows.
  // Plain sums: the gather writes the logit itself, and one pass forms the confidences and
  // sets the labelled facts (both paths), instead of three passes (6.8 to 6.2 ms an iteration on 920,406
  // triples, docs/benchmarks.md). The exp stays out of the gather: among the loads the call
  // measured slower (8.0 ms), as did forming tau(s) in the loop that forms t(s) (7.7 ms).
  auto form_confidences = [&](uint32_t fact_begin, uint32_t fact_end) {
    for (uint32_t f = fact_begin; f < fact_end; ++f) {
      belief[f] = fixed_belief[f] >= 0 ? fixed_belief[f] : 1.0 / (1.0 + std::exp(-logit[f]));  // as ApplyFixedBeliefs
    }
  };
  auto plain_item_beliefs = [&](size_t first, size_t last) {
    double* logit_of = logit.data();
    const double dampening = options.dampening;
    const uint32_t fact_begin = votes.item_offsets[first], fact_end = votes.item_offsets[last];
    ForEachRowSum(fact_rows, tau.data(), fact_begin, fact_end,
                  [logit_of, dampening](size_t f, double sum) { logit_of[f] = dampening * sum; });
    form_confidences(fact_begin, fact_end);
  };
  auto item_beliefs = [&](size_t first, size_t last) {
    double* sigma_of = sigma.data();
    ForEachRowSum(fact_rows, tau.data(), votes.item_offsets[first], votes.item_offsets[last],
                  [sigma_of](size_t f, double sum) { sigma_of[f] = sum; });
    for (size_t item = first; item < last; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      double item_sigma = 0.0;
      for (uint32_t k = begin; k < end; ++k) item_sigma += sigma[votes.item_facts[k]];
      if (options.value_implication) {
        // sigma*(f) = sigma(f) + rho * sum over f' != f of sigma(f') imp(f' -> f).
        const size_t size = end - begin;
        const double* block = implications.implication.data() + implications.offsets[item];
        for (uint32_t to = 0; to < size; ++to) {
          double adjusted = sigma[votes.item_facts[begin + to]];
          for (uint32_t from = 0; from < size; ++from) {
            if (from != to) adjusted += options.rho * sigma[votes.item_facts[begin + from]] * block[from * size + to];
          }
          logit[votes.item_facts[begin + to]] = options.dampening * adjusted;
        }
      } else {
        for (uint32_t k = begin; k < end; ++k) {
          const uint32_t f = votes.item_facts[k];
          logit[f] = options.dampening * (sigma[f] + rho_implication * (item_sigma - sigma[f]));
        }
      }
    }
    form_confidences(votes.item_offsets[first], votes.item_offsets[last]);
  };
  // t(s), the mean confidence of s's facts, from the row sums that SumOverSourceRows leaves
  // in next_trust (in fact order on every rank: tau = -log(1 - t) near t = 1 would turn a
  // last-bit difference of another order into more than 1e-12), divided by the source's
  // vote count over every rank; its largest change (as EndIteration computes the
  // residual); and tau for the next iteration.
  auto source_trust = [&](size_t first, size_t last) {
    double residual = 0.0;
    for (size_t s = first; s < last; ++s) {
      const uint32_t count = votes.VoteCountOfSource(s);
      if (count == 0) {
        next_trust[s] = trust[s];
        continue;
      }
      const double t = std::min(next_trust[s] / count, kHighestTrust);
      next_trust[s] = t;
      residual = std::max(residual, std::fabs(t - trust[s]));
    }
    fill_tau(next_trust, first, last);
    return residual;
  };

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    if (plain_sums) {
      ForEachRange(votes.item_count, threads, plain_item_beliefs);
    } else {
      ForEachRange(votes.item_count, threads, item_beliefs);
    }
    SumOverSourceRows(votes, belief, next_trust);
    result.residual = MaxOverRanges(votes.source_count, threads, 0.0, source_trust);
    std::swap(trust, next_trust);
    result.converged = result.iterations > 1 && result.residual <= options.tolerance;
    if (result.converged) break;
  }
  result.fact_probability = SoftmaxWithinItems(votes, logit, fixed_belief);
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
