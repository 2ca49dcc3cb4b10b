// The provenance graph as a Boost.Graph bidirectional adjacency_list, for the algorithms
// Boost.Graph provides (depth-first search for citation cycles, breadth-first
// neighbourhoods, filtered views by edge kind). Kept out of graph.h because it is heavy.
#ifndef CLAIMGRAPH_BOOST_GRAPH_H_
#define CLAIMGRAPH_BOOST_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>

#include "claimgraph/model.h"

namespace claimgraph {

enum class EdgeKind : uint8_t {
  kAssertion,     // source -> claim; record: the assertion
  kAttribution,   // source -> speaker (source or entity); record: the assertion
  kCitation,      // citing source -> cited source; record: the citation
  kPublisher,     // source -> entity
  kControlledBy,  // entity -> controlling entity
  kAbout,         // claim -> entity
  kExcludes,      // claim -> claim, once per pair as written
};
std::string_view Name(EdgeKind kind);

struct VertexProperties {
  NodeRef node;
};
struct EdgeProperties {
  EdgeKind kind = EdgeKind::kAssertion;
  Index record = kNoIndex;  // assertion or citation index; kNoIndex for the other kinds
};

using BoostAdjacency = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                             VertexProperties, EdgeProperties, boost::no_property,
                                             boost::vecS>;
using Vertex = BoostAdjacency::vertex_descriptor;

// Vertices are numbered sources first, then claims, then entities.
struct BoostGraph {
  BoostAdjacency graph;
  size_t source_count = 0;
  size_t claim_count = 0;

  Vertex VertexOf(NodeRef node) const {
    switch (node.kind) {
      case NodeKind::kSource: return node.index;
      case NodeKind::kClaim: return source_count + node.index;
      case NodeKind::kEntity: return source_count + claim_count + node.index;
    }
    return node.index;
  }
  NodeRef NodeAt(Vertex vertex) const { return graph[vertex].node; }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_BOOST_GRAPH_H_
