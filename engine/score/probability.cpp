// Each method's belief as a probability over the facts of its data item (issue 13, item 1).
//
// The rule of each method follows from what its paper says the belief is:
// - majority: the belief is the fact's share of its item's votes, a distribution already.
// - AccuCopy (Dong, Berti-Equille and Srivastava, VLDB 2009, eq. 5): P(f) is the posterior
//   of f being the item's true value, a softmax of the vote counts within the item.
// - Sums, Average·Log, Investment, PooledInvestment (Pasternack and Roth, COLING 2010):
//   beliefs are divided by the largest in the data set after every iteration, so only their
//   ranking within a mutual-exclusion set means anything; the paper's own PooledInvestment
//   shares a set's investment out in proportion to belief, and we do the same for all four.
// - TruthFinder (Yin, Han and Yu, KDD 2007, eq. 8): s(f) is each fact's own confidence, a
//   sigmoid; the facts of one object are not made to sum to 1, so a claim and its negation
//   can both be at 0.7. truthfinder.cpp fills the probability itself (SoftmaxWithinItems):
//   s conditioned on exactly one fact of the item being true, which for a claim whose
//   negation nobody votes for is s(f) itself. The table's division is only its fallback.
// - 2-Estimates and 3-Estimates (Galland et al., WSDM 2010): theta(f) is each fact's own
//   estimate of being true, normalised over the whole data set; the same division applies.
// - The Latent Truth Model (Zhao et al., VLDB 2012): latent_truth.cpp fills the probability
//   itself, from each name's posterior (latent_truth.h, "Scales").
// A method not in the table (one added later) gets the division, which only assumes that a
// higher belief means more likely within the item.
#include "score/probability.h"

#include <algorithm>
#include <cmath>

namespace claimgraph::score {
namespace {

struct RuleOfMethod {
  std::string_view method;
  ProbabilityRule rule;
};

constexpr RuleOfMethod kRules[] = {
    {"majority", ProbabilityRule::kBeliefIsDistribution},
    {"sums", ProbabilityRule::kNormaliseWithinItem},
    {"average-log", ProbabilityRule::kNormaliseWithinItem},
    {"investment", ProbabilityRule::kNormaliseWithinItem},
    {"pooled-investment", ProbabilityRule::kNormaliseWithinItem},
    {"truthfinder", ProbabilityRule::kNormaliseWithinItem},
    {"2-estimates", ProbabilityRule::kNormaliseWithinItem},
    {"3-estimates", ProbabilityRule::kNormaliseWithinItem},
    {"accucopy", ProbabilityRule::kBeliefIsDistribution},
    {"latent-truth", ProbabilityRule::kBeliefIsDistribution},
};

// How far from 1 the sum of a distribution may be, from rounding alone.
constexpr double kSumTolerance = 1e-12;

}  // namespace

ProbabilityRule ProbabilityRuleOf(std::string_view method) {
  for (const RuleOfMethod& entry : kRules) {
    if (entry.method == method) return entry.rule;
  }
  return ProbabilityRule::kNormaliseWithinItem;
}

std::vector<double> ProbabilitiesOfFacts(const VoteArrays& votes, const std::vector<double>& belief,
                                         ProbabilityRule rule) {
  std::vector<double> probability(belief);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    double total = 0.0;
    for (uint32_t k = begin; k < end; ++k) total += std::max(0.0, belief[votes.item_facts[k]]);
    // A distribution is kept bit for bit; one that past verdicts fixed in part (a fact
    // labelled false set to 0) no longer sums to 1, and is divided like the others.
    if (rule == ProbabilityRule::kBeliefIsDistribution && std::fabs(total - 1.0) <= kSumTolerance) continue;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      probability[f] = total > 0.0 ? std::max(0.0, belief[f]) / total : 1.0 / (end - begin);
    }
  }
  return probability;
}

std::vector<double> SoftmaxWithinItems(const VoteArrays& votes, const std::vector<double>& logit,
                                       const std::vector<int8_t>& fixed) {
  std::vector<double> probability(votes.fact_count, 0.0);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    uint32_t fixed_true = UINT32_MAX;
    double highest = -HUGE_VAL;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      if (fixed[f] == 1) fixed_true = f;
      if (fixed[f] < 0) highest = std::max(highest, logit[f]);
    }
    if (fixed_true != UINT32_MAX) {
      probability[fixed_true] = 1.0;
      continue;
    }
    if (highest == -HUGE_VAL) continue;  // every fact fixed at 0: ResolveLabels refuses that
    double total = 0.0;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      if (fixed[f] < 0) total += probability[f] = std::exp(logit[f] - highest);  // no overflow
    }
    for (uint32_t k = begin; k < end; ++k) probability[votes.item_facts[k]] /= total;
  }
  return probability;
}

void FillProbabilities(const VoteArrays& votes, TruthDiscoveryResult& result) {
  if (result.fact_probability.size() == votes.fact_count) return;
  result.fact_probability = ProbabilitiesOfFacts(votes, result.fact_belief, ProbabilityRuleOf(result.method));
}

}  // namespace claimgraph::score
