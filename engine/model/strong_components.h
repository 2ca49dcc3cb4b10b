// Strongly connected components of a directed graph on vertices [0, n) given as compressed
// rows (successors of v are targets[offsets[v], offsets[v+1])), by Tarjan's algorithm
// (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2),
// 1972) on an explicit stack: linear time, and constant call depth whatever the graph, so
// that a chain of a million `controlled_by` links or speakers cannot overflow the stack.
#ifndef CLAIMGRAPH_MODEL_STRONG_COMPONENTS_H_
#define CLAIMGRAPH_MODEL_STRONG_COMPONENTS_H_

#include <cstdint>
#include <span>
#include <vector>

namespace claimgraph {

struct StrongComponents {
  // component[v]: v's component. Components are numbered in the order Tarjan's algorithm
  // completes them, which is a reverse topological order: an edge u -> v between two
  // components has component[v] < component[u].
  std::vector<uint32_t> component;
  uint32_t count = 0;
  // Whether the component has a cycle: more than one vertex, or a vertex with an edge to
  // itself.
  std::vector<uint8_t> cyclic;
};

// Vertices are visited as roots in increasing order, successors in row order, so the
// numbering is deterministic. REQUIRES: offsets.size() == n + 1, every target < n.
StrongComponents FindStrongComponents(std::span<const uint32_t> offsets,
                                      std::span<const uint32_t> targets);

// A shortest cycle through `start` inside its component (start first, not repeated at the
// end), found by breadth-first search; empty when the component is not cyclic.
std::vector<uint32_t> CycleThrough(std::span<const uint32_t> offsets, std::span<const uint32_t> targets,
                                   const StrongComponents& components, uint32_t start);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_STRONG_COMPONENTS_H_
