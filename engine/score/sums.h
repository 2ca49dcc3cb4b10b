// Sums, the Hubs and Authorities of Kleinberg (1999) turned fact-finder, as defined by
// Pasternack and Roth, "Knowing What to Believe (when you already know something)",
// COLING 2010, section 3:
//   T^i(s) = sum over the facts s votes for of B^{i-1}(f)
//   B^i(f) = sum over the sources voting for f of T^i(s)
// both divided by their maximum after each iteration, as the paper does.
#ifndef CLAIMGRAPH_SCORE_SUMS_H_
#define CLAIMGRAPH_SCORE_SUMS_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct SumsOptions {
  // Pasternack and Roth run every fact-finder for a fixed 20 iterations; we also stop
  // earlier once trust settles.
  size_t max_iterations = 20;
  // Stop when no source's trust moves more than this between two iterations.
  double tolerance = 1e-6;
  Status Validate() const { return ValidateIterationOptions(max_iterations, tolerance); }
};

// Scales: trust and belief in [0, 1], the largest being 1 (relative, not probabilities).
// Starts from belief 1 for every fact (the paper's uniform prior). A fact nobody votes for
// has belief 0; a source that votes for nothing reports its prior or 0.5. Mutual exclusion
// plays no part, except through labels: labelled facts keep belief 1 or 0.
Result<TruthDiscoveryResult> RunSums(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                     const SumsOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_SUMS_H_
