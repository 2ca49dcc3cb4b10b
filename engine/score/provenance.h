// Internal to the score layer: provenance tracing (issue 3, item 1). Each assertion is
// followed upstream, through the speaker it is attributed to and the citations of its
// source, to the sources or entities where the claim starts: its origins.
//
// The rule, for an assertion A of claim C made by source S:
//   1. A speaker entity E ("the ministry said") is an origin of A, reached via the speaker.
//   2. A speaker source T ("TASS reported") is followed: if T itself asserts C (any stance),
//      A's origins include T's origins for C; otherwise T is an origin (the casefile does
//      not record where T got it). A source named as its own speaker counts as its own voice.
//   3. Every source T that S cites and that asserts C (any stance) is followed the same way:
//      S took the claim from T. Cited sources that do not carry C are not followed (S cited
//      them for something else).
//   4. If none of the above applies (own voice, and no cited source carries C), S is the
//      origin: a report that speaks in its own voice and cites nothing relevant.
// The origins of a source T for C are the union of the origins of T's assertions of C.
// Citation cycles are rejected by the loader; a cycle met anyway is cut (the hop that
// would close it is skipped), and an assertion left with no origin becomes its own origin.
#ifndef CLAIMGRAPH_SCORE_PROVENANCE_H_
#define CLAIMGRAPH_SCORE_PROVENANCE_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"

namespace claimgraph::score {

// Orders node references by kind, then index (sources, claims, entities).
inline bool NodeLess(NodeRef a, NodeRef b) {
  return a.kind != b.kind ? a.kind < b.kind : a.index < b.index;
}

// An origin reached by tracing, and the source that vouches for it: the origin itself when
// it is a source, else the source that attributes the claim to the entity. When several
// paths reach the same origin the voucher with the highest trust is kept (ties: lowest index).
struct OriginHit {
  NodeRef origin;
  Index voucher = kNoIndex;
};

// Traces the assertions of one claim at a time. Results are memoised per claim, so that
// the cost of a claim is linear in its assertions and the citations leaving their sources.
// The walk keeps its own stack (no recursion), so a citation or speaker chain of any length
// is traced in constant call depth; an origin set that is passed on unchanged (a chain, or
// the sources above a wide fan-in) is shared, not copied, so memory stays linear too.
class ClaimTracer {
 public:
  // `trust` ranks vouchers (indexed like graph.sources()); it may be empty (all equal).
  // REQUIRES: graph and trust outlive the tracer.
  ClaimTracer(const ProvenanceGraph& graph, std::span<const double> trust);

  // Starts on `claim`, forgetting the previous claim's results.
  void Reset(Index claim);
  Index claim() const { return claim_; }

  // The origins of one assertion of the current claim, sorted by NodeLess, one per origin.
  // The reference is valid until the next call on the tracer.
  // REQUIRES: graph.assertions()[assertion].claim == claim()
  const std::vector<OriginHit>& Origins(Index assertion);

  // One chain per origin of the assertion, in the order of Origins(): the first path found
  // (speaker before citations, citations in casefile order).
  // REQUIRES: graph.assertions()[assertion].claim == claim()
  std::vector<ProvenanceChain> Chains(Index assertion);
  // The chain from the assertion to one of its origins (the one Chains() gives for it).
  // REQUIRES: as Chains(), and `origin` is among Origins(assertion)
  ProvenanceChain ChainTo(Index assertion, NodeRef origin);

 private:
  enum State : uint8_t { kUnvisited, kInProgress, kDone };
  static constexpr uint32_t kNoSet = UINT32_MAX;

  // Position of `source` among the claim's sources, or kNoIndex when it does not assert it.
  Index LocalSource(Index source) const;
  Index LocalAssertion(Index assertion) const;
  // Traces the local assertion (and everything it depends on) with an explicit stack.
  uint32_t TraceAssertionSet(Index local_assertion);
  double TrustOf(Index source) const;
  bool Contains(uint32_t set, NodeRef origin) const;
  uint32_t NewSet();
  // Appends to `steps` the path from local assertion `local` to `origin`.
  void Walk(Index local, NodeRef origin, std::vector<ChainStep>& steps);
  // The first citation of `source` (local `local_source`) whose cited source's origins hold
  // `origin`, or kNoIndex. A source citing many others gets an index, built on first use,
  // so that the chains of a wide fan-in cost n log n, not n per chain.
  Index FirstCitationTo(Index source, NodeRef origin);

  const ProvenanceGraph& graph_;
  std::span<const double> trust_;
  Index claim_ = kNoIndex;
  // The claim's assertions sorted by (source, assertion index); sources_ lists the distinct
  // sources, and source_begin_[i] is the first of source i's assertions in assertions_.
  std::vector<Index> assertions_;
  std::vector<Index> sources_;
  std::vector<uint32_t> source_begin_;
  std::vector<State> assertion_state_, source_state_;
  // Origin sets live in sets_ (the first set_count_ are in use; the rest keep their
  // capacity between claims); each assertion and source names its set.
  std::vector<uint32_t> assertion_set_, source_set_;
  std::vector<std::vector<OriginHit>> sets_;
  size_t set_count_ = 0;
  // The walk's stack and the origins its frames have collected so far (see provenance.cpp).
  struct Frame {
    bool is_source;      // a source of the claim, or one of its assertions
    Index local;         // its local position
    int32_t next;        // the next dependency: -1 the speaker, then citations or assertions
    uint32_t collected;  // where its origins start in collected_
    uint32_t only_set;   // while it has one contributed set and nothing else: that set
    bool mixed;          // it has more than that set: its origins are all in collected_
    bool followed;       // an assertion: the claim was traced further upstream
  };
  std::vector<Frame> stack_;
  std::vector<OriginHit> collected_;
  // Per source with many citations: (origin, first citation reaching it), sorted by origin.
  std::unordered_map<Index, std::vector<std::pair<NodeRef, Index>>> first_citation_;
};

// The chains of one assertion, traced on its own (for explanations and tests).
std::vector<ProvenanceChain> TraceAssertion(const ProvenanceGraph& graph, Index assertion);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_PROVENANCE_H_
