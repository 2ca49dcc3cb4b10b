// The provenance graph: the loaded records plus the adjacency that every later layer walks.
// Built once from resolved CaseData and read-only afterwards. The adjacency views below are
// compressed sparse rows (one offset array, one index array per relation), which cost 4
// bytes per edge and are what the scorers iterate; the Boost.Graph form of the same graph
// (claimgraph/boost_graph.h) is there for the graph algorithms and the exports and renders
// that walk every edge. It costs about 60 bytes per edge, so it is built on first use:
// loading and scoring never pay for it.
#ifndef CLAIMGRAPH_GRAPH_H_
#define CLAIMGRAPH_GRAPH_H_

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"

namespace claimgraph {

struct BoostGraph;  // claimgraph/boost_graph.h

// One relation from records of one kind to records of another, as compressed sparse rows.
class Adjacency {
 public:
  Adjacency() = default;
  // Builds rows [0, row_count) from (row, value) pairs; within a row, values keep the order
  // in which the pairs were given.
  static Adjacency FromPairs(size_t row_count, const std::vector<std::pair<Index, Index>>& pairs);
  // The same from `item_count` items without materialising the pairs: `row_of(i)` is item
  // i's row, or kNoIndex to leave it out, and the value stored is i itself.
  template <typename RowOf>
  static Adjacency FromItems(size_t row_count, size_t item_count, RowOf row_of);
  // REQUIRES: row < row_count()
  std::span<const Index> operator[](size_t row) const {
    return {values_.data() + offsets_[row], values_.data() + offsets_[row + 1]};
  }
  size_t row_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }

 private:
  std::vector<uint32_t> offsets_;
  std::vector<Index> values_;
};

class ProvenanceGraph {
 public:
  // REQUIRES: every index in `data` is valid (the loader and importers guarantee it).
  explicit ProvenanceGraph(CaseData data);
  ~ProvenanceGraph();
  ProvenanceGraph(ProvenanceGraph&&) noexcept;
  ProvenanceGraph& operator=(ProvenanceGraph&&) noexcept;

  const CaseData& data() const { return data_; }
  const std::vector<Source>& sources() const { return data_.sources; }
  const std::vector<Claim>& claims() const { return data_.claims; }
  const std::vector<Entity>& entities() const { return data_.entities; }
  const std::vector<Assertion>& assertions() const { return data_.assertions; }
  const std::vector<Citation>& citations() const { return data_.citations; }
  const std::vector<Verdict>& verdicts() const { return data_.verdicts; }

  // The record with this id, of any kind.
  std::optional<NodeRef> Find(std::string_view id) const;
  std::string_view Id(NodeRef node) const;
  // A short human label: a source's title, a claim's text, an entity's name.
  std::string_view Label(NodeRef node) const;

  // Adjacency, all indices into the vectors above.
  std::span<const Index> AssertionsOfClaim(Index claim) const { return assertions_of_claim_[claim]; }
  std::span<const Index> AssertionsOfSource(Index source) const { return assertions_of_source_[source]; }
  std::span<const Index> CitationsFrom(Index source) const { return citations_from_[source]; }
  std::span<const Index> CitationsTo(Index source) const { return citations_to_[source]; }
  std::span<const Index> SourcesPublishedBy(Index entity) const { return sources_of_publisher_[entity]; }
  // Entities that name `entity` in their controlled_by (the inverse of Entity::controlled_by).
  std::span<const Index> EntitiesControlledBy(Index entity) const { return controlled_[entity]; }
  std::span<const Index> ClaimsAbout(Index entity) const { return claims_about_[entity]; }
  // Assertions whose speaker is this node.
  std::span<const Index> AssertionsAttributedTo(NodeRef speaker) const;
  // The verdicts recorded on a claim (usually zero or one).
  std::span<const Index> VerdictsOfClaim(Index claim) const { return verdicts_of_claim_[claim]; }

  // The graph as a Boost.Graph adjacency_list: vertices are all sources, claims, entities.
  // Built on the first call (thread-safe), then kept.
  const BoostGraph& boost_graph() const;

 private:
  struct BoostGraphCache;  // the Boost.Graph form once built, and the flag that builds it once

  // Every id with its record, sorted by id (24 bytes a record, where a hash map of nodes
  // took about 60), built by the first Find: only commands that take an id look one up,
  // and sorting a million ids was 9% of `score` at a million assertions.
  struct IdIndexCache;

  CaseData data_;
  std::unique_ptr<IdIndexCache> id_index_cache_;
  Adjacency assertions_of_claim_, assertions_of_source_, citations_from_, citations_to_,
      sources_of_publisher_, controlled_, claims_about_, verdicts_of_claim_,
      attributed_to_source_, attributed_to_entity_;
  std::unique_ptr<BoostGraphCache> boost_graph_cache_;
};

template <typename RowOf>
Adjacency Adjacency::FromItems(size_t row_count, size_t item_count, RowOf row_of) {
  // Counting sort in two passes over the items: stable, linear, no per-row allocation.
  Adjacency adjacency;
  adjacency.offsets_.assign(row_count + 1, 0);
  for (size_t i = 0; i < item_count; ++i) {
    const Index row = row_of(i);
    if (row != kNoIndex) ++adjacency.offsets_[row + 1];
  }
  for (size_t row = 0; row < row_count; ++row) adjacency.offsets_[row + 1] += adjacency.offsets_[row];
  adjacency.values_.resize(adjacency.offsets_[row_count]);
  std::vector<uint32_t> next(adjacency.offsets_.begin(), adjacency.offsets_.end() - 1);
  for (size_t i = 0; i < item_count; ++i) {
    const Index row = row_of(i);
    if (row != kNoIndex) adjacency.values_[next[row]++] = static_cast<Index>(i);
  }
  return adjacency;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_H_
