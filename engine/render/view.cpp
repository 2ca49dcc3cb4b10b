#include "render/view.h"

#include <deque>

namespace claimgraph::render {
namespace {

std::vector<char>& Slot(View& view, NodeKind kind) {
  switch (kind) {
    case NodeKind::kSource: return view.sources;
    case NodeKind::kClaim: return view.claims;
    case NodeKind::kEntity: return view.entities;
  }
  return view.entities;
}

void Show(View& view, NodeRef node) { Slot(view, node.kind)[node.index] = 1; }

// A claim's provenance: the claim, the entities it is about, every source that asserts it
// (for, against or reporting),
// and from each of those the chain of citations and attributions back to the origins
// (followed to the end: the origins are the point of the view), plus the publishers.
void SelectClaimProvenance(const ProvenanceGraph& graph, Index claim, View& view) {
  Show(view, {NodeKind::kClaim, claim});
  for (Index entity : graph.claims()[claim].about) Show(view, {NodeKind::kEntity, entity});
  std::deque<Index> pending;  // sources whose citations are still to follow
  const auto reach_source = [&](Index source) {
    if (!view.sources[source]) pending.push_back(source);
    view.sources[source] = 1;
  };
  for (Index assertion : graph.AssertionsOfClaim(claim)) {
    const Assertion& record = graph.assertions()[assertion];
    reach_source(record.source);
    if (record.speaker.valid()) {
      if (record.speaker.kind == NodeKind::kSource) reach_source(record.speaker.index);
      else Show(view, record.speaker);
    }
  }
  while (!pending.empty()) {
    const Index source = pending.front();
    pending.pop_front();
    for (Index citation : graph.CitationsFrom(source)) reach_source(graph.citations()[citation].to);
  }
  for (Index source = 0; source < view.sources.size(); ++source) {
    const Index publisher = graph.sources()[source].publisher;
    if (view.sources[source] && publisher != kNoIndex) Show(view, {NodeKind::kEntity, publisher});
  }
}

// Breadth-first over the Boost.Graph form, following edges in both directions.
void SelectNeighbourhood(const ProvenanceGraph& graph, NodeRef center, int depth, View& view) {
  const BoostGraph& boost_graph = graph.boost_graph();
  const BoostAdjacency& adjacency = boost_graph.graph;
  std::vector<int> distance(boost::num_vertices(adjacency), -1);
  std::deque<Vertex> queue;
  const Vertex start = boost_graph.VertexOf(center);
  distance[start] = 0;
  queue.push_back(start);
  const auto visit = [&](Vertex from, Vertex to) {
    if (distance[to] >= 0) return;
    distance[to] = distance[from] + 1;
    queue.push_back(to);
  };
  while (!queue.empty()) {
    const Vertex vertex = queue.front();
    queue.pop_front();
    Show(view, boost_graph.NodeAt(vertex));
    if (distance[vertex] == depth) continue;
    for (auto [edge, end] = boost::out_edges(vertex, adjacency); edge != end; ++edge) {
      visit(vertex, boost::target(*edge, adjacency));
    }
    for (auto [edge, end] = boost::in_edges(vertex, adjacency); edge != end; ++edge) {
      visit(vertex, boost::source(*edge, adjacency));
    }
  }
}

}  // namespace

bool View::Shows(NodeRef node) const {
  switch (node.kind) {
    case NodeKind::kSource: return !claims_only && sources[node.index] != 0;
    case NodeKind::kClaim: return claims[node.index] != 0;
    case NodeKind::kEntity: return !claims_only && entities[node.index] != 0;
  }
  return false;
}

size_t View::NodeCount() const {
  size_t count = 0;
  for (char shown : claims) count += shown;
  if (claims_only) return count;
  for (char shown : sources) count += shown;
  for (char shown : entities) count += shown;
  return count;
}

bool View::ShowsEdge(const ProvenanceGraph& graph, NodeRef tail, NodeRef head,
                     const EdgeProperties& edge) const {
  if (!Shows(tail) || !Shows(head)) return false;
  if (claims_only) return edge.kind == EdgeKind::kExcludes;
  if (edge.kind == EdgeKind::kAttribution) {
    return claims[graph.assertions()[edge.record].claim] != 0;
  }
  return true;
}

Result<View> SelectView(const ProvenanceGraph& graph, const RenderOptions& options) {
  View view;
  view.claims_only = options.claims_only;
  const bool whole = options.focus.empty();
  view.sources.assign(graph.sources().size(), whole);
  view.claims.assign(graph.claims().size(), whole);
  view.entities.assign(graph.entities().size(), whole);
  if (whole) return view;
  std::optional<NodeRef> center = graph.Find(options.focus);
  if (!center) {
    return Status::Error("claimgraph render: --focus '" + options.focus +
                         "' is not the id of a source, claim or entity in the casefiles");
  }
  if (center->kind == NodeKind::kClaim) {
    // The evidence against the claim too: each claim that excludes it (its support counts
    // against this one), with its provenance, which also holds what refutes it (evidence
    // for this one). Without them a contested verdict would show only one side.
    SelectClaimProvenance(graph, center->index, view);
    for (Index competing : graph.claims()[center->index].excludes) SelectClaimProvenance(graph, competing, view);
  } else {
    SelectNeighbourhood(graph, *center, options.depth, view);
  }
  return view;
}

}  // namespace claimgraph::render
