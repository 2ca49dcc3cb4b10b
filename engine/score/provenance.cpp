#include "score/provenance.h"

#include <algorithm>
#include <numeric>

namespace claimgraph::score {

ClaimTracer::ClaimTracer(const ProvenanceGraph& graph, std::span<const double> trust)
    : graph_(graph), trust_(trust) {}

void ClaimTracer::Reset(Index claim) {
  claim_ = claim;
  const std::vector<Assertion>& all = graph_.assertions();
  std::span<const Index> of_claim = graph_.AssertionsOfClaim(claim);
  assertions_.assign(of_claim.begin(), of_claim.end());
  std::sort(assertions_.begin(), assertions_.end(), [&](Index a, Index b) {
    return all[a].source != all[b].source ? all[a].source < all[b].source : a < b;
  });
  sources_.clear();
  source_begin_.clear();
  for (uint32_t i = 0; i < assertions_.size(); ++i) {
    Index source = all[assertions_[i]].source;
    if (sources_.empty() || sources_.back() != source) {
      sources_.push_back(source);
      source_begin_.push_back(i);
    }
  }
  source_begin_.push_back(static_cast<uint32_t>(assertions_.size()));
  assertion_state_.assign(assertions_.size(), kUnvisited);
  source_state_.assign(sources_.size(), kUnvisited);
  assertion_set_.assign(assertions_.size(), kNoSet);
  source_set_.assign(sources_.size(), kNoSet);
  // The sets' capacity is kept between claims: most claims are small, and allocating a
  // fresh vector per assertion was the largest cost of tracing ten million assertions.
  set_count_ = 0;
  first_citation_.clear();
}

Index ClaimTracer::LocalSource(Index source) const {
  auto found = std::lower_bound(sources_.begin(), sources_.end(), source);
  if (found == sources_.end() || *found != source) return kNoIndex;
  return static_cast<Index>(found - sources_.begin());
}

Index ClaimTracer::LocalAssertion(Index assertion) const {
  Index local_source = LocalSource(graph_.assertions()[assertion].source);
  if (local_source == kNoIndex) return kNoIndex;
  auto begin = assertions_.begin() + source_begin_[local_source];
  auto end = assertions_.begin() + source_begin_[local_source + 1];
  auto found = std::lower_bound(begin, end, assertion);  // sorted by index within a source
  if (found == end || *found != assertion) return kNoIndex;
  return static_cast<Index>(found - assertions_.begin());
}

double ClaimTracer::TrustOf(Index source) const {
  return trust_.empty() ? 0.0 : trust_[source];
}

bool ClaimTracer::Contains(uint32_t set, NodeRef origin) const {
  if (set == kNoSet) return false;
  const std::vector<OriginHit>& hits = sets_[set];
  auto found = std::lower_bound(hits.begin(), hits.end(), origin,
                                [](const OriginHit& a, NodeRef b) { return NodeLess(a.origin, b); });
  return found != hits.end() && found->origin == origin;
}

uint32_t ClaimTracer::NewSet() {
  if (set_count_ == sets_.size()) sets_.emplace_back();
  sets_[set_count_].clear();
  return static_cast<uint32_t>(set_count_++);
}

// The depth-first walk of the recursive rule (see provenance.h), on an explicit stack: a
// frame is a source of the claim or one of its assertions, and its dependencies are taken
// in the order the rule names them, so the result is the one the recursion would give. A
// dependency already on the stack is a cycle: it contributes nothing, as if the hop were
// cut. A frame whose only contribution is one finished set takes that set as its own.
uint32_t ClaimTracer::TraceAssertionSet(Index root) {
  if (assertion_state_[root] == kDone) return assertion_set_[root];
  const std::vector<Assertion>& all = graph_.assertions();
  const auto make_mixed = [&](Frame& frame) {
    if (frame.mixed) return;
    frame.mixed = true;
    if (frame.only_set != kNoSet) {
      const std::vector<OriginHit>& only = sets_[frame.only_set];
      collected_.insert(collected_.end(), only.begin(), only.end());
    }
  };
  const auto add = [&](Frame& frame, OriginHit hit) {
    make_mixed(frame);
    collected_.push_back(hit);
  };
  const auto contribute = [&](Frame& frame, uint32_t set) {
    // A source all of whose assertions were cut by a cycle finishes with no set at all.
    if (set == kNoSet || sets_[set].empty()) return;
    if (!frame.mixed && frame.only_set == kNoSet) {
      frame.only_set = set;
      return;
    }
    make_mixed(frame);
    collected_.insert(collected_.end(), sets_[set].begin(), sets_[set].end());
  };
  // Visits a dependency: its finished set now, or its frame pushed (true) to be walked first.
  const auto visit = [&](bool is_source, Index local) {
    State& state = is_source ? source_state_[local] : assertion_state_[local];
    if (state == kInProgress) return false;  // a cycle: cut it
    if (state == kDone) {
      contribute(stack_.back(), is_source ? source_set_[local] : assertion_set_[local]);
      return false;
    }
    state = kInProgress;
    stack_.push_back({is_source, local, is_source ? 0 : -1,
                      static_cast<uint32_t>(collected_.size()), kNoSet, false, false});
    return true;
  };
  stack_.clear();
  collected_.clear();
  assertion_state_[root] = kInProgress;
  stack_.push_back({false, root, -1, 0, kNoSet, false, false});
  while (!stack_.empty()) {
    Frame& frame = stack_.back();
    bool pushed = false;
    if (frame.is_source) {
      const uint32_t begin = source_begin_[frame.local], end = source_begin_[frame.local + 1];
      while (!pushed && begin + static_cast<uint32_t>(frame.next) < end) {
        pushed = visit(false, begin + static_cast<uint32_t>(frame.next++));
      }
    } else {
      const Assertion& assertion = all[assertions_[frame.local]];
      const Index source = assertion.source;
      const bool speaker_is_source = assertion.speaker.valid() &&
                                     assertion.speaker.kind == NodeKind::kSource &&
                                     assertion.speaker.index != source;
      const Index speaker_source = speaker_is_source ? assertion.speaker.index : kNoIndex;
      if (frame.next == -1) {
        frame.next = 0;
        if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kEntity) {
          add(frame, {assertion.speaker, source});
          frame.followed = true;
        } else if (speaker_is_source) {
          frame.followed = true;
          Index local_speaker = LocalSource(speaker_source);
          if (local_speaker == kNoIndex) add(frame, {assertion.speaker, speaker_source});
          else pushed = visit(true, local_speaker);
        }
      }
      std::span<const Index> citations = graph_.CitationsFrom(source);
      while (!pushed && static_cast<size_t>(frame.next) < citations.size()) {
        Index cited = graph_.citations()[citations[static_cast<size_t>(frame.next++)]].to;
        if (cited == speaker_source) continue;
        Index local_cited = LocalSource(cited);
        if (local_cited == kNoIndex) continue;
        stack_.back().followed = true;
        pushed = visit(true, local_cited);
      }
    }
    if (pushed) continue;
    // Every dependency is done: the frame's origins are final.
    Frame done = stack_.back();
    stack_.pop_back();
    const bool empty = !done.mixed && done.only_set == kNoSet;
    if (!done.is_source && (!done.followed || empty)) {
      // Own voice with nothing relevant upstream, or every upstream hop cut by a cycle.
      const Index source = all[assertions_[done.local]].source;
      if (empty) done.mixed = true;
      else make_mixed(done);
      collected_.push_back({{NodeKind::kSource, source}, source});
    }
    uint32_t set = done.only_set;
    if (done.mixed) {
      // Sorted by origin, the best voucher first (highest trust, then lowest index).
      auto begin = collected_.begin() + done.collected;
      std::sort(begin, collected_.end(), [&](const OriginHit& a, const OriginHit& b) {
        if (a.origin != b.origin) return NodeLess(a.origin, b.origin);
        const double trust_a = TrustOf(a.voucher), trust_b = TrustOf(b.voucher);
        return trust_a != trust_b ? trust_a > trust_b : a.voucher < b.voucher;
      });
      set = NewSet();
      std::vector<OriginHit>& hits = sets_[set];
      for (auto it = begin; it != collected_.end(); ++it) {
        if (hits.empty() || hits.back().origin != it->origin) hits.push_back(*it);
      }
      collected_.resize(done.collected);
    }
    (done.is_source ? source_state_ : assertion_state_)[done.local] = kDone;
    (done.is_source ? source_set_ : assertion_set_)[done.local] = set;
    if (!stack_.empty() && set != kNoSet) contribute(stack_.back(), set);
  }
  return assertion_set_[root];
}

