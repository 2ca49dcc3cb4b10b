// What one source, or every source of one publisher, asserted.
#include <algorithm>
#include <charconv>

#include "claimgraph/query.h"

namespace claimgraph {
namespace {

QueryValue TextOrEmpty(std::string_view text) {
  if (text.empty()) return std::monostate{};
  return std::string(text);
}

QueryValue SpeakerOf(const ProvenanceGraph& graph, const Assertion& assertion) {
  if (!assertion.speaker.valid()) return std::monostate{};
  return std::string(graph.Id(assertion.speaker));
}

// A confidence is stored as a float; widened as the double its shortest text reads as
// (0.9f gives 0.9, not 0.8999999761581421), so that JSON and CSV print what the casefile said.
double AsWritten(float value) {
  char text[32];
  const std::to_chars_result written = std::to_chars(text, text + sizeof text, value);
  double widened = 0.0;
  std::from_chars(text, written.ptr, widened);
  return widened;
}

}  // namespace

Result<QueryTable> QuerySource(const ProvenanceGraph& graph, std::string_view source_id) {
  std::optional<NodeRef> found = graph.Find(source_id);
  if (!found || found->kind != NodeKind::kSource) {
    return Status::Error("no source has id '" + std::string(source_id) + "'");
  }
  QueryTable table;
  table.columns = {"source", "claim", "stance", "speaker", "confidence", "quote", "claim_text"};
  for (Index a : graph.AssertionsOfSource(found->index)) {
    const Assertion& assertion = graph.assertions()[a];
    const Claim& claim = graph.claims()[assertion.claim];
    table.rows.push_back({std::string(source_id), claim.id, std::string(Name(assertion.stance)),
                          SpeakerOf(graph, assertion), AsWritten(assertion.confidence),
                          TextOrEmpty(assertion.quote), claim.text});
  }
  if (table.rows.empty()) {
    table.notes.push_back("source '" + std::string(source_id) + "' asserts no claim");
  }
  return table;
}

Result<QueryTable> QueryPublisher(const ProvenanceGraph& graph, std::string_view entity_id) {
  std::optional<NodeRef> found = graph.Find(entity_id);
  if (!found || found->kind != NodeKind::kEntity) {
    return Status::Error("no entity has id '" + std::string(entity_id) + "'");
  }
  std::span<const Index> published = graph.SourcesPublishedBy(found->index);
  std::vector<Index> sources(published.begin(), published.end());
  std::sort(sources.begin(), sources.end(), [&](Index a, Index b) {
    return graph.sources()[a].id < graph.sources()[b].id;
  });
  QueryTable table;
  table.columns = {"publisher", "source", "published", "claim", "stance", "speaker", "quote"};
  for (Index s : sources) {
    const Source& source = graph.sources()[s];
    for (Index a : graph.AssertionsOfSource(s)) {
      const Assertion& assertion = graph.assertions()[a];
      table.rows.push_back({std::string(entity_id), source.id, TextOrEmpty(source.published),
                            graph.claims()[assertion.claim].id, std::string(Name(assertion.stance)),
                            SpeakerOf(graph, assertion), TextOrEmpty(assertion.quote)});
    }
  }
  if (sources.empty()) {
    table.notes.push_back("entity '" + std::string(entity_id) + "' publishes no source");
  } else if (table.rows.empty()) {
    table.notes.push_back("the sources of '" + std::string(entity_id) + "' assert no claim");
  }
  return table;
}

}  // namespace claimgraph
