#include "score/crh.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "score/parallel_ranges.h"
#include "score/value_similarity.h"

namespace claimgraph::score {
namespace {

// Weighted votes closer than this (relatively) tie: both categorical facts are the truth.
constexpr double kTieTolerance = 1e-12;

// Per item: whether it is numeric, and the standard deviation of its votes' values
// (> 0 for a numeric item: an item whose votes all give one value is categorical, as no
// distance can tell its facts apart). amount[f]: fact f's value as a number.
struct ItemTypes {
  std::vector<uint8_t> numeric;
  std::vector<double> deviation;
  std::vector<double> amount;
};

ItemTypes ClassifyItems(const VoteArrays& votes, bool compare_numbers) {
  ItemTypes types{std::vector<uint8_t>(votes.item_count, 0), std::vector<double>(votes.item_count, 0.0),
                  std::vector<double>(votes.fact_count, 0.0)};
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    std::optional<ValueKind> kind;
    bool numeric = compare_numbers && end - begin >= 2;
    for (uint32_t k = begin; k < end && numeric; ++k) {
      const uint32_t f = votes.item_facts[k];
      const std::optional<Quantity> quantity = ReadQuantity(votes.ValueOfFact(f));
      numeric = quantity && (!kind || *kind == quantity->kind);
      if (!numeric) break;
      kind = quantity->kind;
      types.amount[f] = quantity->amount;
    }
    if (!numeric) continue;
    double count = 0.0, sum = 0.0, squares = 0.0;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      count += votes.VoteCountOfFact(f);
      sum += votes.VoteCountOfFact(f) * types.amount[f];
    }
    if (count == 0) continue;
    const double mean = sum / count;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      squares += votes.VoteCountOfFact(f) * (types.amount[f] - mean) * (types.amount[f] - mean);
    }
    types.deviation[item] = std::sqrt(squares / count);
    types.numeric[item] = types.deviation[item] > 0;
  }
  return types;
}

// Truths and beliefs from weights. loss[f] is what a vote for f costs its source: 0/1 on a
// categorical item, |x_f - x*| / std on a numeric one (1 when the item has no truth: every
// free fact unvoted, or none free).
void DecideTruths(const VoteArrays& votes, const ItemTypes& types, const std::vector<int8_t>& fixed,
                  const std::vector<double>& weight, std::vector<double>& weighted, std::vector<double>& belief,
                  std::vector<double>& loss) {
  SumOverFactRows(votes, weight, weighted);  // weighted: scratch kept across iterations
  // By item ranges: an item writes only its own facts' belief and loss.
  ForEachRange(votes.item_count, votes.threads, [&](size_t first, size_t last) {
    std::vector<double> item_loss;  // L(f) of a numeric item's facts, in item order
    for (size_t item = first; item < last; ++item) {
      const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
      uint32_t labelled_true = UINT32_MAX, free_facts = 0;
      double total = 0.0, largest = 0.0;
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        if (fixed[f] == 1) labelled_true = f;
        if (fixed[f] >= 0) continue;
        ++free_facts;
        total += weighted[f];
        largest = std::max(largest, weighted[f]);
      }
      if (labelled_true != UINT32_MAX || free_facts == 0) {
        for (uint32_t k = begin; k < end; ++k) belief[votes.item_facts[k]] = fixed[votes.item_facts[k]] == 1 ? 1.0 : 0.0;
      }
      if (!types.numeric[item]) {
        for (uint32_t k = begin; k < end; ++k) {
          const uint32_t f = votes.item_facts[k];
          const bool truth = labelled_true != UINT32_MAX ? f == labelled_true
                                                         : fixed[f] < 0 && largest > 0 &&
                                                               weighted[f] >= largest * (1 - kTieTolerance);
          loss[f] = truth ? 0.0 : 1.0;
          if (labelled_true == UINT32_MAX && fixed[f] < 0) belief[f] = total > 0 ? weighted[f] / total : 1.0 / free_facts;
          if (labelled_true == UINT32_MAX && fixed[f] == 0) belief[f] = 0.0;
        }
        continue;
      }
      // L(f) = sum over the item's facts g of (weighted vote of g) |x_f - x_g| / std; the
      // truth is the free fact of least L (the weighted median), ties to the smaller value.
      const double deviation = types.deviation[item];
      item_loss.assign(end - begin, 0.0);
      uint32_t truth = labelled_true;
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        for (uint32_t j = begin; j < end; ++j) {
          const uint32_t g = votes.item_facts[j];
          item_loss[k - begin] += weighted[g] * std::fabs(types.amount[f] - types.amount[g]) / deviation;
        }
        if (labelled_true != UINT32_MAX || fixed[f] >= 0 || total == 0) continue;
        const double least = truth == UINT32_MAX ? 0.0 : item_loss[truth - votes.item_facts[begin]];
        if (truth == UINT32_MAX || item_loss[k - begin] < least ||
            (item_loss[k - begin] == least && types.amount[f] < types.amount[truth])) {
          truth = f;
        }
      }
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        loss[f] = truth == UINT32_MAX ? 1.0 : std::fabs(types.amount[f] - types.amount[truth]) / deviation;
      }
      if (labelled_true != UINT32_MAX || free_facts == 0) continue;
      if (total == 0) {
        for (uint32_t k = begin; k < end; ++k) belief[votes.item_facts[k]] = fixed[votes.item_facts[k]] < 0 ? 1.0 / free_facts : 0.0;
        continue;
      }
      // exp(-L) over the free facts, shifted by the truth's L so that the largest term is 1.
      const double least = item_loss[truth - votes.item_facts[begin]];
      double sum = 0.0;
      for (uint32_t k = begin; k < end; ++k) {
        const uint32_t f = votes.item_facts[k];
        belief[f] = fixed[f] < 0 ? std::exp(least - item_loss[k - begin]) : 0.0;
        sum += belief[f];
      }
      for (uint32_t k = begin; k < end; ++k) belief[votes.item_facts[k]] /= sum;
    }
  });
}

}  // namespace

