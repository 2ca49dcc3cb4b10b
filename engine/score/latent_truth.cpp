#include "score/latent_truth.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <string_view>
#include <tuple>

#include "score/probability.h"

namespace claimgraph::score {
namespace {

// The model's facts over the whole case, numbered in item order, with every observation.
// Called "names" here so as not to be confused with VoteArrays' facts (the values).
struct NameFacts {
  size_t count = 0;
  // name k: its observations [observation_offsets[k], observation_offsets[k + 1]) in
  // observer (the source) and positive (1 when the source voted for a value holding k).
  std::vector<uint32_t> observation_offsets{0}, observer;
  std::vector<uint8_t> positive;
  // item i: its names [item_offsets[i], item_offsets[i + 1]).
  std::vector<uint32_t> item_offsets{0};
  // value fact f: its names [value_offsets[f], value_offsets[f + 1]) in value_names.
  std::vector<uint32_t> value_offsets, value_names;
};

// A name of an item: the name text and which occurrence in its value ("oleary;oleary" has
// two), or, for a fact read whole, the fact itself (`whole` < UINT32_MAX).
using NameKey = std::tuple<std::string_view, uint32_t, uint32_t>;

void AppendKeysOfValue(const VoteArrays& votes, uint32_t fact, bool split_names, std::vector<NameKey>& keys) {
  const std::string_view value = votes.ValueOfFact(fact);
  if (!split_names || votes.fact_is_negation[fact] || value.empty()) {
    keys.emplace_back(std::string_view(), 0, fact);
    return;
  }
  const size_t first = keys.size();
  for (size_t start = 0; start <= value.size();) {
    const size_t end = std::min(value.find(';', start), value.size());
    keys.emplace_back(value.substr(start, end - start), 0, UINT32_MAX);
    start = end + 1;
  }
  std::sort(keys.begin() + static_cast<std::ptrdiff_t>(first), keys.end());
  for (size_t k = first + 1; k < keys.size(); ++k) {
    if (std::get<0>(keys[k]) == std::get<0>(keys[k - 1])) std::get<1>(keys[k]) = std::get<1>(keys[k - 1]) + 1;
  }
}

NameFacts BuildNameFacts(const VoteArrays& votes, bool split_names) {
  NameFacts names;
  names.value_offsets.assign(votes.fact_count + 1, 0);
  // Stamps instead of clearing: voted_for[s] == stamp when s votes for a value holding the
  // name being built.
  std::vector<uint32_t> voted_for(votes.source_count, 0);
  uint32_t stamp = 0;
  std::vector<NameKey> item_keys, value_keys;
  std::vector<std::vector<uint32_t>> facts_of_name;
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    item_keys.clear();
    for (uint32_t k = begin; k < end; ++k) AppendKeysOfValue(votes, votes.item_facts[k], split_names, item_keys);
    std::sort(item_keys.begin(), item_keys.end());
    item_keys.erase(std::unique(item_keys.begin(), item_keys.end()), item_keys.end());
    const uint32_t first_name = static_cast<uint32_t>(names.count);
    facts_of_name.assign(item_keys.size(), {});
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t fact = votes.item_facts[k];
      value_keys.clear();
      AppendKeysOfValue(votes, fact, split_names, value_keys);
      for (const NameKey& key : value_keys) {
        const auto place = std::lower_bound(item_keys.begin(), item_keys.end(), key);
        const uint32_t local = static_cast<uint32_t>(place - item_keys.begin());
        names.value_names.push_back(first_name + local);
        facts_of_name[local].push_back(fact);
      }
      names.value_offsets[fact + 1] = static_cast<uint32_t>(names.value_names.size());
    }
    for (const std::vector<uint32_t>& holders : facts_of_name) {
      ++stamp;
      for (uint32_t fact : holders) {
        for (uint32_t v = votes.fact_offsets[fact]; v < votes.fact_offsets[fact + 1]; ++v) {
          voted_for[votes.fact_sources[v]] = stamp;
        }
      }
      for (uint32_t v = votes.item_voter_offsets[item]; v < votes.item_voter_offsets[item + 1]; ++v) {
        const uint32_t source = votes.item_voters[v];
        names.observer.push_back(source);
        names.positive.push_back(voted_for[source] == stamp);
      }
      names.observation_offsets.push_back(static_cast<uint32_t>(names.observer.size()));
    }
    names.count += item_keys.size();
    names.item_offsets.push_back(static_cast<uint32_t>(names.count));
  }
  return names;
}

