// The graph as typed nodes and edges with named attributes: the one description that the
// GraphML and GEXF writers both print, so that the two formats carry the same data.
#ifndef CLAIMGRAPH_EXPORT_ATTRIBUTED_GRAPH_H_
#define CLAIMGRAPH_EXPORT_ATTRIBUTED_GRAPH_H_

#include <string>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"

namespace claimgraph::exporting {

enum class AttributeType : uint8_t { kString, kDouble, kLong };

struct AttributeKey {
  std::string name;  // "kind", "score", ...
  AttributeType type = AttributeType::kString;
};

// A node (source and target empty) or an edge, with the attributes it has, as text
// (doubles in shortest round-trip form). Attributes a record lacks are left out, never
// written as empty strings.
struct GraphElement {
  std::string id;
  std::string source, target;
  std::string label;
  std::vector<std::pair<size_t, std::string>> values;  // index into the keys, value
};

struct AttributedGraph {
  std::vector<AttributeKey> node_keys;
  std::vector<AttributeKey> edge_keys;
  std::vector<GraphElement> nodes;  // sources, then claims, then entities, each in casefile order
  std::vector<GraphElement> edges;  // in Boost.Graph edge order (by tail vertex, then insertion)
};

// REQUIRES: scores, when not null, was computed by Score(graph).
AttributedGraph BuildAttributedGraph(const ProvenanceGraph& graph, const CorroborationResult* scores);

}  // namespace claimgraph::exporting

#endif  // CLAIMGRAPH_EXPORT_ATTRIBUTED_GRAPH_H_
