#include "score/accucopy.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "score/parallel_ranges.h"

namespace claimgraph::score {
namespace {

constexpr double kLowestAccuracy = 1e-4, kHighestAccuracy = 1.0 - 1e-4;
constexpr double kSmallestLikelihood = 1e-300;  // keeps log() finite
constexpr uint32_t kDifferentValues = UINT32_MAX;

// Every pair (a < b) of sources voting in a common item, with what each shared item shows.
struct SourcePairs {
  std::vector<uint32_t> offsets, partners;  // pairs of a: [offsets[a], offsets[a+1]), partner b
  std::vector<uint32_t> first;              // a, per pair
  // One observation per shared fact, or one per shared item with no fact in common.
  std::vector<uint32_t> observation_pair, observation_fact, observation_item;

  // REQUIRES: a < b share an item.
  uint32_t IndexOf(uint32_t a, uint32_t b) const {
    auto begin = partners.begin() + offsets[a], end = partners.begin() + offsets[a + 1];
    return static_cast<uint32_t>(std::lower_bound(begin, end, b) - partners.begin());
  }
};

// The facts of `source` within `item`: a sub-range of its sorted row (an item's facts are
// numbered contiguously).
std::pair<const uint32_t*, const uint32_t*> FactsInItem(const VoteArrays& votes, uint32_t source, uint32_t item) {
  const uint32_t* row_begin = votes.source_facts.data() + votes.source_offsets[source];
  const uint32_t* row_end = votes.source_facts.data() + votes.source_offsets[source + 1];
  return {std::lower_bound(row_begin, row_end, votes.item_offsets[item]),
          std::lower_bound(row_begin, row_end, votes.item_offsets[item + 1])};
}

SourcePairs FindSourcePairs(const VoteArrays& votes) {
  SourcePairs pairs;
  std::vector<std::pair<uint32_t, uint32_t>> all;
  for (size_t item = 0; item < votes.item_count; ++item) {
    for (uint32_t i = votes.item_voter_offsets[item]; i < votes.item_voter_offsets[item + 1]; ++i) {
      for (uint32_t j = i + 1; j < votes.item_voter_offsets[item + 1]; ++j) {
        all.emplace_back(votes.item_voters[i], votes.item_voters[j]);
      }
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  pairs.offsets.assign(votes.source_count + 1, 0);
  for (const auto& [a, b] : all) {
    ++pairs.offsets[a + 1];
    pairs.partners.push_back(b);
    pairs.first.push_back(a);
  }
  for (size_t s = 0; s < votes.source_count; ++s) pairs.offsets[s + 1] += pairs.offsets[s];

  for (uint32_t item = 0; item < votes.item_count; ++item) {
    for (uint32_t i = votes.item_voter_offsets[item]; i < votes.item_voter_offsets[item + 1]; ++i) {
      for (uint32_t j = i + 1; j < votes.item_voter_offsets[item + 1]; ++j) {
        const uint32_t a = votes.item_voters[i], b = votes.item_voters[j];
        const uint32_t pair = pairs.IndexOf(a, b);
        auto [a_begin, a_end] = FactsInItem(votes, a, item);
        auto [b_begin, b_end] = FactsInItem(votes, b, item);
        bool shared = false;
        while (a_begin != a_end && b_begin != b_end) {  // intersect two sorted ranges
          if (*a_begin < *b_begin) {
            ++a_begin;
          } else if (*b_begin < *a_begin) {
            ++b_begin;
          } else {
            pairs.observation_pair.push_back(pair);
            pairs.observation_fact.push_back(*a_begin);
            pairs.observation_item.push_back(item);
            shared = true;
            ++a_begin;
            ++b_begin;
          }
        }
        if (!shared) {
          pairs.observation_pair.push_back(pair);
          pairs.observation_fact.push_back(kDifferentValues);
          pairs.observation_item.push_back(item);
        }
      }
    }
  }
  return pairs;
}

}  // namespace

Status AccuCopyOptions::Validate() const {
  if (!(copy_prior > 0 && copy_prior < 0.5)) {
    return Status::Error("copy_prior must be in (0, 0.5), got " + FormatOptionValue(copy_prior));
  }
  if (!(cited_copy_prior >= copy_prior && cited_copy_prior < 0.5)) {
    return Status::Error("cited_copy_prior must be in [copy_prior, 0.5) = [" + FormatOptionValue(copy_prior) +
                         ", 0.5), got " + FormatOptionValue(cited_copy_prior));
  }
  if (!(copy_probability > 0 && copy_probability < 1)) {
    return Status::Error("copy_probability must be in (0, 1), got " + FormatOptionValue(copy_probability));
  }
  if (!(initial_error > 0 && initial_error < 1)) {
    return Status::Error("initial_error must be in (0, 1), got " + FormatOptionValue(initial_error));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunAccuCopy(const VoteArrays& votes, const FactLabels* labels,
                                         const AccuCopyOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();
  const double c = options.copy_probability;

  TruthDiscoveryResult result;
  result.method = "accucopy";
  std::vector<double>& probability = result.fact_belief;
  std::vector<double>& accuracy = result.source_trust;
  probability.assign(votes.fact_count, 0.0);
  accuracy = InitialTrust(votes, 1.0 - options.initial_error, options.use_priors);
  for (double& a : accuracy) a = std::clamp(a, kLowestAccuracy, kHighestAccuracy);

  const SourcePairs pairs = FindSourcePairs(votes);
  const size_t pair_count = pairs.partners.size();
  // Log priors per pair (a, b): a copies b, b copies a, independent.
  std::vector<double> log_prior_ab(pair_count), log_prior_ba(pair_count), log_prior_independent(pair_count);
  for (uint32_t a = 0; a < votes.source_count; ++a) {
    for (uint32_t p = pairs.offsets[a]; p < pairs.offsets[a + 1]; ++p) {
      const uint32_t b = pairs.partners[p];
      const double ab = votes.Cites(a, b) ? options.cited_copy_prior : options.copy_prior;
      const double ba = votes.Cites(b, a) ? options.cited_copy_prior : options.copy_prior;
      log_prior_ab[p] = std::log(ab);
      log_prior_ba[p] = std::log(ba);
      log_prior_independent[p] = std::log(1.0 - ab - ba);
    }
  }
  std::vector<double> copy_ab(pair_count, 0.0), copy_ba(pair_count, 0.0);  // independence at first
  std::vector<double> log_ab(pair_count), log_ba(pair_count), log_independent(pair_count);
  auto copies = [&](uint32_t copier, uint32_t original) {
    return copier < original ? copy_ab[pairs.IndexOf(copier, original)]
                             : copy_ba[pairs.IndexOf(original, copier)];
  };
  uint32_t widest = 0;
  for (size_t f = 0; f < votes.fact_count; ++f) widest = std::max(widest, votes.VoteCountOfFact(f));
  std::vector<double> vote_count(votes.fact_count), next_accuracy(votes.source_count);
  std::vector<double> decided(votes.fact_count, 0.0);  // per fact: 1 for the item's current truth

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // 1. Vote counts, discounted for copying, and the probability of each fact.
    ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
      std::vector<uint32_t> order(widest);  // per range: the ranges run at once
      for (size_t item = first; item < last; ++item) {
        const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
        const double false_values = end - begin - 1;
        double highest = -1e300;
        for (uint32_t f = begin; f < end; ++f) {
          const uint32_t* voters = votes.fact_sources.data() + votes.fact_offsets[f];
          const uint32_t count = votes.VoteCountOfFact(f);
          std::copy(voters, voters + count, order.begin());
          std::sort(order.begin(), order.begin() + count, [&](uint32_t x, uint32_t y) {
            return accuracy[x] != accuracy[y] ? accuracy[x] > accuracy[y] : x < y;
          });
          double sum = 0.0;
          for (uint32_t k = 0; k < count; ++k) {
            const uint32_t s = order[k];
            double independent = 1.0;
            for (uint32_t j = 0; j < k; ++j) independent *= 1.0 - c * copies(s, order[j]);
            sum += std::log(false_values * accuracy[s] / (1.0 - accuracy[s])) * independent;
          }
          vote_count[f] = sum;
          highest = std::max(highest, sum);
        }
        double total = 0.0;
        for (uint32_t f = begin; f < end; ++f) total += probability[f] = std::exp(vote_count[f] - highest);
        for (uint32_t f = begin; f < end; ++f) probability[f] /= total;
      }
    });
    ApplyFixedBeliefs(fixed.value(), probability);
    // 2. Accuracy.
    ForEachRange(votes.source_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t s = first; s < last; ++s) {
        const uint32_t begin = votes.source_offsets[s], end = votes.source_offsets[s + 1];
        if (begin == end) {
          next_accuracy[s] = accuracy[s];
          continue;
        }
        double sum = 0.0;
        for (uint32_t k = begin; k < end; ++k) sum += probability[votes.source_facts[k]];
        next_accuracy[s] = std::clamp(sum / (end - begin), kLowestAccuracy, kHighestAccuracy);
      }
    });
    result.residual = MaxAbsDifference(next_accuracy, accuracy);
    std::swap(accuracy, next_accuracy);
    // 3. Copy detection from the new decision and accuracies. As in the paper, a shared value
    // counts as true when it is its item's decided truth, the most probable fact; k facts
    // tied for it share the decision (1/k each), so the order of the facts does not matter.
    for (size_t item = 0; item < votes.item_count; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      double best = 0.0;
      uint32_t tied = 0;
      for (uint32_t f = begin; f < end; ++f) best = std::max(best, probability[f]);
      for (uint32_t f = begin; f < end; ++f) tied += probability[f] == best;
      for (uint32_t f = begin; f < end; ++f) decided[f] = probability[f] == best ? 1.0 / tied : 0.0;
    }
    log_ab = log_prior_ab;
    log_ba = log_prior_ba;
    log_independent = log_prior_independent;
    for (size_t o = 0; o < pairs.observation_pair.size(); ++o) {
      const uint32_t p = pairs.observation_pair[o], item = pairs.observation_item[o];
      const double accuracy_a = accuracy[pairs.first[p]], accuracy_b = accuracy[pairs.partners[p]];
      const double false_values = votes.item_offsets[item + 1] - votes.item_offsets[item] - 1;
      const double both_true = accuracy_a * accuracy_b;
      const double both_false = (1.0 - accuracy_a) * (1.0 - accuracy_b) / false_values;
      const uint32_t f = pairs.observation_fact[o];
      if (f == kDifferentValues) {
        const double differ = std::max(1.0 - both_true - both_false, kSmallestLikelihood);
        log_independent[p] += std::log(differ);
        log_ab[p] += std::log(differ * (1.0 - c));
        log_ba[p] += std::log(differ * (1.0 - c));
        continue;
      }
      const double q = decided[f];
      const double independent = q * both_true + (1.0 - q) * both_false;
      // a copies b: the copied value is right as often as b, the original.
      const double a_copies = q * (c * accuracy_b + (1.0 - c) * both_true) +
                              (1.0 - q) * (c * (1.0 - accuracy_b) + (1.0 - c) * both_false);
      const double b_copies = q * (c * accuracy_a + (1.0 - c) * both_true) +
                              (1.0 - q) * (c * (1.0 - accuracy_a) + (1.0 - c) * both_false);
      log_independent[p] += std::log(std::max(independent, kSmallestLikelihood));
      log_ab[p] += std::log(std::max(a_copies, kSmallestLikelihood));
      log_ba[p] += std::log(std::max(b_copies, kSmallestLikelihood));
    }
    // The observations above add into their pairs in observation order, on one thread;
    // the posteriors are per pair.
    ForEachRange(pair_count, votes.threads, [&](size_t first, size_t last) {
      for (size_t p = first; p < last; ++p) {  // Bayes: posterior of each hypothesis
        const double highest = std::max({log_independent[p], log_ab[p], log_ba[p]});
        const double independent = std::exp(log_independent[p] - highest);
        const double ab = std::exp(log_ab[p] - highest), ba = std::exp(log_ba[p] - highest);
        copy_ab[p] = ab / (independent + ab + ba);
        copy_ba[p] = ba / (independent + ab + ba);
      }
    });
    if (result.iterations > 1 && result.residual <= options.tolerance) {
      result.converged = true;
      break;
    }
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, accuracy);
  return result;
}

}  // namespace claimgraph::score
