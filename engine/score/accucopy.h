// AccuCopy: Dong, Berti-Equille and Srivastava, "Integrating Conflicting Data: The Role of
// Source Dependence", VLDB 2009 (sections 3 and 4). Sources that copy each other should not
// count as independent votes. Three steps alternate:
// 1. Vote count of fact f of item D (with n = facts-in-D - 1 false values):
//      C(f) = sum over the voters s of f, most accurate first, of
//             ln(n A(s) / (1 - A(s))) * prod over the earlier voters s' of (1 - c Pr(s copies s'))
//    and P(f) = exp C(f) / sum over the facts f' of D of exp C(f').
// 2. Accuracy A(s) = mean of P(f) over the facts s votes for.
// 3. Copy detection for each pair of sources voting in a common item, by Bayes over the
//    items they share: on a shared value, independent sources agree with probability
//    P(f) A1 A2 + (1 - P(f)) (1 - A1)(1 - A2)/n; if s1 copies s2 (the original), with
//    P(f) (c A2 + (1 - c) A1 A2) + (1 - P(f)) (c (1 - A2) + (1 - c)(1 - A1)(1 - A2)/n);
//    on different values, 1 - A1 A2 - (1 - A1)(1 - A2)/n, times (1 - c) for a copier.
//    Here P(f) is the current decision, as in the paper: 1 for the item's most probable
//    fact (1/k each for k facts tied for it), 0 for the others.
// The first iteration assumes independence (no copy detection has run yet).
// Citations: the casefile says who took material from whom. A citation s1 -> s2 raises the
// prior that s1 copies s2 from copy_prior to cited_copy_prior; the data still decide.
#ifndef CLAIMGRAPH_SCORE_ACCUCOPY_H_
#define CLAIMGRAPH_SCORE_ACCUCOPY_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct AccuCopyOptions {
  double copy_prior = 0.2;          // alpha, the paper's a-priori probability that one source
                                    // copies another (each direction); in (0, 0.5)
  double cited_copy_prior = 0.4;    // the same prior when the casefile records that the first
                                    // cites the second (our choice); in [copy_prior, 0.5)
  double copy_probability = 0.8;    // c, the paper's probability that a copier copies a given value; in (0, 1)
  double initial_error = 0.2;       // epsilon, the paper's: accuracy starts at 1 - epsilon; in (0, 1)
  bool use_priors = true;           // start a source with a casefile reliability from that instead
  size_t max_iterations = 100;      // the paper iterates until no decision changes; we cap it
  double tolerance = 1e-6;          // on the largest change of a source's accuracy
  Status Validate() const;
};

// Scales: fact_belief = P(f), a probability; the facts of an item sum to 1 (an item nobody
// votes on: 1 / facts-in-item). source_trust = accuracy A(s), kept within [0.0001, 0.9999] so
// that ln(n A / (1 - A)) stays finite; a source that votes for nothing reports its prior or
// 0.5. Labelled facts keep P = 1 or 0. Cost per iteration: the pairs of sources sharing an
// item, and the square of each fact's number of voters.
Result<TruthDiscoveryResult> RunAccuCopy(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                         const AccuCopyOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_ACCUCOPY_H_
