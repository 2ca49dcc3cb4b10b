// 3-Estimates: Galland, Abiteboul, Marian and Senellart, "Corroborating Information from
// Disagreeing Views", WSDM 2010, section 4. 2-Estimates (see two_estimates.h) plus a
// difficulty delta(f) per fact: a source with error rate eps(s) errs on f with probability
// eps(s) * delta(f), so hard facts cost a source less when it gets them wrong. With the
// same views (a vote in an item says "true" to its fact and "false" to the item's others):
//   theta(f) = mean over views on f of (1 - eps(s) delta(f) if true, eps(s) delta(f) if false)
//   delta(f) = mean over views on f of ((1 - theta(f)) / eps(s) if true, theta(f) / eps(s) if false)
//   eps(s)   = mean over the views of s of ((1 - theta(f)) / delta(f) if true, theta(f) / delta(f) if false)
// computed in that order, each normalised as in 2-Estimates (GallandNormalise).
#ifndef CLAIMGRAPH_SCORE_THREE_ESTIMATES_H_
#define CLAIMGRAPH_SCORE_THREE_ESTIMATES_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct ThreeEstimatesOptions {
  // lambda: weight of the linear rescaling onto [0, 1] against rounding to 0 or 1 in the
  // paper's normalisation. The paper leaves it a parameter; 0.5 (equal weight) is our choice.
  double lambda = 0.5;
  double initial_error = 0.2;       // eps before the first iteration; in [0, 1)
  double initial_difficulty = 0.5;  // delta before the first iteration; in [0, 1]
  bool use_priors = true;           // start a source with a casefile reliability r from eps = 1 - r
  size_t max_iterations = 100;      // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;          // on the largest change of a source's trust 1 - eps
  Status Validate() const;
};

// Scales as in 2-Estimates: belief theta and trust 1 - eps in [0, 1]. Normalisation maps the
// smallest eps and delta to 0, which would divide by zero: as divisors they are taken as at
// least 0.001 (our choice; the paper does not say). Facts of an item nobody votes in have
// belief 0.5; a source that votes for nothing reports its prior or 0.5. Labelled facts keep
// theta = 1 or 0.
Result<TruthDiscoveryResult> RunThreeEstimates(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                               const ThreeEstimatesOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_THREE_ESTIMATES_H_