Status CrhOptions::Validate() const {
  if (!(least_loss > 0 && std::isfinite(least_loss))) {
    return Status::Error("least_loss must be a finite number > 0, got " + FormatOptionValue(least_loss));
  }
  return ValidateIterationOptions(max_iterations, tolerance);
}

Result<TruthDiscoveryResult> RunCrh(const VoteArrays& votes, const FactLabels* labels, const CrhOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();

  TruthDiscoveryResult result;
  result.method = "crh";
  std::vector<double>& belief = result.fact_belief;
  std::vector<double>& trust = result.source_trust;
  const ItemTypes types = ClassifyItems(votes, options.compare_numbers);
  belief.assign(votes.fact_count, 0.0);
  std::vector<double> loss(votes.fact_count, 0.0), weight(votes.source_count, 1.0),
      source_loss(votes.source_count, 0.0), next_trust(votes.source_count), weighted(votes.fact_count);
  trust.assign(votes.source_count, 1.0);  // every weight 1: majority vote and the median
  DecideTruths(votes, types, fixed.value(), weight, weighted, belief, loss);

  result.converged = false;
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    // Each source's summed loss over its votes, over every rank's items (chained in fact
    // order: the single process's sum, bit for bit); then floored at least_loss.
    SumOverSourceRows(votes, loss, source_loss);
    // The total in source order on one thread, as before: a sum across ranges would round
    // differently for each partition.
    double total = 0.0;
    for (size_t s = 0; s < votes.source_count; ++s) {
      source_loss[s] = votes.VoteCountOfSource(s) > 0 ? std::max(source_loss[s], options.least_loss) : 0.0;
      total += source_loss[s];
    }
    double largest = 0.0;
    for (size_t s = 0; s < votes.source_count; ++s) {
      weight[s] = source_loss[s] > 0 ? -std::log(source_loss[s] / total) : 0.0;
      largest = std::max(largest, weight[s]);
    }
    for (size_t s = 0; s < votes.source_count; ++s) next_trust[s] = largest > 0 ? weight[s] / largest : 0.0;
    DecideTruths(votes, types, fixed.value(), weight, weighted, belief, loss);
    if (EndIteration(next_trust, trust, options.tolerance, result)) break;
  }
  if (!result.converged) result.iterations = options.max_iterations;
  SetTrustOfSilentSources(votes, trust);
  return result;
}

}  // namespace claimgraph::score
