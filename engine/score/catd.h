// CATD: Li, Li, Gao, Su, Zhao, Demirbas, Fan and Han, "A Confidence-Aware Approach for
// Truth Discovery on Long-Tail Data", VLDB 2015 (Algorithm 1). A source's weight is the
// inverse of the upper bound of a (1 - alpha) confidence interval on its error variance:
//   w(s) = chi2(alpha / 2, N(s)) / sum over the votes of s of loss(vote, truth)
// with chi2(p, N) the p-quantile of the chi-squared distribution with N degrees of freedom
// and N(s) the number of votes of s. The quantile grows like N, so the sum of losses is
// divided by about N for a source with many votes, but a source with one or two votes has
// a wide interval and a small weight however right it was (chi2(0.025, 1) = 0.00098,
// chi2(0.025, 2) = 0.0506, chi2(0.025, 100) = 74.2). Facts are categorical: the loss is
// the paper's 0/1 loss (1 when the vote is not for its item's truth), and the truth of an
// item is the fact with the largest weighted vote, sum over S(f) of w(s). Truths start
// from majority vote (every weight 1); weights then truths are updated until the weights
// settle.
#ifndef CLAIMGRAPH_SCORE_CATD_H_
#define CLAIMGRAPH_SCORE_CATD_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct CatdOptions {
  double significance = 0.05;  // alpha, the paper's value: a 95% interval; in (0, 1)
  // A source that never disagrees with the truths has a sum of 0/1 losses of 0, and the
  // interval of a Gaussian variance says nothing about it (the formula gives an infinite
  // weight, and a source with one lucky vote would outweigh everyone). Such a sum is taken
  // as half an error instead, the Haldane-Anscombe correction for an empty count (Haldane
  // 1956, Anscombe 1956): a flawless source still outweighs one with an error among as
  // many votes, and one vote, right or not, still weighs little. In (0, 1).
  double zero_loss = 0.5;
  size_t max_iterations = 100;  // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;      // on the largest change of a source's trust
  Status Validate() const;
};

// Scales. Belief is already a distribution within each item: a fact's weighted vote over
// its item's, sum over S(f) of w(s) / sum over the item's facts of theirs (the weighted
// vote the paper decides by, so the item's highest belief is its truth); an item nobody
// votes on gives each fact 1 / facts-in-item. This is the rule that turns CATD's belief
// into a probability: it needs no other. Trust is w(s) divided by the largest w, in
// (0, 1]; a source that votes for nothing reports its prior or 0.5. Labelled facts keep
// belief 1 or 0 and are the truth of their items while weights are fitted; the other
// facts of an item with only false labels share the item's weighted vote.
Result<TruthDiscoveryResult> RunCatd(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                     const CatdOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_CATD_H_