// Per name: 1 or 0 where past verdicts decide it, -1 where the sampler does. A value
// labelled true makes its names true and the item's other names false; a value labelled
// false decides a name only when the value is that one name and no other value holds it
// (a single answer, or a claim's negation), since "han" being wrong leaves "han" true in
// "han;kamber".
std::vector<int8_t> FixedNames(const VoteArrays& votes, const NameFacts& names, const std::vector<int8_t>& fixed) {
  std::vector<int8_t> fixed_name(names.count, -1);
  std::vector<uint32_t> holders(names.count, 0);
  for (uint32_t name : names.value_names) ++holders[name];
  for (size_t item = 0; item < votes.item_count; ++item) {
    for (uint32_t k = votes.item_offsets[item]; k < votes.item_offsets[item + 1]; ++k) {
      const uint32_t fact = votes.item_facts[k];
      const uint32_t first = names.value_offsets[fact], last = names.value_offsets[fact + 1];
      if (fixed[fact] == 1) {
        for (uint32_t n = names.item_offsets[item]; n < names.item_offsets[item + 1]; ++n) fixed_name[n] = 0;
        for (uint32_t v = first; v < last; ++v) fixed_name[names.value_names[v]] = 1;
        break;
      }
      if (fixed[fact] == 0 && last - first == 1 && holders[names.value_names[first]] == 1) {
        fixed_name[names.value_names[first]] = 0;
      }
    }
  }
  return fixed_name;
}

// Per source, the four counts of its observations by (truth, observation), at index
// 2 * truth + positive: n00, n01 (false positives), n10 (misses), n11.
using Counts = std::array<uint32_t, 4>;

// The conditional probability that `name` is true, and that it is false, given every other
// name's truth: the paper's equation 3, its products over the name's observations kept as
// two running products, rescaled together when both grow small (a name with thousands of
// observers would otherwise underflow).
std::pair<double, double> Conditional(const NameFacts& names, uint32_t name, const std::vector<Counts>& counts,
                                      const LatentTruthOptions& options) {
  const double prior_true[2] = {options.false_negative_prior, options.true_positive_prior};
  const double prior_false[2] = {options.true_negative_prior, options.false_positive_prior};
  const double total_true = prior_true[0] + prior_true[1], total_false = prior_false[0] + prior_false[1];
  double if_true = options.truth_prior_true, if_false = options.truth_prior_false;
  for (uint32_t k = names.observation_offsets[name]; k < names.observation_offsets[name + 1]; ++k) {
    const Counts& c = counts[names.observer[k]];
    const uint32_t seen = names.positive[k];
    if_true *= (c[2 + seen] + prior_true[seen]) / (c[2] + c[3] + total_true);
    if_false *= (c[seen] + prior_false[seen]) / (c[0] + c[1] + total_false);
    if (if_true < 0x1p-500 && if_false < 0x1p-500) {
      if_true *= 0x1p500;
      if_false *= 0x1p500;
    }
  }
  const double total = if_true + if_false;
  return {if_true / total, if_false / total};
}

void Count(const NameFacts& names, uint32_t name, uint8_t truth, int delta, std::vector<Counts>& counts) {
  for (uint32_t k = names.observation_offsets[name]; k < names.observation_offsets[name + 1]; ++k) {
    counts[names.observer[k]][2 * truth + names.positive[k]] += static_cast<uint32_t>(delta);
  }
}

}  // namespace

Status LatentTruthOptions::Validate() const {
  const std::pair<const char*, double> priors[] = {
      {"false_positive_prior", false_positive_prior}, {"true_negative_prior", true_negative_prior},
      {"true_positive_prior", true_positive_prior},   {"false_negative_prior", false_negative_prior},
      {"truth_prior_true", truth_prior_true},         {"truth_prior_false", truth_prior_false}};
  for (const auto& [name, value] : priors) {
    if (!(std::isfinite(value) && value > 0)) {
      return Status::Error(std::string(name) + " must be a finite number > 0, got " + FormatOptionValue(value));
    }
  }
  if (iterations < burn_in + 2) {
    return Status::Error("iterations must be at least burn_in + 2 (two halves to compare), got " +
                         std::to_string(iterations) + " with burn_in " + std::to_string(burn_in));
  }
  return ValidateIterationOptions(iterations, tolerance);
}

