// Semi-supervised truth discovery: Yin and Tan, "Semi-supervised Truth Discovery", WWW 2011.
// Rated claims (the casefile's past verdicts, as FactLabels) inform unrated ones through a
// graph over facts, instead of only through the trust of the sources that rated claims
// share. Each fact has a confidence c(f) in [-1, 1] (1 true, -1 false); labelled facts are
// fixed at 1 or -1, and the others minimise the paper's kind of signed-graph objective
//   sum over edges of |w(f, g)| (c(f) - sign(w) c(g))^2 + prior_weight (c(f) - c0(f))^2
// whose minimiser, with labelled facts fixed, satisfies for every free fact
//   c(f) = (sum over g of w(f, g) c(g) + prior_weight c0(f)) / (sum over g of |w(f, g)| + prior_weight)
// and is reached by iterating that average (Jacobi; the paper proves its iteration reaches
// the optimum). The edges, as we read the paper:
//   same source (positive): facts a source votes for tend to be all true or all false;
//     each pair of s's facts weighs source_weight / (|F(s)| - 1), so each source pulls
//     each of its facts with source_weight in all;
//   same item (negative): facts that exclude each other; each pair weighs
//     -exclusion_weight / (facts-in-item - 1), so a claim and its negation weigh -1.
// c0(f) = 2 * (f's share of its item's votes) - 1 is the votes' own answer (0 on an item
// nobody votes on), which the graph smooths; without any label the method is that vote
// smoothed over shared sources. The weights are our choice (each relation as strong as
// one source); the paper's edge weights and constants could not be checked here.
#ifndef CLAIMGRAPH_SCORE_SEMI_SUPERVISED_H_
#define CLAIMGRAPH_SCORE_SEMI_SUPERVISED_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct SemiSupervisedOptions {
  double source_weight = 1.0;     // pull of a source on each of its facts; >= 0
  double exclusion_weight = 1.0;  // push between the facts of an item, in all; >= 0
  double prior_weight = 1.0;      // pull towards the votes' answer c0; > 0 (makes the solution unique)
  size_t max_iterations = 100;    // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;        // on the largest change of a source's trust
  Status Validate() const;
};

// Scales. Belief is already a distribution within each item: (1 + c(f)) over the sum of
// (1 + c(g)) over the item's facts (uniform when every c is -1), so a labelled true fact
// has belief 1 and the others of its item 0. Trust is (1 + mean c over the source's facts)
// / 2, in [0, 1]; a source that votes for nothing reports its prior or 0.5.
Result<TruthDiscoveryResult> RunSemiSupervised(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                               const SemiSupervisedOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_SEMI_SUPERVISED_H_
