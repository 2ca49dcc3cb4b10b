// Exports for other tools: W3C PROV-JSON (provenance tools, prov-convert), schema.org
// ClaimReview JSON-LD (search engines, fact-check aggregators), GraphML and GEXF (Gephi,
// networkx). docs/exports.md gives each mapping. Every output is deterministic (same graph,
// same bytes) and valid UTF-8: strings are escaped, and byte sequences that are not UTF-8
// are replaced by U+FFFD.
#ifndef CLAIMGRAPH_EXPORT_H_
#define CLAIMGRAPH_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "claimgraph/status.h"

namespace claimgraph {

// The whole graph as a PROV-JSON document (W3C Member Submission, 2013): sources and
// claims as prov:Entity, casefile entities as prov:Agent, publishers as wasAttributedTo,
// citations and assertions as wasDerivedFrom, control as actedOnBehalfOf.
std::string ExportProvJson(const ProvenanceGraph& graph);

struct ClaimReviewOptions {
  // The page that publishes the reviews; a claim without a verdict url gets
  // "<review_url>#claim-<id>" as its ClaimReview url. "" = none: every claim exported then
  // needs a verdict with a url.
  std::string review_url = "";
  // Fails unless review_url is empty or an absolute http(s) URL.
  Status Validate() const;
};

// A JSON array of schema.org ClaimReview objects, one per claim that has a casefile verdict
// or at least one assertion (and so a score), by claim id. Fails, naming what to add, when
// the casefile has no `review` block, or when a claim has neither a verdict url nor
// options.review_url to make its review url from.
// REQUIRES: scores was computed by Score(graph).
Result<std::string> ExportClaimReview(const ProvenanceGraph& graph, const CorroborationResult& scores,
                                      const ClaimReviewOptions& options = {});

// GraphML (graphml.graphdrawing.org): one node per source, claim and entity, one edge per
// relation of claimgraph/boost_graph.h, every attribute declared as a typed <key>. Claim
// nodes carry score and verdict when `scores` is given.
// REQUIRES: scores, when not null, was computed by Score(graph).
std::string ExportGraphml(const ProvenanceGraph& graph, const CorroborationResult* scores);

// The same nodes, edges and attributes as GEXF 1.3 (gexf.net), Gephi's own format.
std::string ExportGexf(const ProvenanceGraph& graph, const CorroborationResult* scores);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_H_
