// Where a claim comes from: its first appearance in the record, and the chains from each
// report up to the origins that the scorer counted.
#include <algorithm>
#include <limits>

#include "claimgraph/query.h"

namespace claimgraph {
namespace {

Result<Index> FindClaim(const ProvenanceGraph& graph, std::string_view claim_id) {
  std::optional<NodeRef> found = graph.Find(claim_id);
  if (!found || found->kind != NodeKind::kClaim) {
    return Status::Error("no claim has id '" + std::string(claim_id) + "'");
  }
  return found->index;
}

QueryValue TextOrEmpty(std::string_view text) {
  if (text.empty()) return std::monostate{};
  return std::string(text);
}

// The distinct speakers that `source` gives for `claim` in its supporting assertions.
std::string Speakers(const ProvenanceGraph& graph, Index source, Index claim) {
  std::vector<std::string> speakers;
  for (Index a : graph.AssertionsOfSource(source)) {
    const Assertion& assertion = graph.assertions()[a];
    if (assertion.claim != claim || assertion.stance != Stance::kSupports) continue;
    if (!assertion.speaker.valid()) continue;
    std::string id(graph.Id(assertion.speaker));
    if (std::find(speakers.begin(), speakers.end(), id) == speakers.end()) speakers.push_back(id);
  }
  std::string text;
  for (const std::string& id : speakers) text += (text.empty() ? "" : ", ") + id;
  return text;
}

std::string ChainText(const ProvenanceGraph& graph, const ProvenanceChain& chain) {
  std::string text;
  for (const ChainStep& step : chain.steps) {
    switch (step.via) {
      case ChainStep::Via::kStart: break;
      case ChainStep::Via::kCitation:
        text += " -[";
        text += step.citation < graph.citations().size()
                    ? Name(graph.citations()[step.citation].kind)
                    : std::string_view("cites");
        text += "]-> ";
        break;
      case ChainStep::Via::kSpeaker: text += " -[speaker]-> "; break;
    }
    text += graph.Id(step.node);
  }
  return text;
}

}  // namespace

Result<QueryTable> QueryFirstAppearance(const ProvenanceGraph& graph, std::string_view claim_id) {
  Result<Index> claim = FindClaim(graph, claim_id);
  if (!claim.ok()) return claim.status();
  // Each supporting source once, in casefile order of its first supporting assertion.
  std::vector<Index> supporters;
  std::vector<uint8_t> supports(graph.sources().size(), 0);
  for (Index a : graph.AssertionsOfClaim(claim.value())) {
    const Assertion& assertion = graph.assertions()[a];
    if (assertion.stance != Stance::kSupports || supports[assertion.source]) continue;
    supports[assertion.source] = 1;
    supporters.push_back(assertion.source);
  }
  // Follow the citations first, then the dates: a supporter that cites, or names as its
  // speaker, another supporter took the claim from it, whatever their dates say (a date is
  // often only a day, and a copy can be dated the same day or, mis-dated, earlier).
  const auto takes_from_another = [&](Index source) {
    for (Index citation : graph.CitationsFrom(source)) {
      const Index cited = graph.citations()[citation].to;
      if (cited != source && supports[cited]) return true;
    }
    for (Index a : graph.AssertionsOfSource(source)) {
      const Assertion& assertion = graph.assertions()[a];
      if (assertion.claim != claim.value() || assertion.stance != Stance::kSupports) continue;
      const NodeRef speaker = assertion.speaker;
      if (speaker.valid() && speaker.kind == NodeKind::kSource && speaker.index != source &&
          supports[speaker.index]) {
        return true;
      }
    }
    return false;
  };
  std::vector<Index> candidates;
  for (Index s : supporters) {
    if (!takes_from_another(s)) candidates.push_back(s);
  }
  // Every supporter quotes another (a cycle of speakers): the dates alone decide.
  if (candidates.empty()) candidates = supporters;
  const size_t copies = supporters.size() - candidates.size();
  QueryTable table;
  table.columns = {"claim", "source", "published", "url", "publisher", "speaker", "title"};
  int64_t earliest = std::numeric_limits<int64_t>::max();
  size_t undated = 0;
  for (Index s : candidates) {
    const Source& source = graph.sources()[s];
    if (source.published.empty()) ++undated;
    else earliest = std::min(earliest, source.published_seconds);
  }
  std::vector<Index> first;
  for (Index s : candidates) {
    const Source& source = graph.sources()[s];
    if (!source.published.empty() && source.published_seconds == earliest) first.push_back(s);
  }
  std::sort(first.begin(), first.end(), [&](Index a, Index b) {
    return graph.sources()[a].id < graph.sources()[b].id;
  });
  for (Index s : first) {
    const Source& source = graph.sources()[s];
    table.rows.push_back(
        {std::string(claim_id), source.id, source.published, TextOrEmpty(source.url),
         source.publisher == kNoIndex ? QueryValue{} : QueryValue{graph.entities()[source.publisher].id},
         TextOrEmpty(Speakers(graph, s, claim.value())), source.title});
  }
  if (supporters.empty()) {
    table.notes.push_back("no source supports claim '" + std::string(claim_id) + "'");
    return table;
  }
  if (copies > 0) {
    table.notes.push_back(std::to_string(copies) + " of " + std::to_string(supporters.size()) +
                          " supporting sources cite or quote another supporting source and were not compared");
  }
  if (undated > 0) {
    table.notes.push_back(std::to_string(undated) + " of " + std::to_string(candidates.size()) +
                          " supporting sources" + (copies > 0 ? " left" : "") +
                          " have no publication date and were not compared");
  }
  return table;
}

Result<QueryTable> QueryOrigins(const ProvenanceGraph& graph, const CorroborationResult& scores,
                                std::string_view claim_id) {
  Result<Index> claim = FindClaim(graph, claim_id);
  if (!claim.ok()) return claim.status();
  const ClaimScore& score = scores.claims[claim.value()];
  QueryTable table;
  table.columns = {"group", "stance", "origin", "origin_kind", "interested", "reporting_source",
                   "chain"};
  size_t left_out = 0;
  for (size_t g = 0; g < score.groups.size(); ++g) {
    const EvidenceGroup& group = score.groups[g];
    left_out += group.chains_left_out;
    for (const ProvenanceChain& chain : group.chains) {
      if (chain.steps.empty()) continue;
      // The stance of the report itself: a group against the claim may hold support for a
      // claim that excludes it, which is not a refutation of this one.
      const Assertion& assertion = graph.assertions()[chain.assertion];
      std::string stance(Name(assertion.stance));
      if (assertion.claim != claim.value()) stance += " " + graph.claims()[assertion.claim].id;
      table.rows.push_back({static_cast<int64_t>(g + 1), std::move(stance),
                            std::string(graph.Id(chain.origin())),
                            std::string(Name(chain.origin().kind)),
                            std::string(group.interested ? "yes" : "no"),
                            std::string(graph.Id(chain.steps.front().node)),
                            ChainText(graph, chain)});
    }
  }
  if (left_out > 0) {
    table.notes.push_back(std::to_string(left_out) + " more chain" + (left_out == 1 ? "" : "s") +
                          " not listed (at most " + std::to_string(scores.max_chains) +
                          " per group; see --max-chains)");
  }
  if (score.groups.empty()) {
    table.notes.push_back("no source supports or refutes claim '" + std::string(claim_id) + "'");
  }
  return table;
}

}  // namespace claimgraph
