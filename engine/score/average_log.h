// Average-Log: Pasternack and Roth, "Knowing What to Believe (when you already know
// something)", COLING 2010, section 4.1. Sums rewards a source for the number of its
// claims; Average-Log uses their mean belief, damped by the log of how many there are:
//   T^i(s) = log|F(s)| * (sum over the facts s votes for of B^{i-1}(f)) / |F(s)|
//   B^i(f) = sum over the sources voting for f of T^i(s)
// both divided by their maximum after each iteration, as the paper does.
#ifndef CLAIMGRAPH_SCORE_AVERAGE_LOG_H_
#define CLAIMGRAPH_SCORE_AVERAGE_LOG_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct AverageLogOptions {
  // Pasternack and Roth run every fact-finder for a fixed 20 iterations; we also stop
  // earlier once trust settles.
  size_t max_iterations = 20;
  // Stop when no source's trust moves more than this between two iterations.
  double tolerance = 1e-6;
  Status Validate() const { return ValidateIterationOptions(max_iterations, tolerance); }
};

// Scales: trust and belief in [0, 1], the largest being 1 (relative, not probabilities).
// Starts from belief 1 for every fact. log 1 = 0, so a source with a single vote has trust
// 0 and lends its fact nothing (the paper's design: one claim is no track record). A fact
// nobody votes for has belief 0; a source that votes for nothing reports its prior or 0.5.
// Labelled facts keep belief 1 or 0. Never reports convergence after the first iteration.
Result<TruthDiscoveryResult> RunAverageLog(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                           const AverageLogOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_AVERAGE_LOG_H_
