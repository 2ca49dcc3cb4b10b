// CRH: Li, Li, Gao, Zhao, Fan and Han, "Resolving Conflicts in Heterogeneous Data by Truth
// Discovery and Source Reliability Estimation", SIGMOD 2014 (Algorithm 1). Truths and
// source weights minimise sum over sources of w(s) * sum over its votes of loss(vote, truth)
// under sum of exp(-w) = 1, which gives
//   w(s) = -log(loss(s) / sum over sources s' of loss(s'))
// and, for fixed weights, each item's truth minimises its weighted loss. The loss depends on
// the item's data type, which makes the data "heterogeneous":
//   categorical items: the 0/1 loss; the truth is the weighted vote's winner;
//   numeric items (every fact's value reads as a number, a clock time or a date, all of one
//   kind: ReadQuantity in value_similarity.h): the normalised absolute deviation
//   |x - x*| / std (std over the item's votes), so a value near the truth is
//   less wrong than a far one; the truth is the weighted median, found as the
//   claimed value with the least weighted absolute deviation, the same minimiser.
// Truths start from majority vote and the median (every weight 1).
#ifndef CLAIMGRAPH_SCORE_CRH_H_
#define CLAIMGRAPH_SCORE_CRH_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct CrhOptions {
  // A source whose loss is 0 would get an infinite weight: a loss below this is taken as
  // this (our choice, as in catd.h: half an error, the Haldane-Anscombe correction for an
  // empty count; on numeric items, half a standard deviation). > 0.
  double least_loss = 0.5;
  // Treat items whose values read as quantities as numeric (the paper's heterogeneous
  // data); false makes every item categorical, CRH with the 0/1 loss alone.
  bool compare_numbers = true;
  size_t max_iterations = 100;  // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;      // on the largest change of a source's trust
  Status Validate() const;
};

// Scales. Belief is already a distribution within each item. On a categorical item it is
// a fact's weighted vote over its item's (the paper's probability-vector view of
// categorical data: the truth as the weighted mean of the votes' 0/1 vectors); on a
// numeric item it is exp(-L(f)) over the item's, with L(f) the weighted loss the item
// would have if f were its truth (the likelihood under which CRH's objective is the
// negative log-likelihood, Laplace for the absolute deviation; our reading), so the highest
// belief is the weighted median. An item nobody votes on gives each fact 1 / facts-in-item.
// Trust is w(s) divided by the largest w, in [0, 1]; a source that votes for nothing
// reports its prior or 0.5. Labelled facts keep belief 1 or 0 and are the truth of their
// items while weights are fitted.
Result<TruthDiscoveryResult> RunCrh(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                    const CrhOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_CRH_H_
