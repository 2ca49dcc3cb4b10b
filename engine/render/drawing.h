// The picture before Graphviz sees it: named nodes, edges and clusters, each with Graphviz
// attributes whose values are already in Graphviz's own escaped form (see escape.h). Both
// the DOT text writer (dot_writer.h) and the in-process layout (graphviz_adapter.h) read
// this one structure, so the .dot file and the rendered image can never disagree.
#ifndef CLAIMGRAPH_RENDER_DRAWING_H_
#define CLAIMGRAPH_RENDER_DRAWING_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph::render {

// One Graphviz attribute. `name` is a string literal ("label", "color"); `value` is what
// cgraph stores: an escString for labels, tooltips, URLs and ids (escape.h), plain otherwise.
struct Attribute {
  const char* name;
  std::string value;
  friend bool operator==(const Attribute& a, const Attribute& b) {
    return std::strcmp(a.name, b.name) == 0 && a.value == b.value;
  }
};
using Attributes = std::vector<Attribute>;

// Sets `name` to `value`, replacing an earlier value: an attribute appears once per object.
inline void SetAttribute(Attributes& attributes, const char* name, std::string value) {
  for (Attribute& attribute : attributes) {
    if (std::strcmp(attribute.name, name) == 0) {
      attribute.value = std::move(value);
      return;
    }
  }
  attributes.push_back({name, std::move(value)});
}

inline constexpr uint32_t kNoCluster = UINT32_MAX;

struct DrawNode {
  std::string name;                // the DOT node name: short and safe ("s0", "c3", "e1")
  uint32_t cluster = kNoCluster;   // index into Drawing::clusters
  Attributes attributes;
};

struct DrawEdge {
  uint32_t tail = 0;  // indices into Drawing::nodes
  uint32_t head = 0;
  Attributes attributes;
};

// A Graphviz cluster: a subgraph whose name starts with "cluster" and is drawn as a box.
struct DrawCluster {
  std::string name;
  Attributes attributes;
};

struct Drawing {
  std::string name = "claimgraph";
  Attributes graph_attributes;
  Attributes node_defaults;   // `node [...]`: what a node attribute is when a node omits it
  Attributes edge_defaults;   // `edge [...]`
  std::vector<DrawCluster> clusters;
  std::vector<DrawNode> nodes;
  std::vector<DrawEdge> edges;
  // Nodes that are part of the picture's data (not the legend): what --max-nodes counts.
  size_t data_node_count = 0;
};

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_DRAWING_H_
