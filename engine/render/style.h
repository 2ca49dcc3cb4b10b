// The visual language of claimgraph pictures (docs/visual-language.md): one shape per record
// kind, stance as colour from the Okabe-Ito palette (colour-blind safe; Okabe and Ito,
// "Color Universal Design", 2002) with a second cue that survives greyscale printing (line
// style and arrowhead), and verdict as fill. The legend is drawn from these same functions,
// so it cannot disagree with the picture.
#ifndef CLAIMGRAPH_RENDER_STYLE_H_
#define CLAIMGRAPH_RENDER_STYLE_H_

#include <string_view>
#include <vector>

#include "claimgraph/boost_graph.h"
#include "claimgraph/model.h"
#include "claimgraph/score.h"
#include "render/drawing.h"

namespace claimgraph::render {

// What an edge shows: its Boost.Graph kind, and for an assertion its stance.
struct EdgeLook {
  EdgeKind kind = EdgeKind::kAssertion;
  Stance stance = Stance::kSupports;  // only with kAssertion
  friend bool operator==(const EdgeLook&, const EdgeLook&) = default;
};

// The shape, line and fill of a node of `kind`.
Attributes NodeStyle(NodeKind kind);
// The double outline of an interested (self-reporting) origin.
Attributes InterestedStyle();
// The fill of a claim with this verdict ("#RRGGBB").
std::string_view VerdictFill(VerdictBand band);
// Colour, line style, arrowheads and width of an edge.
Attributes EdgeStyle(EdgeLook look);
// "supports", "cites", "published by", ... as the legend names it.
std::string_view EdgeCaption(EdgeLook look);
// The SVG class of an edge ("assertion supports", "citation", ...).
std::string EdgeClass(EdgeLook look);

// Graph-wide attributes and defaults (fonts, direction, spacing) for a layout engine.
void SetDrawingDefaults(std::string_view engine, Drawing& drawing);

// What the legend explains: only the kinds that appear in the picture.
struct LegendContents {
  bool node_kinds[3] = {false, false, false};  // indexed by NodeKind
  bool interested = false;
  std::vector<VerdictBand> verdicts;  // sorted, distinct
  std::vector<EdgeLook> edges;        // in the order of first appearance
};

// Appends the legend as a cluster of sample nodes and edges.
void AddLegend(const LegendContents& contents, Drawing& drawing);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_STYLE_H_
