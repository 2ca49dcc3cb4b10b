#include "claimgraph/graph.h"

#include <algorithm>
#include <mutex>

#include "claimgraph/boost_graph.h"

namespace claimgraph {

Adjacency Adjacency::FromPairs(size_t row_count, const std::vector<std::pair<Index, Index>>& pairs) {
  // Counting sort: stable, linear, and no per-row allocation.
  Adjacency adjacency;
  adjacency.offsets_.assign(row_count + 1, 0);
  for (const auto& [row, value] : pairs) ++adjacency.offsets_[row + 1];
  for (size_t row = 0; row < row_count; ++row) {
    adjacency.offsets_[row + 1] += adjacency.offsets_[row];
  }
  adjacency.values_.resize(pairs.size());
  std::vector<uint32_t> next(adjacency.offsets_.begin(), adjacency.offsets_.end() - 1);
  for (const auto& [row, value] : pairs) adjacency.values_[next[row]++] = value;
  return adjacency;
}

namespace {

using Pairs = std::vector<std::pair<Index, Index>>;

std::unique_ptr<BoostGraph> BuildBoostGraph(const CaseData& data) {
  auto result = std::make_unique<BoostGraph>();
  result->source_count = data.sources.size();
  result->claim_count = data.claims.size();
  BoostAdjacency& graph = result->graph;
  const size_t vertex_count = data.sources.size() + data.claims.size() + data.entities.size();
  graph = BoostAdjacency(vertex_count);
  for (Index i = 0; i < data.sources.size(); ++i) graph[i].node = {NodeKind::kSource, i};
  for (Index i = 0; i < data.claims.size(); ++i) {
    graph[result->VertexOf({NodeKind::kClaim, i})].node = {NodeKind::kClaim, i};
  }
  for (Index i = 0; i < data.entities.size(); ++i) {
    graph[result->VertexOf({NodeKind::kEntity, i})].node = {NodeKind::kEntity, i};
  }
  auto source = [&](Index i) { return result->VertexOf({NodeKind::kSource, i}); };
  auto claim = [&](Index i) { return result->VertexOf({NodeKind::kClaim, i}); };
  auto entity = [&](Index i) { return result->VertexOf({NodeKind::kEntity, i}); };

  for (Index i = 0; i < data.assertions.size(); ++i) {
    const Assertion& assertion = data.assertions[i];
    boost::add_edge(source(assertion.source), claim(assertion.claim),
                    EdgeProperties{EdgeKind::kAssertion, i}, graph);
    if (assertion.speaker.valid()) {
      boost::add_edge(source(assertion.source), result->VertexOf(assertion.speaker),
                      EdgeProperties{EdgeKind::kAttribution, i}, graph);
    }
  }
  for (Index i = 0; i < data.citations.size(); ++i) {
    boost::add_edge(source(data.citations[i].from), source(data.citations[i].to),
                    EdgeProperties{EdgeKind::kCitation, i}, graph);
  }
  for (Index i = 0; i < data.sources.size(); ++i) {
    if (data.sources[i].publisher != kNoIndex) {
      boost::add_edge(source(i), entity(data.sources[i].publisher),
                      EdgeProperties{EdgeKind::kPublisher, kNoIndex}, graph);
    }
  }
  for (Index i = 0; i < data.entities.size(); ++i) {
    for (Index controller : data.entities[i].controlled_by) {
      boost::add_edge(entity(i), entity(controller),
                      EdgeProperties{EdgeKind::kControlledBy, kNoIndex}, graph);
    }
  }
  for (Index i = 0; i < data.claims.size(); ++i) {
    for (Index about : data.claims[i].about) {
      boost::add_edge(claim(i), entity(about), EdgeProperties{EdgeKind::kAbout, kNoIndex}, graph);
    }
    for (Index other : data.claims[i].excludes) {
      // Exclusion is symmetric after loading; draw each pair once.
      if (i < other) {
        boost::add_edge(claim(i), claim(other), EdgeProperties{EdgeKind::kExcludes, kNoIndex}, graph);
      }
    }
  }
  return result;
}

}  // namespace

struct ProvenanceGraph::BoostGraphCache {
  std::once_flag built;
  std::unique_ptr<BoostGraph> graph;
};

struct ProvenanceGraph::IdIndexCache {
  std::once_flag built;
  std::vector<std::pair<std::string_view, NodeRef>> by_id;
};

ProvenanceGraph::ProvenanceGraph(CaseData data)
    : data_(std::move(data)),
      id_index_cache_(std::make_unique<IdIndexCache>()),
      boost_graph_cache_(std::make_unique<BoostGraphCache>()) {
  const std::vector<Assertion>& assertions = data_.assertions;
  assertions_of_claim_ = Adjacency::FromItems(data_.claims.size(), assertions.size(),
                                              [&](size_t i) { return assertions[i].claim; });
  assertions_of_source_ = Adjacency::FromItems(data_.sources.size(), assertions.size(),
                                               [&](size_t i) { return assertions[i].source; });
  const auto speaker_of_kind = [&](NodeKind kind) {
    return [&assertions, kind](size_t i) {
      const NodeRef speaker = assertions[i].speaker;
      return speaker.valid() && speaker.kind == kind ? speaker.index : kNoIndex;
    };
  };
  attributed_to_source_ = Adjacency::FromItems(data_.sources.size(), assertions.size(),
                                               speaker_of_kind(NodeKind::kSource));
  attributed_to_entity_ = Adjacency::FromItems(data_.entities.size(), assertions.size(),
                                               speaker_of_kind(NodeKind::kEntity));

  const std::vector<Citation>& citations = data_.citations;
  citations_from_ = Adjacency::FromItems(data_.sources.size(), citations.size(),
                                         [&](size_t i) { return citations[i].from; });
  citations_to_ = Adjacency::FromItems(data_.sources.size(), citations.size(),
                                       [&](size_t i) { return citations[i].to; });
  sources_of_publisher_ = Adjacency::FromItems(data_.entities.size(), data_.sources.size(),
                                               [&](size_t i) { return data_.sources[i].publisher; });
  verdicts_of_claim_ = Adjacency::FromItems(data_.claims.size(), data_.verdicts.size(),
                                            [&](size_t i) { return data_.verdicts[i].claim; });

  // Entities and claims name many rows each; these relations are small, so pairs will do.
  Pairs controlled, about;
  for (Index i = 0; i < data_.entities.size(); ++i) {
    for (Index controller : data_.entities[i].controlled_by) controlled.emplace_back(controller, i);
  }
  for (Index i = 0; i < data_.claims.size(); ++i) {
    for (Index entity : data_.claims[i].about) about.emplace_back(entity, i);
  }
  controlled_ = Adjacency::FromPairs(data_.entities.size(), controlled);
  claims_about_ = Adjacency::FromPairs(data_.entities.size(), about);
}

ProvenanceGraph::~ProvenanceGraph() = default;
ProvenanceGraph::ProvenanceGraph(ProvenanceGraph&&) noexcept = default;
ProvenanceGraph& ProvenanceGraph::operator=(ProvenanceGraph&&) noexcept = default;

const BoostGraph& ProvenanceGraph::boost_graph() const {
  BoostGraphCache& cache = *boost_graph_cache_;
  std::call_once(cache.built, [&] { cache.graph = BuildBoostGraph(data_); });
  return *cache.graph;
}

std::optional<NodeRef> ProvenanceGraph::Find(std::string_view id) const {
  IdIndexCache& cache = *id_index_cache_;
  std::vector<std::pair<std::string_view, NodeRef>>& by_id = cache.by_id;
  std::call_once(cache.built, [&] {
    by_id.reserve(data_.sources.size() + data_.claims.size() + data_.entities.size());
    for (Index i = 0; i < data_.sources.size(); ++i) by_id.emplace_back(data_.sources[i].id, NodeRef{NodeKind::kSource, i});
    for (Index i = 0; i < data_.claims.size(); ++i) by_id.emplace_back(data_.claims[i].id, NodeRef{NodeKind::kClaim, i});
    for (Index i = 0; i < data_.entities.size(); ++i) by_id.emplace_back(data_.entities[i].id, NodeRef{NodeKind::kEntity, i});
    std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  });
  auto found = std::lower_bound(by_id.begin(), by_id.end(), id,
                                [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (found == by_id.end() || found->first != id) return std::nullopt;
  return found->second;
}

std::string_view ProvenanceGraph::Id(NodeRef node) const {
  switch (node.kind) {
    case NodeKind::kSource: return data_.sources[node.index].id;
    case NodeKind::kClaim: return data_.claims[node.index].id;
    case NodeKind::kEntity: return data_.entities[node.index].id;
  }
  return {};
}

std::string_view ProvenanceGraph::Label(NodeRef node) const {
  switch (node.kind) {
    case NodeKind::kSource: return data_.sources[node.index].title;
    case NodeKind::kClaim: return data_.claims[node.index].text;
    case NodeKind::kEntity: return data_.entities[node.index].name;
  }
  return {};
}

std::span<const Index> ProvenanceGraph::AssertionsAttributedTo(NodeRef speaker) const {
  if (speaker.kind == NodeKind::kSource) return attributed_to_source_[speaker.index];
  if (speaker.kind == NodeKind::kEntity) return attributed_to_entity_[speaker.index];
  return {};
}

}  // namespace claimgraph
