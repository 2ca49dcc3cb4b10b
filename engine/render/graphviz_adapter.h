// The one file that talks to Graphviz (cgraph + gvc). Graphviz is a C library with global
// state, non-const char* parameters and no thread safety, so every call is made here, under
// one mutex, with one GVC_t for the whole process (each gvContext() leaks a few KB), and
// every graph and layout is freed on every path, errors included.
#ifndef CLAIMGRAPH_RENDER_GRAPHVIZ_ADAPTER_H_
#define CLAIMGRAPH_RENDER_GRAPHVIZ_ADAPTER_H_

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "claimgraph/status.h"
#include "render/drawing.h"

namespace claimgraph::render {

// Builds `drawing` as a cgraph graph, lays it out with `engine` ("dot", "neato", "sfdp")
// and renders it as `format` ("svg", "png", "pdf"; any Graphviz -T format works). Fails
// with Graphviz's own message (exit code 1) if the layout or renderer fails.
Result<std::string> LayoutAndRender(const Drawing& drawing, const std::string& engine,
                                    const std::string& format);

// What cgraph holds after reading a graph: every object's non-empty attribute values,
// defaults applied. Used to check that DOT text and the in-process graph agree.
struct InspectedGraph {
  using Values = std::map<std::string, std::string>;
  struct Node {
    std::string cluster;  // the name of the cluster that holds it, or ""
    Values attributes;
    friend bool operator==(const Node&, const Node&) = default;
  };
  using Edge = std::tuple<std::string, std::string, Values>;  // tail, head, attributes
  Values graph_attributes;
  std::map<std::string, Values> clusters;  // by cluster name
  std::map<std::string, Node> nodes;       // by node name
  std::vector<Edge> edges;                 // sorted
  friend bool operator==(const InspectedGraph&, const InspectedGraph&) = default;
};

// Parses DOT text with cgraph (agmemread). Fails with cgraph's message on a syntax error.
Result<InspectedGraph> ReadDot(std::string_view text);

// Builds `drawing` exactly as LayoutAndRender does, without layout, and inspects it.
Result<InspectedGraph> InspectDrawing(const Drawing& drawing);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_GRAPHVIZ_ADAPTER_H_
