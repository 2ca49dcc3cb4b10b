#include "export/attributed_graph.h"

#include <boost/graph/graph_traits.hpp>

#include "claimgraph/boost_graph.h"
#include "export/markup_text.h"

namespace claimgraph::exporting {
namespace {

// Node and edge attributes, in the order they are declared.
enum NodeKey : size_t {
  kNodeKind, kNodeLabel, kTitle, kUrl, kPublisher, kPublished, kSourceKind, kLanguage,
  kReliability, kText, kQuestion, kValue, kScore, kVerdict, kIndependentOrigins, kName,
  kEntityType, kAliases
};
enum EdgeKey : size_t { kEdgeKind, kStance, kClaim, kSpeaker, kQuote, kConfidence, kCitationKind };

std::vector<AttributeKey> NodeKeys() {
  using enum AttributeType;
  return {{"kind", kString},        {"label", kString},          {"title", kString},
          {"url", kString},         {"publisher", kString},      {"published", kString},
          {"source_kind", kString}, {"language", kString},       {"reliability", kDouble},
          {"text", kString},        {"question", kString},       {"value", kString},
          {"score", kDouble},       {"verdict", kString},        {"independent_origins", kLong},
          {"name", kString},        {"entity_type", kString},    {"aliases", kString}};
}

std::vector<AttributeKey> EdgeKeys() {
  using enum AttributeType;
  return {{"kind", kString},  {"stance", kString},     {"claim", kString},        {"speaker", kString},
          {"quote", kString}, {"confidence", kDouble}, {"citation_kind", kString}};
}

void Set(GraphElement& element, size_t key, std::string_view value) {
  if (!value.empty()) element.values.emplace_back(key, std::string(value));
}

}  // namespace

AttributedGraph BuildAttributedGraph(const ProvenanceGraph& graph, const CorroborationResult* scores) {
  AttributedGraph result;
  result.node_keys = NodeKeys();
  result.edge_keys = EdgeKeys();
  const BoostGraph& boost_graph = graph.boost_graph();
  for (Vertex v = 0; v < boost::num_vertices(boost_graph.graph); ++v) {
    const NodeRef node = boost_graph.NodeAt(v);
    GraphElement element;
    element.id = graph.Id(node);
    element.label = graph.Label(node);
    Set(element, kNodeKind, Name(node.kind));
    Set(element, kNodeLabel, element.label);
    switch (node.kind) {
      case NodeKind::kSource: {
        const Source& source = graph.sources()[node.index];
        Set(element, kTitle, source.title);
        Set(element, kUrl, source.url);
        if (source.publisher != kNoIndex) Set(element, kPublisher, graph.entities()[source.publisher].id);
        Set(element, kPublished, source.published);
        Set(element, kSourceKind, Name(source.kind));
        Set(element, kLanguage, source.language);
        if (source.reliability) Set(element, kReliability, ShortestNumber(*source.reliability));
        break;
      }
      case NodeKind::kClaim: {
        const Claim& claim = graph.claims()[node.index];
        Set(element, kText, claim.text);
        Set(element, kQuestion, claim.question);
        Set(element, kValue, claim.value);
        if (scores != nullptr) {
          const ClaimScore& score = scores->claims[node.index];
          Set(element, kScore, ShortestNumber(score.score));
          Set(element, kVerdict, Name(score.verdict));
          Set(element, kIndependentOrigins, std::to_string(score.independent_origins));
        }
        break;
      }
      case NodeKind::kEntity: {
        const Entity& entity = graph.entities()[node.index];
        Set(element, kName, entity.name);
        Set(element, kEntityType, Name(entity.type));
        Set(element, kUrl, entity.url);
        std::string aliases;
        for (const CompactString& alias : entity.aliases) aliases += (aliases.empty() ? "" : "; ") + alias;
        Set(element, kAliases, aliases);
        break;
      }
    }
    result.nodes.push_back(std::move(element));
  }
  auto [begin, end] = boost::edges(boost_graph.graph);
  size_t number = 0;
  for (auto it = begin; it != end; ++it) {
    const EdgeProperties& properties = boost_graph.graph[*it];
    GraphElement element;
    element.id = "e" + std::to_string(++number);
    element.source = graph.Id(boost_graph.NodeAt(boost::source(*it, boost_graph.graph)));
    element.target = graph.Id(boost_graph.NodeAt(boost::target(*it, boost_graph.graph)));
    element.label = Name(properties.kind);
    Set(element, kEdgeKind, Name(properties.kind));
    if (properties.kind == EdgeKind::kAssertion || properties.kind == EdgeKind::kAttribution) {
      const Assertion& assertion = graph.assertions()[properties.record];
      Set(element, kStance, Name(assertion.stance));
      Set(element, kClaim, graph.claims()[assertion.claim].id);
      if (assertion.speaker.valid()) Set(element, kSpeaker, graph.Id(assertion.speaker));
      if (properties.kind == EdgeKind::kAssertion) {
        Set(element, kQuote, assertion.quote);
        Set(element, kConfidence, ShortestNumber(assertion.confidence));
      }
    } else if (properties.kind == EdgeKind::kCitation) {
      Set(element, kCitationKind, Name(graph.citations()[properties.record].kind));
    }
    result.edges.push_back(std::move(element));
  }
  return result;
}

}  // namespace claimgraph::exporting
