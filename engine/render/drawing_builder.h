// From the provenance graph to a Drawing: which nodes and edges (view.h), what they look
// like (style.h), their labels, tooltips, links, ids and classes, and the clusters.
#ifndef CLAIMGRAPH_RENDER_DRAWING_BUILDER_H_
#define CLAIMGRAPH_RENDER_DRAWING_BUILDER_H_

#include <string>

#include "claimgraph/graph.h"
#include "claimgraph/render.h"
#include "claimgraph/score.h"
#include "render/drawing.h"
#include "render/view.h"

namespace claimgraph::render {

// `scores` is required (non-null) with options.scores or GroupBy::kOrigin, and ignored
// otherwise. `engine` is the layout engine the drawing is meant for ("dot" for DOT output).
Drawing BuildDrawing(const ProvenanceGraph& graph, const View& view, const RenderOptions& options,
                     const CorroborationResult* scores, const std::string& engine);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_DRAWING_BUILDER_H_
