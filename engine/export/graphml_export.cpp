// GraphML (http://graphml.graphdrawing.org/specification.html) and GEXF 1.2
// (https://gexf.net/schema.html) writers for the attributed graph: every attribute is
// declared with its type, every string is XML-escaped.
#include "claimgraph/export.h"
#include "export/attributed_graph.h"
#include "export/markup_text.h"

namespace claimgraph {
namespace {

using exporting::AttributedGraph;
using exporting::AttributeKey;
using exporting::AttributeType;
using exporting::GraphElement;
using exporting::XmlEscape;

std::string_view TypeName(AttributeType type) {
  switch (type) {
    case AttributeType::kString: return "string";
    case AttributeType::kDouble: return "double";
    case AttributeType::kLong: return "long";  // the same word in GraphML and GEXF
  }
  return "string";
}

std::string GraphmlKeys(const std::vector<AttributeKey>& keys, std::string_view domain) {
  std::string text;
  for (const AttributeKey& key : keys) {
    text += "  <key id=\"" + std::string(domain) + "_" + key.name + "\" for=\"" + std::string(domain) +
            "\" attr.name=\"" + key.name + "\" attr.type=\"" +
            std::string(TypeName(key.type)) + "\"/>\n";
  }
  return text;
}

std::string GraphmlData(const GraphElement& element, const std::vector<AttributeKey>& keys,
                        std::string_view domain) {
  std::string text;
  for (const auto& [key, value] : element.values) {
    text += "      <data key=\"" + std::string(domain) + "_" + keys[key].name + "\">" + XmlEscape(value) +
            "</data>\n";
  }
  return text;
}

std::string GexfAttributes(const std::vector<AttributeKey>& keys, std::string_view domain) {
  std::string text = "    <attributes class=\"" + std::string(domain) + "\">\n";
  for (size_t i = 0; i < keys.size(); ++i) {
    text += "      <attribute id=\"" + std::to_string(i) + "\" title=\"" + keys[i].name + "\" type=\"" +
            std::string(TypeName(keys[i].type)) + "\"/>\n";
  }
  return text + "    </attributes>\n";
}

std::string GexfValues(const GraphElement& element) {
  if (element.values.empty()) return "";
  std::string text = "        <attvalues>\n";
  for (const auto& [key, value] : element.values) {
    text += "          <attvalue for=\"" + std::to_string(key) + "\" value=\"" + XmlEscape(value) + "\"/>\n";
  }
  return text + "        </attvalues>\n";
}

}  // namespace

std::string ExportGraphml(const ProvenanceGraph& graph, const CorroborationResult* scores) {
  const AttributedGraph attributed = exporting::BuildAttributedGraph(graph, scores);
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  text += GraphmlKeys(attributed.node_keys, "node");
  text += GraphmlKeys(attributed.edge_keys, "edge");
  text += "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n";
  for (const GraphElement& node : attributed.nodes) {
    text += "    <node id=\"" + XmlEscape(node.id) + "\">\n" + GraphmlData(node, attributed.node_keys, "node") +
            "    </node>\n";
  }
  for (const GraphElement& edge : attributed.edges) {
    text += "    <edge id=\"" + edge.id + "\" source=\"" + XmlEscape(edge.source) + "\" target=\"" +
            XmlEscape(edge.target) + "\">\n" + GraphmlData(edge, attributed.edge_keys, "edge") +
            "    </edge>\n";
  }
  text += "  </graph>\n</graphml>\n";
  return text;
}

std::string ExportGexf(const ProvenanceGraph& graph, const CorroborationResult* scores) {
  const AttributedGraph attributed = exporting::BuildAttributedGraph(graph, scores);
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
      "  <meta>\n    <creator>claimgraph</creator>\n  </meta>\n"
      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  text += GexfAttributes(attributed.node_keys, "node");
  text += GexfAttributes(attributed.edge_keys, "edge");
  text += "    <nodes>\n";
  for (const GraphElement& node : attributed.nodes) {
    text += "      <node id=\"" + XmlEscape(node.id) + "\" label=\"" + XmlEscape(node.label) + "\">\n" +
            GexfValues(node) + "      </node>\n";
  }
  text += "    </nodes>\n    <edges>\n";
  for (const GraphElement& edge : attributed.edges) {
    text += "      <edge id=\"" + edge.id + "\" source=\"" + XmlEscape(edge.source) + "\" target=\"" +
            XmlEscape(edge.target) + "\" label=\"" + XmlEscape(edge.label) + "\">\n" + GexfValues(edge) +
            "      </edge>\n";
  }
  text += "    </edges>\n  </graph>\n</gexf>\n";
  return text;
}

}  // namespace claimgraph
