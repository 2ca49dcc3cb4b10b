// PooledInvestment: Pasternack and Roth, "Knowing What to Believe (when you already know
// something)", COLING 2010, section 4.3. Investment's trust step, but a fact's belief is
// its item's pooled investment shared out by the growth function, so that alternatives of
// one item compete:
//   H^i(f) = sum over s in S(f) of T^i(s)/|F(s)|
//   B^i(f) = H^i(f) * G(H^i(f)) / (sum over d in the item of f of G(H^i(d))),   G(x) = x^g
// trust and belief divided by their maximum after each iteration, as the paper does.
#ifndef CLAIMGRAPH_SCORE_POOLED_INVESTMENT_H_
#define CLAIMGRAPH_SCORE_POOLED_INVESTMENT_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct PooledInvestmentOptions {
  double growth_exponent = 1.4;  // g in G(x) = x^g, the paper's value for PooledInvestment; >= 1
  bool use_priors = true;        // start a source with a casefile reliability from that, else 1
  size_t max_iterations = 20;    // the paper's fixed 20 iterations; we also stop once trust settles
  double tolerance = 1e-6;       // on the largest change of a source's trust
  Status Validate() const;
};

// Scales: trust and belief in [0, 1], the largest being 1 (relative, not probabilities).
// Starts from trust 1 and the paper's prior belief 1 / |M_c|, M_c the item's real facts:
// a claim without alternatives starts at 1 and its implicit negation at 0. A fact nobody votes
// for ends with belief 0; a source that votes for nothing reports its prior or 0.5.
// Labelled facts keep belief 1 or 0.
Result<TruthDiscoveryResult> RunPooledInvestment(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                                 const PooledInvestmentOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_POOLED_INVESTMENT_H_
