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
  for (Index a : graph.AssertionsOfClaim(claim.value())) {
    const Assertion& assertion = graph.assertions()[a];
    if (assertion.stance != Stance::kSupports) continue;
    if (std::find(supporters.begin(), supporters.end(), assertion.source) == supporters.end()) {
      supporters.push_back(assertion.source);
    }
  }
  QueryTable table;
  table.columns = {"claim", "source", "published", "url", "publisher", "speaker", "title"};
  int64_t earliest = std::numeric_limits<int64_t>::max();
  size_t undated = 0;
  for (Index s : supporters) {
    const Source& source = graph.sources()[s];
    if (source.published.empty()) ++undated;
    else earliest = std::min(earliest, source.published_seconds);
  }
  std::vector<Index> first;
  for (Index s : supporters) {
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
  } else if (undated > 0) {
    table.notes.push_back(std::to_string(undated) + " of " + std::to_string(supporters.size()) +
                          " supporting sources have no publication date and were not compared");
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
  for (size_t g = 0; g < score.groups.size(); ++g) {
    const EvidenceGroup& group = score.groups[g];
    for (const ProvenanceChain& chain : group.chains) {
      if (chain.steps.empty()) continue;
      table.rows.push_back({static_cast<int64_t>(g + 1), std::string(Name(group.stance)),
                            std::string(graph.Id(chain.origin())),
                            std::string(Name(chain.origin().kind)),
                            std::string(group.interested ? "yes" : "no"),
                            std::string(graph.Id(chain.steps.front().node)),
                            ChainText(graph, chain)});
    }
  }
  if (score.groups.empty()) {
    table.notes.push_back("no source supports or refutes claim '" + std::string(claim_id) + "'");
  }
  return table;
}

}  // namespace claimgraph
