// 2-Estimates: Galland, Abiteboul, Marian and Senellart, "Corroborating Information from
// Disagreeing Views", WSDM 2010, section 4. Each source has an error rate eps(s), each fact
// a truth estimate theta(f). A source that votes in an item says its facts are true and,
// the facts of an item excluding each other, every other fact of the item false (the
// paper's implicit negative views). Over the views V(s, f):
//   theta(f) = mean over the sources with a view on f of (1 - eps(s) if V says true, eps(s) if false)
//   eps(s)   = mean over the facts s has a view on of (1 - theta(f) if V says true, theta(f) if false)
// Each estimate is normalised after it is computed (GallandNormalise), or every value
// drifts to the same constant.
#ifndef CLAIMGRAPH_SCORE_TWO_ESTIMATES_H_
#define CLAIMGRAPH_SCORE_TWO_ESTIMATES_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct TwoEstimatesOptions {
  // lambda: weight of the linear rescaling onto [0, 1] against rounding to 0 or 1 in the
  // paper's normalisation. The paper leaves it a parameter; 0.5 (equal weight) is our choice.
  double lambda = 0.5;
  double initial_error = 0.2;   // eps before the first iteration (AccuCopy's epsilon); in [0, 1)
  bool use_priors = true;       // start a source with a casefile reliability r from eps = 1 - r
  size_t max_iterations = 100;  // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;      // on the largest change of a source's trust 1 - eps
  Status Validate() const;
};

// Scales: belief theta and trust 1 - eps in [0, 1]; after normalisation the worst source has
// trust 0 and the best 1 whenever they differ. Facts of an item nobody votes in have belief
// 0.5 and take no part in normalisation; a source that votes for nothing reports its prior
// or 0.5. Labelled facts keep theta = 1 or 0.
Result<TruthDiscoveryResult> RunTwoEstimates(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                             const TwoEstimatesOptions& options = {});

// The paper's normalisation, over the entries with include[i] != 0:
//   v <- lambda * (v - min) / (max - min) + (1 - lambda) * (v >= 0.5 ? 1 : 0)
// When max == min there is nothing to rescale: the linear part is v clamped to [0, 1].
// With `over_ranks`, min and max are over every rank's entries (values per fact on a rank).
// With `fixed` (labels per fact, as ResolveLabels), each labelled entry is then set to its
// label, as ApplyFixedBeliefs would do after, in the same pass.
void GallandNormalise(std::vector<double>& values, double lambda, const std::vector<uint8_t>& include,
                      const VoteArrays* over_ranks = nullptr, const std::vector<int8_t>* fixed = nullptr);
// The least and largest included entry (low > high when none is). Both are exact in any
// order, so a method can find them in the loop that writes the values and save
// GallandNormalise a pass.
struct IncludedRange {
  double low = 1e300, high = -1e300;
};
// GallandNormalise with the range already found (this rank's, when over_ranks is given).
void GallandNormaliseWithin(std::vector<double>& values, double lambda, const std::vector<uint8_t>& include,
                            IncludedRange range, const VoteArrays* over_ranks = nullptr,
                            const std::vector<int8_t>* fixed = nullptr);
// "lambda must be in [0, 1], got 2"; "initial_error must be in [0, 1), got 1"; iterations.
Status ValidateEstimatesOptions(double lambda, double initial_error, size_t max_iterations, double tolerance);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_TWO_ESTIMATES_H_
