// Drawing the provenance graph: DOT text, or SVG, PNG and PDF rendered in this process by
// Graphviz. The visual language (shapes, colours, line styles) is in docs/visual-language.md.
//
//   RenderOptions options;
//   options.format = RenderFormat::kSvg;
//   options.focus = "drill-not-aimed-at-third-party";
//   Result<std::string> svg = Render(graph, options);
//
// Same graph and options, byte-identical DOT and SVG. Graphviz is not thread-safe: Render
// serialises its Graphviz calls, so concurrent calls are safe but do not run in parallel.
#ifndef CLAIMGRAPH_RENDER_H_
#define CLAIMGRAPH_RENDER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

enum class RenderFormat : uint8_t { kDot, kSvg, kPng, kPdf };
// How nodes are boxed together: not at all, per independent origin (the evidence groups of
// Score(), see claimgraph/score.h), or per publishing entity.
enum class GroupBy : uint8_t { kNone, kOrigin, kPublisher };
// kAuto picks dot up to kDotLayoutMaxNodes nodes and kDotLayoutMaxEdges edges, sfdp above.
enum class LayoutEngine : uint8_t { kAuto, kDot, kNeato, kSfdp };

inline constexpr size_t kDotLayoutMaxNodes = 300;
inline constexpr size_t kDotLayoutMaxEdges = 1200;

std::string_view Name(RenderFormat format);  // "dot", "svg", "png", "pdf"
std::string_view Name(GroupBy group_by);     // "none", "origin", "publisher"
std::string_view Name(LayoutEngine layout);  // "auto", "dot", "neato", "sfdp"
std::optional<RenderFormat> ParseRenderFormat(std::string_view text);
std::optional<GroupBy> ParseGroupBy(std::string_view text);
std::optional<LayoutEngine> ParseLayoutEngine(std::string_view text);
// The format named by a path's extension (".svg" -> kSvg), or nullopt.
std::optional<RenderFormat> RenderFormatOfPath(std::string_view path);

struct RenderOptions {
  RenderFormat format = RenderFormat::kSvg;
  // "" draws the whole graph. A claim id draws that claim's provenance: the sources that
  // assert it (for, against or reporting), the citation and attribution chains from them
  // to their origins, their publishers and the entities the claim is about; and the same
  // for each claim that excludes it, whose support is evidence against it. A source or entity id draws the nodes
  // within `depth` steps of it (edges followed in either direction).
  std::string focus;
  int depth = 2;                   // with a source or entity `focus`; 1 to 50
  bool claims_only = false;        // only claims, their exclusions and their report counts
  GroupBy group_by = GroupBy::kNone;
  bool scores = false;             // label each claim with its Score() and fill it by verdict
  bool legend = true;              // draw the legend into the picture
  LayoutEngine layout = LayoutEngine::kAuto;
  // Images of more nodes than this are refused (layout time grows faster than linearly;
  // sfdp needs about 10 s for 5,000 nodes here). DOT output is never refused.
  size_t max_nodes = 5000;
  // Threads for the score that --scores and --group-by origin need (ScoreOptions::threads);
  // 0: every core. The picture is the same for every count.
  size_t threads = 0;
  // REQUIRES for Render(); fails with a message naming the bad option.
  Status Validate() const;
};

// Draws `graph` as `options.format`. Fails (exit code 2) on invalid options, an unknown
// focus id, or an image above max_nodes; propagates a Score() error with --scores or
// group_by kOrigin; fails with exit code 1 if Graphviz fails.
Result<std::string> Render(const ProvenanceGraph& graph, const RenderOptions& options = {});

}  // namespace claimgraph

#endif  // CLAIMGRAPH_RENDER_H_
