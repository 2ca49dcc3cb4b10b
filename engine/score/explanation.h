// Internal to the score layer: how a claim's score is made, in words (issue 3, item 5).
// Everything here formats numbers with a fixed number of decimals, so that the same input
// gives byte-identical output.
#ifndef CLAIMGRAPH_SCORE_EXPLANATION_H_
#define CLAIMGRAPH_SCORE_EXPLANATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/score.h"

namespace claimgraph::score {

// "0.5000": fixed decimals, "-" never printed for a negative zero.
std::string FormatDecimal(double value, int decimals = 4);

// One paragraph: the group weights summed into S and R, and the formula with the numbers
// in it ("S = 0.5000 + 0.1250 = 0.6250; R = 0.0000; score = (S + 1) / (S + R + 2) = ...").
// For a truth-discovery `method`, the score is that method's probability that the claim is
// true, said as such, with the belief it was computed from.
std::string ScoreArithmetic(const ClaimScore& score, std::string_view method);

// A person's reading of one chain: "r2 \"Title\" --quotes--> r1 \"Title\" --speaker--> m (Name)".
std::string DescribeChain(const ProvenanceGraph& graph, const ProvenanceChain& chain);

// Where an assertion is written: "case.json#/assertions/3" (or "#/assertions/3" when the
// graph was built in memory without file names).
std::string AssertionPlace(const ProvenanceGraph& graph, Index assertion);

// The chains of the claim's coverage (its assertions that report without taking a side),
// at most `max_chains` of them, in assertion order; `left_out` counts the others.
std::vector<ProvenanceChain> CoverageChains(const ProvenanceGraph& graph, Index claim, size_t max_chains,
                                            size_t& left_out);

// "    ... and 3 more chains (see --max-chains)\n", or "" when none was left out.
std::string ChainsLeftOut(size_t left_out);

// The whole explanation of one claim, as text or as JSON.
// REQUIRES: claim < graph.claims().size(), result scored from graph with chains recorded.
std::string ExplainText(const ProvenanceGraph& graph, const CorroborationResult& result, Index claim);
std::string ExplainJson(const ProvenanceGraph& graph, const CorroborationResult& result, Index claim);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_EXPLANATION_H_
