#include "render/dot_writer.h"

#include <vector>

#include "render/escape.h"

namespace claimgraph::render {
namespace {

void AppendAttributes(std::string& out, const Attributes& attributes) {
  out += " [";
  bool first = true;
  for (const Attribute& attribute : attributes) {
    if (!first) out += ", ";
    first = false;
    out += attribute.name;
    out += '=';
    AppendQuoted(out, attribute.value);
  }
  out += ']';
}

void AppendStatement(std::string& out, std::string_view indent, std::string_view keyword,
                     const Attributes& attributes) {
  if (attributes.empty()) return;
  out += indent;
  out += keyword;
  AppendAttributes(out, attributes);
  out += ";\n";
}

void AppendNode(std::string& out, std::string_view indent, const DrawNode& node) {
  out += indent;
  AppendQuoted(out, node.name);
  if (!node.attributes.empty()) AppendAttributes(out, node.attributes);
  out += ";\n";
}

}  // namespace

void WriteDot(const Drawing& drawing, std::string& out) {
  out += "digraph ";
  AppendQuoted(out, drawing.name);
  out += " {\n";
  AppendStatement(out, "  ", "graph", drawing.graph_attributes);
  AppendStatement(out, "  ", "node", drawing.node_defaults);
  AppendStatement(out, "  ", "edge", drawing.edge_defaults);
  // Bucket the nodes by cluster once: a loop per cluster would be quadratic.
  std::vector<std::vector<uint32_t>> members(drawing.clusters.size());
  for (uint32_t i = 0; i < drawing.nodes.size(); ++i) {
    if (drawing.nodes[i].cluster != kNoCluster) members[drawing.nodes[i].cluster].push_back(i);
  }
  for (uint32_t cluster = 0; cluster < drawing.clusters.size(); ++cluster) {
    out += "  subgraph ";
    AppendQuoted(out, drawing.clusters[cluster].name);
    out += " {\n";
    AppendStatement(out, "    ", "graph", drawing.clusters[cluster].attributes);
    for (uint32_t member : members[cluster]) AppendNode(out, "    ", drawing.nodes[member]);
    out += "  }\n";
  }
  for (const DrawNode& node : drawing.nodes) {
    if (node.cluster == kNoCluster) AppendNode(out, "  ", node);
  }
  for (const DrawEdge& edge : drawing.edges) {
    out += "  ";
    AppendQuoted(out, drawing.nodes[edge.tail].name);
    out += " -> ";
    AppendQuoted(out, drawing.nodes[edge.head].name);
    if (!edge.attributes.empty()) AppendAttributes(out, edge.attributes);
    out += ";\n";
  }
  out += "}\n";
}

}  // namespace claimgraph::render
