// The JSON form of `claimgraph explain`. Numbers are written as fixed-decimal raw values
// (RapidJSON's Writer would print the shortest round-trip form, whose length varies).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "score/explanation.h"
#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph::score {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Text(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void Number(JsonWriter& writer, double value) {
  std::string text = FormatDecimal(value);
  writer.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

void Node(JsonWriter& writer, const ProvenanceGraph& graph, NodeRef node) {
  writer.StartObject();
  Text(writer, "id");
  Text(writer, graph.Id(node));
  Text(writer, "kind");
  Text(writer, Name(node.kind));
  Text(writer, node.kind == NodeKind::kSource ? "title" : "name");
  Text(writer, graph.Label(node));
  writer.EndObject();
}

void Chain(JsonWriter& writer, const ProvenanceGraph& graph, const ProvenanceChain& chain) {
  const Assertion& assertion = graph.assertions()[chain.assertion];
  writer.StartObject();
  Text(writer, "assertion");
  Text(writer, AssertionPlace(graph, chain.assertion));
  Text(writer, "claim");
  Text(writer, graph.claims()[assertion.claim].id);
  Text(writer, "stance");
  Text(writer, Name(assertion.stance));
  Text(writer, "confidence");
  Number(writer, assertion.confidence);
  Text(writer, "steps");
  writer.StartArray();
  for (const ChainStep& step : chain.steps) {
    writer.StartObject();
    Text(writer, "via");
    Text(writer, step.via == ChainStep::Via::kStart      ? "start"
                 : step.via == ChainStep::Via::kCitation ? "citation"
                                                         : "speaker");
    if (step.via == ChainStep::Via::kCitation) {
      Text(writer, "citation_kind");
      Text(writer, Name(graph.citations()[step.citation].kind));
    }
    Text(writer, "node");
    Node(writer, graph, step.node);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
}

void Group(JsonWriter& writer, const ProvenanceGraph& graph, const CorroborationResult& result,
           const EvidenceGroup& group) {
  writer.StartObject();
  Text(writer, "side");
  Text(writer, group.stance == Stance::kSupports ? "supports" : "against");
  Text(writer, "competing");
  writer.Bool(group.competing);
  Text(writer, "origins");
  writer.StartArray();
  for (NodeRef origin : group.origins) Node(writer, graph, origin);
  writer.EndArray();
  Text(writer, "controller");
  if (group.controller == kNoIndex) {
    writer.Null();
  } else {
    Node(writer, graph, {NodeKind::kEntity, group.controller});
  }
  Text(writer, "interested");
  writer.Bool(group.interested);
  Text(writer, "reliability");
  Number(writer, group.reliability);
  Text(writer, "reliability_source");
  if (group.reliability_source == kNoIndex) {
    writer.Null();
  } else {
    Text(writer, graph.sources()[group.reliability_source].id);
  }
  Text(writer, "confidence");
  Number(writer, group.confidence);
  Text(writer, "interest_factor");
  Number(writer, group.interested ? result.interested_weight : 1.0);
  Text(writer, "weight");
  Number(writer, group.weight);
  Text(writer, "reports");
  writer.Uint64(group.assertions.size());
  Text(writer, "chains");
  writer.StartArray();
  for (const ProvenanceChain& chain : group.chains) Chain(writer, graph, chain);
  writer.EndArray();
  if (group.chains_left_out > 0) {  // only then, so that outputs without a cap are unchanged
    Text(writer, "chains_left_out");
    writer.Uint64(group.chains_left_out);
  }
  writer.EndObject();
}

}  // namespace

std::string ExplainJson(const ProvenanceGraph& graph, const CorroborationResult& result, Index claim) {
  const ClaimScore& score = result.claims[claim];
  const Claim& record = graph.claims()[claim];
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  Text(writer, "claim");
  Text(writer, record.id);
  Text(writer, "text");
  Text(writer, record.text);
  Text(writer, "about");
  writer.StartArray();
  for (Index entity : record.about) Node(writer, graph, {NodeKind::kEntity, entity});
  writer.EndArray();
  Text(writer, "method");
  Text(writer, result.method);
  Text(writer, "trust_origin");
  Text(writer, result.trust_origin);
  if (!result.trust_fallback_reason.empty()) {
    Text(writer, "trust_fallback_reason");
    Text(writer, result.trust_fallback_reason);
  }
  Text(writer, "score");
  Number(writer, score.score);
  Text(writer, "verdict");
  Text(writer, Name(score.verdict));
  Text(writer, "verdict_rule");
  Text(writer, VerdictRule(score.verdict));
  Text(writer, "reports");
  writer.Uint64(score.reports);
  Text(writer, "supporting_reports");
  writer.Uint64(score.supporting_reports);
  Text(writer, "refuting_reports");
  writer.Uint64(score.refuting_reports);
  Text(writer, "independent_origins");
  writer.Uint64(score.independent_origins);
  Text(writer, "interested_origins");
  writer.Uint64(score.interested_origins);
  Text(writer, "groups");
  writer.StartArray();
  for (const EvidenceGroup& group : score.groups) Group(writer, graph, result, group);
  writer.EndArray();
  Text(writer, "coverage");
  writer.StartArray();
  size_t coverage_left_out = 0;
  for (const ProvenanceChain& chain : CoverageChains(graph, claim, result.max_chains, coverage_left_out)) {
    Chain(writer, graph, chain);
  }
  writer.EndArray();
  if (coverage_left_out > 0) {
    Text(writer, "coverage_chains_left_out");
    writer.Uint64(coverage_left_out);
  }
  Text(writer, "arithmetic");
  Text(writer, score.explanation);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace claimgraph::score
