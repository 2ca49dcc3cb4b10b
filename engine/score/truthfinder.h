// TruthFinder: Yin, Han and Yu, "Truth Discovery with Multiple Conflicting Information
// Providers on the Web", KDD 2007 (section 3). With t(s) a source's trustworthiness:
//   tau(s)  = -ln(1 - t(s))                                  trustworthiness score
//   sigma(f) = sum over the sources voting for f of tau(s)   confidence score
//   sigma*(f) = sigma(f) + rho * sum over f' != f of its item of sigma(f') * imp(f' -> f)
//   s(f)    = 1 / (1 + exp(-gamma * sigma*(f)))              with the dampening factor gamma
//   t(s)    = mean of s(f) over the facts s votes for
#ifndef CLAIMGRAPH_SCORE_TRUTHFINDER_H_
#define CLAIMGRAPH_SCORE_TRUTHFINDER_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct TruthFinderOptions {
  double dampening = 0.3;      // gamma, the paper's value; > 0
  double rho = 0.5;            // weight of implications between facts, the paper's value; in [0, 1]
  // imp(f' -> f) between two facts of one item, in [-1, 1]. The paper derives it from value
  // similarity; claims here have none, so 0 (alternatives neither help nor hurt). A negative
  // value makes belief in one alternative count against the others.
  double implication = 0.0;
  // The paper's implication from the similarity of values (section 3.2; its book authors):
  // imp(f' -> f) = sim(f', f) - base_similarity, sim = ValueSimilarity of the two claims'
  // values (value_similarity.h: author lists by overlap, numbers by relative difference,
  // clock times and dates by distance; an implicit negation or a claim without a value is
  // similar to nothing). Replaces `implication`, which must then be 0. Off by default.
  // Time and memory per item grow with the square of its number of facts.
  bool value_implication = false;
  double base_similarity = 0.5;  // base_sim, the paper's value; in [0, 1]
  double initial_trust = 0.9;  // t0, the paper's value; in (0, 1)
  bool use_priors = true;      // start a source with a casefile reliability from that instead
  size_t max_iterations = 100; // the paper iterates to convergence and names no cap
  double tolerance = 1e-6;     // on the largest change of a source's trust (the paper uses cosine)
  Status Validate() const;
};

// Registered as "truthfinder" (imp = 0) and "truthfinder-implication" (value_implication),
// which name result.method.
// Scales: trust and belief are the paper's probabilities, in (0, 1). A fact nobody votes for
// has belief 1/2 (sigma* = 0) unless implications move it; a source that votes for nothing
// reports its prior or 0.5. Labelled facts keep s(f) = 1 or 0; trust is kept below 1 so that
// tau stays finite.
Result<TruthDiscoveryResult> RunTruthFinder(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                            const TruthFinderOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_TRUTHFINDER_H_