Result<TruthDiscoveryResult> RunLatentTruth(const VoteArrays& votes, const FactLabels* labels,
                                            const LatentTruthOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();
  const NameFacts names = BuildNameFacts(votes, options.split_names);
  const std::vector<int8_t> fixed_name = FixedNames(votes, names, fixed.value());

  // Start from majority vote (true when at least half its observers list it), or the label.
  std::vector<uint8_t> truth(names.count);
  std::vector<Counts> counts(votes.source_count, Counts{});
  for (uint32_t name = 0; name < names.count; ++name) {
    uint32_t positive = 0;
    for (uint32_t k = names.observation_offsets[name]; k < names.observation_offsets[name + 1]; ++k) {
      positive += names.positive[k];
    }
    const uint32_t observed = names.observation_offsets[name + 1] - names.observation_offsets[name];
    truth[name] = fixed_name[name] >= 0 ? static_cast<uint8_t>(fixed_name[name]) : 2 * positive >= observed;
    Count(names, name, truth[name], +1, counts);
  }

  // Sums of each name's conditional over the kept sweeps, per half; and of each source's
  // precision n11 / (n11 + n01).
  const size_t kept = options.iterations - options.burn_in, first_half = kept / 2;
  std::vector<double> true_sum[2], false_sum[2];
  for (int half = 0; half < 2; ++half) {
    true_sum[half].assign(names.count, 0.0);
    false_sum[half].assign(names.count, 0.0);
  }
  std::vector<double> precision_sum(votes.source_count, 0.0);
  std::mt19937_64 random(options.seed);
  for (size_t sweep = 0; sweep < options.iterations; ++sweep) {
    const bool keep = sweep >= options.burn_in;
    const int half = keep && sweep - options.burn_in >= first_half ? 1 : 0;  // read only when kept
    for (uint32_t name = 0; name < names.count; ++name) {
      if (fixed_name[name] >= 0) {
        if (keep) (fixed_name[name] == 1 ? true_sum : false_sum)[half][name] += 1.0;
        continue;
      }
      Count(names, name, truth[name], -1, counts);
      const auto [if_true, if_false] = Conditional(names, name, counts, options);
      if (keep) {
        true_sum[half][name] += if_true;
        false_sum[half][name] += if_false;
      }
      // The top 53 bits as a double in [0, 1): the same on every standard library, unlike
      // std::uniform_real_distribution.
      const double uniform = static_cast<double>(random() >> 11) * 0x1p-53;
      truth[name] = uniform < if_true;
      Count(names, name, truth[name], +1, counts);
    }
    if (!keep) continue;
    for (size_t s = 0; s < votes.source_count; ++s) {
      const uint32_t claimed = counts[s][3] + counts[s][1];
      if (claimed > 0) precision_sum[s] += static_cast<double>(counts[s][3]) / claimed;
    }
  }

  TruthDiscoveryResult result;
  result.method = "latent-truth";
  result.iterations = options.iterations;
  // Each name's probability of being true, as logs of p and 1 - p (from their own sums, so
  // that a p near 1 keeps its complement's digits); floored at the smallest normal double.
  std::vector<double> log_true(names.count), log_false(names.count);
  const double halves[2] = {static_cast<double>(first_half), static_cast<double>(kept - first_half)};
  for (uint32_t name = 0; name < names.count; ++name) {
    const double p_true = (true_sum[0][name] + true_sum[1][name]) / kept;
    const double p_false = (false_sum[0][name] + false_sum[1][name]) / kept;
    result.residual = std::max(result.residual, std::fabs(true_sum[0][name] / halves[0] - true_sum[1][name] / halves[1]));
    log_true[name] = std::log(std::max(p_true, std::numeric_limits<double>::min()));
    log_false[name] = std::log(std::max(p_false, std::numeric_limits<double>::min()));
  }
  result.converged = result.residual <= options.tolerance;

  // A value's log-probability up to its item's constant: the item's names all false, then
  // each of the value's names switched to true.
  std::vector<double> logit(votes.fact_count, 0.0);
  for (size_t item = 0; item < votes.item_count; ++item) {
    double all_false = 0.0;
    for (uint32_t n = names.item_offsets[item]; n < names.item_offsets[item + 1]; ++n) all_false += log_false[n];
    for (uint32_t k = votes.item_offsets[item]; k < votes.item_offsets[item + 1]; ++k) {
      const uint32_t fact = votes.item_facts[k];
      double value_logit = all_false;
      for (uint32_t v = names.value_offsets[fact]; v < names.value_offsets[fact + 1]; ++v) {
        value_logit += log_true[names.value_names[v]] - log_false[names.value_names[v]];
      }
      logit[fact] = value_logit;
    }
  }
  result.fact_probability = SoftmaxWithinItems(votes, logit, fixed.value());
  result.fact_belief = result.fact_probability;
  result.source_trust.assign(votes.source_count, 0.0);
  for (size_t s = 0; s < votes.source_count; ++s) result.source_trust[s] = precision_sum[s] / kept;
  SetTrustOfSilentSources(votes, result.source_trust);
  return result;
}

}  // namespace claimgraph::score
