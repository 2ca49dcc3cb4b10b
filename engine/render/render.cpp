// The render pipeline in one place: validate the options, score if the picture needs
// scores, select the view, build the drawing, then either write DOT text directly or lay
// it out and render it with Graphviz in this process.
#include "claimgraph/render.h"

#include <array>
#include <utility>

#include "claimgraph/score.h"
#include "render/dot_writer.h"
#include "render/drawing_builder.h"
#include "render/graphviz_adapter.h"
#include "render/view.h"

namespace claimgraph {
namespace {

template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<RenderFormat, 4> kFormats{{{RenderFormat::kDot, "dot"},
                                               {RenderFormat::kSvg, "svg"},
                                               {RenderFormat::kPng, "png"},
                                               {RenderFormat::kPdf, "pdf"}}};
constexpr NameTable<GroupBy, 3> kGroupings{{{GroupBy::kNone, "none"},
                                            {GroupBy::kOrigin, "origin"},
                                            {GroupBy::kPublisher, "publisher"}}};
constexpr NameTable<LayoutEngine, 4> kLayouts{{{LayoutEngine::kAuto, "auto"},
                                               {LayoutEngine::kDot, "dot"},
                                               {LayoutEngine::kNeato, "neato"},
                                               {LayoutEngine::kSfdp, "sfdp"}}};

template <typename Enum, size_t N>
std::string_view NameIn(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> ParseIn(const NameTable<Enum, N>& table, std::string_view text) {
  for (const auto& [entry, name] : table) {
    if (name == text) return entry;
  }
  return std::nullopt;
}

std::string EngineFor(const RenderOptions& options, size_t nodes, size_t edges) {
  if (options.format == RenderFormat::kDot) return "dot";
  if (options.layout != LayoutEngine::kAuto) return std::string(Name(options.layout));
  // dot's network-simplex ranking and crossing minimisation are superlinear: past a few
  // hundred nodes sfdp (multilevel force-directed) is faster and more readable.
  return nodes <= kDotLayoutMaxNodes && edges <= kDotLayoutMaxEdges ? "dot" : "sfdp";
}

size_t CountEdges(const ProvenanceGraph& graph, const render::View& view) {
  const BoostGraph& boost_graph = graph.boost_graph();
  size_t count = 0;
  for (auto [edge, end] = boost::edges(boost_graph.graph); edge != end; ++edge) {
    const NodeRef tail = boost_graph.NodeAt(boost::source(*edge, boost_graph.graph));
    const NodeRef head = boost_graph.NodeAt(boost::target(*edge, boost_graph.graph));
    count += view.ShowsEdge(graph, tail, head, boost_graph.graph[*edge]);
  }
  return count;
}

}  // namespace

std::string_view Name(RenderFormat format) { return NameIn(kFormats, format); }
std::string_view Name(GroupBy group_by) { return NameIn(kGroupings, group_by); }
std::string_view Name(LayoutEngine layout) { return NameIn(kLayouts, layout); }
std::optional<RenderFormat> ParseRenderFormat(std::string_view text) { return ParseIn(kFormats, text); }
std::optional<GroupBy> ParseGroupBy(std::string_view text) { return ParseIn(kGroupings, text); }
std::optional<LayoutEngine> ParseLayoutEngine(std::string_view text) { return ParseIn(kLayouts, text); }

std::optional<RenderFormat> RenderFormatOfPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  return ParseRenderFormat(path.substr(dot + 1));
}

Status RenderOptions::Validate() const {
  if (depth < 1 || depth > 50) {
    return Status::Error("claimgraph render: --depth must be between 1 and 50, not " +
                         std::to_string(depth));
  }
  if (max_nodes < 1) return Status::Error("claimgraph render: --max-nodes must be at least 1");
  return Status::Ok();
}

Result<std::string> Render(const ProvenanceGraph& graph, const RenderOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  Result<render::View> view = render::SelectView(graph, options);
  if (!view.ok()) return view.status();

  const size_t nodes = view->NodeCount();
  if (options.format != RenderFormat::kDot && nodes > options.max_nodes) {
    return Status::Error("claimgraph render: the picture would have " + std::to_string(nodes) +
                         " nodes, more than --max-nodes " + std::to_string(options.max_nodes) +
                         " can be laid out in reasonable time; draw part of it with --focus ID "
                         "(and --depth N) or --claims-only, write --format dot, or raise --max-nodes");
  }

  std::optional<CorroborationResult> scores;
  if (options.scores || options.group_by == GroupBy::kOrigin) {
    ScoreOptions score_options;
    score_options.threads = options.threads;
    Result<CorroborationResult> scored = Score(graph, score_options);
    if (!scored.ok()) return scored.status();
    scores = std::move(scored.value());
  }

  const std::string engine = EngineFor(options, nodes, CountEdges(graph, view.value()));
  const render::Drawing drawing =
      render::BuildDrawing(graph, view.value(), options, scores ? &*scores : nullptr, engine);
  if (options.format == RenderFormat::kDot) {
    std::string text;
    render::WriteDot(drawing, text);
    return text;
  }
  return render::LayoutAndRender(drawing, engine, std::string(Name(options.format)));
}

}  // namespace claimgraph
