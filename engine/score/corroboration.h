// Internal to the score layer: the corroboration scorer behind claimgraph::Score, split so
// that tests can hand it a truth-discovery outcome (in particular a failure) directly.
#ifndef CLAIMGRAPH_SCORE_CORROBORATION_H_
#define CLAIMGRAPH_SCORE_CORROBORATION_H_

#include <string>
#include <vector>

#include "claimgraph/score.h"
#include "score/truth_discovery.h"

namespace claimgraph::score {

// The truth-discovery method names ScoreOptions accepts: TruthDiscoveryMethods(), or the
// list documented in claimgraph/score.h while that is empty.
const std::vector<std::string>& AcceptedTruthDiscoveryMethods();

// The known labels for fitting source trust: each claim with a past verdict fixes its fact.
// REQUIRES: votes was built from graph.
FactLabels LabelsFromVerdicts(const ProvenanceGraph& graph, const VoteArrays& votes);

// Scores every claim given the outcome of the truth-discovery step: `learned` is null when
// no method was asked for (options.method == "corroboration" and reliability_method empty).
// When the reliability method failed, source trust falls back to the priors and the result
// says so; when options.method itself is a truth-discovery method, its failure is an error.
// REQUIRES: options.Validate().ok(); `votes` non-null when options.method is not
// "corroboration", and built from graph.
Result<CorroborationResult> ScoreWithLearnedTrust(const ProvenanceGraph& graph,
                                                  const ScoreOptions& options,
                                                  const Result<TruthDiscoveryResult>* learned,
                                                  const VoteArrays* votes);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_CORROBORATION_H_