const std::vector<OriginHit>& ClaimTracer::Origins(Index assertion) {
  return sets_[TraceAssertionSet(LocalAssertion(assertion))];
}

void ClaimTracer::Walk(Index local, NodeRef origin, std::vector<ChainStep>& steps) {
  // A path never revisits an assertion, so it is at most as long as the claim's assertions.
  for (size_t depth = 0; depth <= assertions_.size(); ++depth) {
    const Assertion& assertion = graph_.assertions()[assertions_[local]];
    // The next hop: the first of the source's assertions whose origins include `origin`.
    Index next = kNoIndex;
    const auto continue_at = [&](Index local_source) {
      for (uint32_t i = source_begin_[local_source]; i < source_begin_[local_source + 1]; ++i) {
        if (assertion_state_[i] == kDone && Contains(assertion_set_[i], origin)) {
          next = i;
          return;
        }
      }
    };
    if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kEntity &&
        assertion.speaker == origin) {
      steps.push_back({origin, ChainStep::Via::kSpeaker});
      return;
    }
    Index speaker_source = kNoIndex;
    bool hopped = false;
    if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource &&
        assertion.speaker.index != assertion.source) {
      speaker_source = assertion.speaker.index;
      Index local_speaker = LocalSource(speaker_source);
      if (local_speaker == kNoIndex && assertion.speaker == origin) {
        steps.push_back({origin, ChainStep::Via::kSpeaker});
        return;
      }
      if (local_speaker != kNoIndex && Contains(source_set_[local_speaker], origin)) {
        steps.push_back({assertion.speaker, ChainStep::Via::kSpeaker});
        continue_at(local_speaker);
        hopped = true;
      }
    }
    if (!hopped) {
      // The citation to the speaker source is skipped by the rule, but it cannot reach
      // `origin` here: the speaker hop above would have been taken.
      const Index citation = FirstCitationTo(assertion.source, origin);
      if (citation != kNoIndex) {
        const Index cited = graph_.citations()[citation].to;
        steps.push_back({{NodeKind::kSource, cited}, ChainStep::Via::kCitation, citation});
        continue_at(LocalSource(cited));
        hopped = true;
      }
    }
    // No hop: the origin is this assertion's own source, and the chain ends here.
    if (!hopped || next == kNoIndex) return;
    local = next;
  }
}

