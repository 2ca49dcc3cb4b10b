#include "model/control_index.h"

#include <algorithm>

#include "model/strong_components.h"

namespace claimgraph {

ControlIndex::ControlIndex(const ProvenanceGraph& graph) {
  // Each source's publisher, copied out of the (large) Source records: tracing reads it
  // for every origin, and a compact array keeps those reads in cache.
  publisher_of_source_.reserve(graph.sources().size());
  for (const Source& source : graph.sources()) publisher_of_source_.push_back(source.publisher);
  const std::vector<Entity>& entities = graph.entities();
  const size_t count = entities.size();
  std::vector<uint32_t> offsets(count + 1, 0), targets;
  for (size_t e = 0; e < count; ++e) {
    targets.insert(targets.end(), entities[e].controlled_by.begin(), entities[e].controlled_by.end());
    offsets[e + 1] = static_cast<uint32_t>(targets.size());
  }
  const StrongComponents components = FindStrongComponents(offsets, targets);
  // The condensation: each component's controlling component, if it has exactly one.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> parent(components.count, kNone);
  std::vector<Index> lowest_member(components.count, kNoIndex);
  for (size_t e = 0; e < count && forest_; ++e) {
    const uint32_t own = components.component[e];
    lowest_member[own] = std::min(lowest_member[own], static_cast<Index>(e));
    for (uint32_t i = offsets[e]; i < offsets[e + 1]; ++i) {
      const uint32_t controller = components.component[targets[i]];
      if (controller == own) continue;
      if (parent[own] != kNone && parent[own] != controller) forest_ = false;
      parent[own] = controller;
    }
  }
  if (forest_) {
    // Components are numbered controllers first (Tarjan completes a component after those
    // it reaches), so one pass in increasing order sees every parent before its children.
    component_of_entity_ = components.component;
    depth_.assign(components.count, 0);
    lowest_on_path_.assign(components.count, kNoIndex);
    std::vector<Index> root_key(components.count, kNoIndex);
    uint32_t max_depth = 0;
    up_.emplace_back(components.count);
    for (uint32_t c = 0; c < components.count; ++c) {
      const uint32_t above = parent[c];
      up_[0][c] = above == kNone ? c : above;
      depth_[c] = above == kNone ? 0 : depth_[above] + 1;
      lowest_on_path_[c] = above == kNone ? lowest_member[c] : std::min(lowest_member[c], lowest_on_path_[above]);
      root_key[c] = above == kNone ? lowest_member[c] : root_key[above];
      max_depth = std::max(max_depth, depth_[c]);
    }
    for (uint32_t span = 2; span <= max_depth; span *= 2) {
      const std::vector<uint32_t>& half = up_.back();
      std::vector<uint32_t> level(components.count);
      for (uint32_t c = 0; c < components.count; ++c) level[c] = half[half[c]];
      up_.push_back(std::move(level));
    }
    root_key_of_entity_.resize(count);
    for (size_t e = 0; e < count; ++e) root_key_of_entity_[e] = root_key[components.component[e]];
    return;
  }
  // Breadth-first search from each entity over controlled_by: linear in the closure sizes
  // and safe on control cycles.
  offsets_.assign(count + 1, 0);
  std::vector<uint32_t> seen(count, UINT32_MAX);
  std::vector<Index> queue;
  for (Index start = 0; start < count; ++start) {
    queue.assign(1, start);
    seen[start] = start;
    for (size_t head = 0; head < queue.size(); ++head) {
      for (Index controller : entities[queue[head]].controlled_by) {
        if (seen[controller] == start) continue;
        seen[controller] = start;
        queue.push_back(controller);
      }
    }
    std::sort(queue.begin(), queue.end());
    closure_.insert(closure_.end(), queue.begin(), queue.end());
    offsets_[start + 1] = static_cast<uint32_t>(closure_.size());
  }
}

Index ControlIndex::EntityOf(NodeRef origin) const {
  if (origin.kind == NodeKind::kEntity) return origin.index;
  if (origin.kind == NodeKind::kSource) return publisher_of_source_[origin.index];
  return kNoIndex;
}

uint32_t ControlIndex::Lift(uint32_t component, uint32_t steps) const {
  for (size_t k = 0; steps != 0; ++k, steps >>= 1) {
    if (steps & 1) component = up_[k][component];
  }
  return component;
}

uint32_t ControlIndex::CommonAncestor(uint32_t a, uint32_t b) const {
  if (depth_[a] < depth_[b]) std::swap(a, b);
  a = Lift(a, depth_[a] - depth_[b]);
  if (a == b) return a;
  for (size_t k = up_.size(); k-- > 0;) {
    if (up_[k][a] != up_[k][b]) {
      a = up_[k][a];
      b = up_[k][b];
    }
  }
  return up_[0][a];
}

std::span<const Index> ControlIndex::JoinKeys(NodeRef origin) const {
  const Index entity = EntityOf(origin);
  if (entity == kNoIndex) return {};
  if (forest_) return {&root_key_of_entity_[entity], 1};
  return {closure_.data() + offsets_[entity], closure_.data() + offsets_[entity + 1]};
}

bool ControlIndex::ControlledBy(NodeRef origin, Index controller) const {
  const Index entity = EntityOf(origin);
  if (entity == kNoIndex) return false;
  if (!forest_) {
    return std::binary_search(closure_.begin() + offsets_[entity], closure_.begin() + offsets_[entity + 1],
                              controller);
  }
  const uint32_t below = component_of_entity_[entity], above = component_of_entity_[controller];
  return depth_[below] >= depth_[above] && Lift(below, depth_[below] - depth_[above]) == above;
}

bool ControlIndex::HasStake(NodeRef origin, const Claim& claim) const {
  return std::any_of(claim.about.begin(), claim.about.end(),
                     [&](Index about) { return ControlledBy(origin, about); });
}

Index ControlIndex::JoiningController(std::span<const NodeRef> origins) const {
  if (forest_) {
    // Origins with the same root are all controlled by it; the controllers common to the
    // most of them are then the ancestors of their lowest common ancestor.
    std::vector<std::pair<Index, uint32_t>> by_root;  // (root key, component)
    for (NodeRef origin : origins) {
      const Index entity = EntityOf(origin);
      if (entity != kNoIndex) by_root.emplace_back(root_key_of_entity_[entity], component_of_entity_[entity]);
    }
    std::sort(by_root.begin(), by_root.end());
    Index best = kNoIndex;
    size_t best_count = 1;  // a controller of one origin alone joins nothing
    for (size_t begin = 0, end = 0; begin < by_root.size(); begin = end) {
      uint32_t common = by_root[begin].second;
      for (end = begin + 1; end < by_root.size() && by_root[end].first == by_root[begin].first; ++end) {
        common = CommonAncestor(common, by_root[end].second);
      }
      const Index lowest = lowest_on_path_[common];
      if (end - begin > best_count || (end - begin == best_count && best != kNoIndex && lowest < best)) {
        best = lowest;
        best_count = end - begin;
      }
    }
    return best;
  }
  std::vector<Index> controllers;
  for (NodeRef origin : origins) {
    std::span<const Index> of_origin = JoinKeys(origin);
    controllers.insert(controllers.end(), of_origin.begin(), of_origin.end());
  }
  std::sort(controllers.begin(), controllers.end());
  Index best = kNoIndex;
  size_t best_count = 1;
  for (size_t begin = 0, end = 0; begin < controllers.size(); begin = end) {
    while (end < controllers.size() && controllers[end] == controllers[begin]) ++end;
    if (end - begin > best_count) {
      best = controllers[begin];
      best_count = end - begin;
    }
  }
  return best;
}

}  // namespace claimgraph
