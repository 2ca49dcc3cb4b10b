// Internal to the report layer: the parts of the page, each a piece of polyglot HTML
// (report/html_text.h) with every casefile string escaped.
#ifndef CLAIMGRAPH_REPORT_SECTIONS_H_
#define CLAIMGRAPH_REPORT_SECTIONS_H_

#include <string>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"

namespace claimgraph::report {

// The class that gives a verdict badge its fill: "verdict-self-reported-only".
std::string VerdictClass(VerdictBand band);

// The verdict fills as CSS rules, one per band, from render/style.h, so that the page's
// badges and the pictures' claim fills cannot disagree.
std::string VerdictRules();

// The summary table: one row per claim with its text (a link to its section), score,
// verdict, reports, independent origins and interested origins.
std::string SummaryTable(const ProvenanceGraph& graph, const CorroborationResult& scores);

// One claim's section: heading, text, score and verdict, the focus picture (`svg`, already
// made inline by InlineSvg), the explanation as `claimgraph explain` prints it, the
// sources that assert it and its past verdicts.
// REQUIRES: claim < graph.claims().size(); scores from Score(graph) with chains recorded.
std::string ClaimSection(const ProvenanceGraph& graph, const CorroborationResult& scores, Index claim,
                         const std::string& svg);

}  // namespace claimgraph::report

#endif  // CLAIMGRAPH_REPORT_SECTIONS_H_