Index ClaimTracer::FirstCitationTo(Index source, NodeRef origin) {
  constexpr size_t kIndexedFrom = 16;  // below this many citations a scan is cheaper
  std::span<const Index> citations = graph_.CitationsFrom(source);
  const auto reaches = [&](Index citation) {
    const Index local_cited = LocalSource(graph_.citations()[citation].to);
    return local_cited != kNoIndex && Contains(source_set_[local_cited], origin);
  };
  // The index is kept only once every cited source of the claim is traced (always, unless
  // a citation cycle cut the walk): a set still to come would make it stale.
  const auto all_traced = [&] {
    for (Index citation : citations) {
      const Index local_cited = LocalSource(graph_.citations()[citation].to);
      if (local_cited != kNoIndex && source_state_[local_cited] != kDone) return false;
    }
    return true;
  };
  if (citations.size() < kIndexedFrom || (!first_citation_.count(source) && !all_traced())) {
    for (Index citation : citations) {
      if (reaches(citation)) return citation;
    }
    return kNoIndex;
  }
  auto [found, inserted] = first_citation_.try_emplace(source);
  std::vector<std::pair<NodeRef, Index>>& index = found->second;
  if (inserted) {
    for (Index citation : citations) {
      const Index local_cited = LocalSource(graph_.citations()[citation].to);
      if (local_cited == kNoIndex || source_set_[local_cited] == kNoSet) continue;
      for (const OriginHit& hit : sets_[source_set_[local_cited]]) index.emplace_back(hit.origin, citation);
    }
    // By origin; the stable sort keeps the citations' order within one origin, and the
    // first of each origin is kept.
    std::stable_sort(index.begin(), index.end(),
                     [](const auto& a, const auto& b) { return NodeLess(a.first, b.first); });
    index.erase(std::unique(index.begin(), index.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                index.end());
  }
  auto at = std::lower_bound(index.begin(), index.end(), origin,
                             [](const auto& entry, NodeRef key) { return NodeLess(entry.first, key); });
  return at != index.end() && at->first == origin ? at->second : kNoIndex;
}

ProvenanceChain ClaimTracer::ChainTo(Index assertion, NodeRef origin) {
  Index local = LocalAssertion(assertion);
  TraceAssertionSet(local);
  ProvenanceChain chain;
  chain.assertion = assertion;
  chain.steps.push_back({{NodeKind::kSource, graph_.assertions()[assertion].source}});
  Walk(local, origin, chain.steps);
  return chain;
}

std::vector<ProvenanceChain> ClaimTracer::Chains(Index assertion) {
  std::vector<NodeRef> origins;
  for (const OriginHit& hit : Origins(assertion)) origins.push_back(hit.origin);
  std::vector<ProvenanceChain> chains;
  chains.reserve(origins.size());
  for (NodeRef origin : origins) chains.push_back(ChainTo(assertion, origin));
  return chains;
}

std::vector<ProvenanceChain> TraceAssertion(const ProvenanceGraph& graph, Index assertion) {
  ClaimTracer tracer(graph, {});
  tracer.Reset(graph.assertions()[assertion].claim);
  return tracer.Chains(assertion);
}

}  // namespace claimgraph::score
