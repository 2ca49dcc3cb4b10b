// Which records a picture shows: the whole graph, one claim's provenance, one source's or
// entity's neighbourhood, or only the claims. See RenderOptions in claimgraph/render.h.
#ifndef CLAIMGRAPH_RENDER_VIEW_H_
#define CLAIMGRAPH_RENDER_VIEW_H_

#include <vector>

#include "claimgraph/boost_graph.h"
#include "claimgraph/graph.h"
#include "claimgraph/render.h"

namespace claimgraph::render {

struct View {
  std::vector<char> sources, claims, entities;  // 1 where the record is shown
  bool claims_only = false;

  bool Shows(NodeRef node) const;
  size_t NodeCount() const;
  // Whether an edge of the Boost.Graph form is drawn: both ends shown, only exclusions in a
  // claims-only view, and an attribution only when its assertion's claim is shown.
  bool ShowsEdge(const ProvenanceGraph& graph, NodeRef tail, NodeRef head,
                 const EdgeProperties& edge) const;
};

// Fails (exit code 2) when options.focus names no record.
// REQUIRES: options.Validate().ok()
Result<View> SelectView(const ProvenanceGraph& graph, const RenderOptions& options);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_VIEW_H_
