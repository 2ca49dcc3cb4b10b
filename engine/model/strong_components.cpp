#include "model/strong_components.h"

#include <algorithm>
#include <unordered_map>

namespace claimgraph {

StrongComponents FindStrongComponents(std::span<const uint32_t> offsets,
                                      std::span<const uint32_t> targets) {
  const uint32_t n = offsets.empty() ? 0 : static_cast<uint32_t>(offsets.size() - 1);
  constexpr uint32_t kUnvisited = UINT32_MAX;
  StrongComponents result;
  result.component.assign(n, kUnvisited);
  std::vector<uint32_t> order(n, kUnvisited), low(n, 0);
  std::vector<uint8_t> on_stack(n, 0);
  std::vector<uint32_t> members;                     // Tarjan's stack of open vertices
  std::vector<std::pair<uint32_t, uint32_t>> calls;  // (vertex, next successor position)
  uint32_t next_order = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (order[root] != kUnvisited) continue;
    calls.emplace_back(root, offsets[root]);
    order[root] = low[root] = next_order++;
    members.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      auto& [vertex, next] = calls.back();
      if (next < offsets[vertex + 1]) {
        const uint32_t target = targets[next++];
        if (order[target] == kUnvisited) {
          order[target] = low[target] = next_order++;
          members.push_back(target);
          on_stack[target] = 1;
          calls.emplace_back(target, offsets[target]);
        } else if (on_stack[target]) {
          low[vertex] = std::min(low[vertex], order[target]);
        }
        continue;
      }
      const uint32_t done = vertex;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
      if (low[done] != order[done]) continue;
      // `done` is the root of a component: everything above it on the stack belongs to it.
      const uint32_t id = result.count++;
      bool cyclic = false;
      while (true) {
        const uint32_t member = members.back();
        members.pop_back();
        on_stack[member] = 0;
        result.component[member] = id;
        if (member != done) cyclic = true;
        if (member == done) break;
      }
      if (!cyclic) {
        for (uint32_t i = offsets[done]; i < offsets[done + 1]; ++i) cyclic |= targets[i] == done;
      }
      result.cyclic.push_back(cyclic ? 1 : 0);
    }
  }
  return result;
}

std::vector<uint32_t> CycleThrough(std::span<const uint32_t> offsets, std::span<const uint32_t> targets,
                                   const StrongComponents& components, uint32_t start) {
  const uint32_t component = components.component[start];
  if (!components.cyclic[component]) return {};
  // Parents only for the vertices reached: the component may be small in a large graph.
  std::unordered_map<uint32_t, uint32_t> parent{{start, start}};
  std::vector<uint32_t> queue{start};
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t vertex = queue[head];
    for (uint32_t i = offsets[vertex]; i < offsets[vertex + 1]; ++i) {
      const uint32_t target = targets[i];
      if (components.component[target] != component) continue;
      if (target == start) {
        std::vector<uint32_t> cycle;
        for (uint32_t at = vertex; at != start; at = parent[at]) cycle.push_back(at);
        cycle.push_back(start);
        std::reverse(cycle.begin(), cycle.end());
        return cycle;
      }
      if (parent.emplace(target, vertex).second) queue.push_back(target);
    }
  }
  return {};
}

}  // namespace claimgraph
