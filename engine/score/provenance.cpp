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
  // Keep the inner vectors' capacity between claims: most claims are small.
  if (assertion_origins_.size() < assertions_.size()) assertion_origins_.resize(assertions_.size());
  if (source_origins_.size() < sources_.size()) source_origins_.resize(sources_.size());
  for (size_t i = 0; i < assertions_.size(); ++i) assertion_origins_[i].clear();
  for (size_t i = 0; i < sources_.size(); ++i) source_origins_[i].clear();
}

Index ClaimTracer::LocalSource(Index source) const {
  auto found = std::lower_bound(sources_.begin(), sources_.end(), source);
  if (found == sources_.end() || *found != source) return kNoIndex;
  return static_cast<Index>(found - sources_.begin());
}

Index ClaimTracer::LocalAssertion(Index assertion) const {
  Index local_source = LocalSource(graph_.assertions()[assertion].source);
  if (local_source == kNoIndex) return kNoIndex;
  for (uint32_t i = source_begin_[local_source]; i < source_begin_[local_source + 1]; ++i) {
    if (assertions_[i] == assertion) return i;
  }
  return kNoIndex;
}

double ClaimTracer::TrustOf(Index source) const {
  return trust_.empty() ? 0.0 : trust_[source];
}

void ClaimTracer::Add(std::vector<OriginHit>& into, OriginHit hit) const {
  auto place = std::lower_bound(into.begin(), into.end(), hit.origin,
                                [](const OriginHit& a, NodeRef b) { return NodeLess(a.origin, b); });
  if (place == into.end() || place->origin != hit.origin) {
    into.insert(place, hit);
    return;
  }
  double old_trust = TrustOf(place->voucher), new_trust = TrustOf(hit.voucher);
  if (new_trust > old_trust || (new_trust == old_trust && hit.voucher < place->voucher)) {
    place->voucher = hit.voucher;
  }
}

void ClaimTracer::Merge(std::vector<OriginHit>& into, const std::vector<OriginHit>& from) const {
  for (const OriginHit& hit : from) Add(into, hit);
}

bool ClaimTracer::Contains(const std::vector<OriginHit>& hits, NodeRef origin) {
  return std::any_of(hits.begin(), hits.end(),
                     [&](const OriginHit& hit) { return hit.origin == origin; });
}

// Both functions below build their answer in place, in the per-claim vectors whose capacity
// Reset keeps: allocating a fresh vector per assertion and per source was the largest cost
// of tracing ten million assertions. While an answer is being built (kInProgress) a cycle
// that reaches it again sees an empty set, as if the hop were cut.
const std::vector<OriginHit>& ClaimTracer::SourceOrigins(Index local_source) {
  static const std::vector<OriginHit> kNone;
  std::vector<OriginHit>& hits = source_origins_[local_source];
  if (source_state_[local_source] == kInProgress) return kNone;  // a cycle: cut it
  if (source_state_[local_source] == kDone) return hits;
  source_state_[local_source] = kInProgress;
  for (uint32_t i = source_begin_[local_source]; i < source_begin_[local_source + 1]; ++i) {
    Merge(hits, AssertionOrigins(i));
  }
  source_state_[local_source] = kDone;
  return hits;
}

const std::vector<OriginHit>& ClaimTracer::AssertionOrigins(Index local) {
  static const std::vector<OriginHit> kNone;
  std::vector<OriginHit>& hits = assertion_origins_[local];
  if (assertion_state_[local] == kInProgress) return kNone;
  if (assertion_state_[local] == kDone) return hits;
  assertion_state_[local] = kInProgress;
  const Assertion& assertion = graph_.assertions()[assertions_[local]];
  const Index source = assertion.source;
  bool followed = false;  // the claim was traced further upstream
  Index speaker_source = kNoIndex;
  if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kEntity) {
    Add(hits, {assertion.speaker, source});
    followed = true;
  } else if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource &&
             assertion.speaker.index != source) {
    speaker_source = assertion.speaker.index;
    Index local_speaker = LocalSource(speaker_source);
    if (local_speaker == kNoIndex) {
      Add(hits, {assertion.speaker, speaker_source});
    } else {
      Merge(hits, SourceOrigins(local_speaker));
    }
    followed = true;
  }
  for (Index citation : graph_.CitationsFrom(source)) {
    Index cited = graph_.citations()[citation].to;
    if (cited == speaker_source) continue;
    Index local_cited = LocalSource(cited);
    if (local_cited == kNoIndex) continue;
    Merge(hits, SourceOrigins(local_cited));
    followed = true;
  }
  // Own voice with nothing relevant upstream, or every upstream hop cut by a cycle.
  if (!followed || hits.empty()) Add(hits, {{NodeKind::kSource, source}, source});
  assertion_state_[local] = kDone;
  return hits;
}

const std::vector<OriginHit>& ClaimTracer::Origins(Index assertion) {
  return AssertionOrigins(LocalAssertion(assertion));
}

void ClaimTracer::Walk(Index local, NodeRef origin, std::vector<ChainStep>& steps, size_t depth) {
  // A path never revisits an assertion, so it is at most as long as the claim's assertions.
  if (depth > assertions_.size()) return;
  const Assertion& assertion = graph_.assertions()[assertions_[local]];
  auto continue_at = [&](Index local_source) {
    for (uint32_t i = source_begin_[local_source]; i < source_begin_[local_source + 1]; ++i) {
      if (assertion_state_[i] == kDone && Contains(assertion_origins_[i], origin)) {
        Walk(i, origin, steps, depth + 1);
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
  if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource &&
      assertion.speaker.index != assertion.source) {
    speaker_source = assertion.speaker.index;
    Index local_speaker = LocalSource(speaker_source);
    if (local_speaker == kNoIndex && assertion.speaker == origin) {
      steps.push_back({origin, ChainStep::Via::kSpeaker});
      return;
    }
    if (local_speaker != kNoIndex && Contains(source_origins_[local_speaker], origin)) {
      steps.push_back({assertion.speaker, ChainStep::Via::kSpeaker});
      continue_at(local_speaker);
      return;
    }
  }
  for (Index citation : graph_.CitationsFrom(assertion.source)) {
    Index cited = graph_.citations()[citation].to;
    if (cited == speaker_source) continue;
    Index local_cited = LocalSource(cited);
    if (local_cited == kNoIndex || !Contains(source_origins_[local_cited], origin)) continue;
    steps.push_back({{NodeKind::kSource, cited}, ChainStep::Via::kCitation, citation});
    continue_at(local_cited);
    return;
  }
  // The origin is this assertion's own source: the chain ends here.
}

std::vector<ProvenanceChain> ClaimTracer::Chains(Index assertion) {
  Index local = LocalAssertion(assertion);
  std::vector<ProvenanceChain> chains;
  for (const OriginHit& hit : AssertionOrigins(local)) {
    ProvenanceChain chain;
    chain.assertion = assertion;
    chain.steps.push_back({{NodeKind::kSource, graph_.assertions()[assertion].source}});
    Walk(local, hit.origin, chain.steps, 0);
    chains.push_back(std::move(chain));
  }
  return chains;
}

std::vector<ProvenanceChain> TraceAssertion(const ProvenanceGraph& graph, Index assertion) {
  ClaimTracer tracer(graph, {});
  tracer.Reset(graph.assertions()[assertion].claim);
  return tracer.Chains(assertion);
}

}  // namespace claimgraph::score
