// Who controls whom: `controlled_by` followed transitively, computed once per graph and
// shared by every question asked of it (issue 8, item 4). An entity counts as controlling
// itself; a source is controlled by its publisher and the publisher's controllers.
//
// The closure is never copied per entity. The control graph is first condensed into its
// strongly connected components (a cycle of `controlled_by` makes its entities control one
// another: they act as one controller). When every component has at most one controlling
// component, the usual case (a group, its outlets, their desks), the condensation is a
// forest: two entities share a controller exactly when they share a root, "is controlled
// by" is an ancestor test, and the controllers common to several entities are the
// ancestors of their lowest common ancestor; ancestors are found by binary lifting
// (M. A. Bender and M. Farach-Colton, "The LCA problem revisited", LATIN 2000), so each
// question costs O(log depth) and the index O(n log depth). Only a condensation with an
// entity under two separate controllers falls back to one sorted closure per entity.
#ifndef CLAIMGRAPH_MODEL_CONTROL_INDEX_H_
#define CLAIMGRAPH_MODEL_CONTROL_INDEX_H_

#include <span>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph {

class ControlIndex {
 public:
  explicit ControlIndex(const ProvenanceGraph& graph);

  // Keys such that two origins (sources or entities) share a controlling entity exactly
  // when they share a key; empty for a source without a publisher, and for a claim.
  std::span<const Index> JoinKeys(NodeRef origin) const;
  // The entity that controls the most of `origins` (ties: the lowest index), or kNoIndex
  // when no entity controls two of them.
  Index JoiningController(std::span<const NodeRef> origins) const;
  // Whether `origin` is, or is controlled by, entity `controller`.
  bool ControlledBy(NodeRef origin, Index controller) const;
  // Whether `origin` is, or is controlled by, an entity that `claim` is about.
  bool HasStake(NodeRef origin, const Claim& claim) const;

 private:
  Index EntityOf(NodeRef origin) const;  // itself, a source's publisher, or kNoIndex
  uint32_t Lift(uint32_t component, uint32_t steps) const;
  uint32_t CommonAncestor(uint32_t a, uint32_t b) const;

  std::vector<Index> publisher_of_source_;  // kNoIndex when unknown
  bool forest_ = true;
  // The forest form, over components of the condensation.
  std::vector<uint32_t> component_of_entity_;
  std::vector<Index> root_key_of_entity_;    // the lowest entity index of its root component
  std::vector<uint32_t> depth_;              // per component; roots have depth 0
  std::vector<Index> lowest_on_path_;        // lowest entity index in the component and above
  std::vector<std::vector<uint32_t>> up_;    // up_[k][c]: the 2^k-th ancestor (a root: itself)
  // The fallback: entity e's closure is closure_[offsets_[e], offsets_[e+1]), sorted.
  std::vector<uint32_t> offsets_;
  std::vector<Index> closure_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_CONTROL_INDEX_H_
