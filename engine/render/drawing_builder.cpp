#include "render/drawing_builder.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "model/control_index.h"
#include "render/escape.h"
#include "render/labels.h"
#include "render/style.h"

namespace claimgraph::render {
namespace {

// How many sources of one assertion's citation chains are examined for a stake: chains in
// casefiles are a few steps long; the bound keeps huge imported graphs linear.
constexpr size_t kMaxChainSources = 32;

class Builder {
 public:
  Builder(const ProvenanceGraph& graph, const View& view, const RenderOptions& options,
          const CorroborationResult* scores)
      : graph_(graph), view_(view), options_(options), scores_(scores), labels_(graph) {}

  Drawing Build(const std::string& engine) {
    SetDrawingDefaults(engine, drawing_);
    MarkInterested();
    AddNodes();
    if (options_.group_by == GroupBy::kPublisher) GroupByPublisher();
    if (options_.group_by == GroupBy::kOrigin && scores_ != nullptr) GroupByOrigin();
    AddEdges();
    drawing_.data_node_count = drawing_.nodes.size();
    if (options_.legend && !drawing_.nodes.empty()) AddLegend(legend_, drawing_);
    return std::move(drawing_);
  }

 private:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  uint32_t& Slot(NodeRef node) {
    const BoostGraph& boost_graph = graph_.boost_graph();
    if (node_of_vertex_.empty()) node_of_vertex_.assign(boost::num_vertices(boost_graph.graph), kAbsent);
    return node_of_vertex_[boost_graph.VertexOf(node)];
  }

  // Marks the interested parties in the provenance of each shown claim: a source on a chain
  // (the asserting source, the sources it cites, transitively, and a source it quotes as
  // speaker; at most kMaxChainSources of them) whose publisher has a stake in the claim, or an
  // entity speaker with a stake.
  bool HasStake(Index entity, Index claim) const {
    return control_->HasStake({NodeKind::kEntity, entity}, graph_.claims()[claim]);
  }

  void MarkInterested() {
    control_.emplace(graph_);  // the closure shared by every question (model/control_index.h)
    interested_sources_.assign(graph_.sources().size(), 0);
    interested_entities_.assign(graph_.entities().size(), 0);
    std::vector<Index> visited_in(graph_.sources().size(), kNoIndex);  // assertion that last saw it
    std::vector<Index> pending;
    for (Index i = 0; i < graph_.assertions().size(); ++i) {
      const Assertion& assertion = graph_.assertions()[i];
      if (!view_.Shows({NodeKind::kClaim, assertion.claim})) continue;
      if (graph_.claims()[assertion.claim].about.empty()) continue;
      size_t reached = 0;
      const auto reach = [&](Index source) {
        if (visited_in[source] == i || reached == kMaxChainSources) return;
        ++reached;
        visited_in[source] = i;
        pending.push_back(source);
      };
      reach(assertion.source);
      if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource) {
        reach(assertion.speaker.index);
      } else if (assertion.speaker.valid() && HasStake(assertion.speaker.index, assertion.claim)) {
        interested_entities_[assertion.speaker.index] = 1;
      }
      while (!pending.empty()) {
        const Index source = pending.back();
        pending.pop_back();
        const Index publisher = graph_.sources()[source].publisher;
        if (publisher != kNoIndex && HasStake(publisher, assertion.claim)) {
          interested_sources_[source] = 1;
        }
        for (Index citation : graph_.CitationsFrom(source)) reach(graph_.citations()[citation].to);
      }
    }
  }

  bool Interested(NodeRef node) const {
    if (node.kind == NodeKind::kSource) return interested_sources_[node.index] != 0;
    if (node.kind == NodeKind::kEntity) return interested_entities_[node.index] != 0;
    return false;
  }

  void AddNode(NodeRef node) {
    static constexpr char kPrefix[] = {'s', 'c', 'e'};
    Attributes attributes = NodeStyle(node.kind);
    std::string node_class(Name(node.kind));
    if (Interested(node)) {
      for (const Attribute& attribute : InterestedStyle()) {
        SetAttribute(attributes, attribute.name, attribute.value);
      }
      node_class += " interested";
      legend_.interested = true;
    }
    if (!options_.focus.empty() && graph_.Id(node) == options_.focus) {
      SetAttribute(attributes, "penwidth", "3");  // the node the view is centred on
      node_class += " focus";
    }
    std::string label = labels_.NodeLabel(node);
    std::string tooltip = labels_.NodeTooltip(node, Interested(node));
    if (node.kind == NodeKind::kClaim) {
      if (options_.claims_only) label += "\n" + labels_.ReportCounts(node.index);
      if (options_.scores && scores_ != nullptr) {
        const ClaimScore& score = scores_->claims[node.index];
        char text[64];
        std::snprintf(text, sizeof text, "score %.2f", score.score);
        label += "\n" + std::string(text) + " \xC2\xB7 " + std::string(Name(score.verdict));
        tooltip += "\n" + std::string(text) + ", " + std::string(Name(score.verdict)) + "\n" +
                   score.explanation;
        SetAttribute(attributes, "fillcolor", std::string(VerdictFill(score.verdict)));
        std::string verdict_class(Name(score.verdict));
        std::replace(verdict_class.begin(), verdict_class.end(), ' ', '-');
        node_class += " verdict-" + verdict_class;
        if (std::find(legend_.verdicts.begin(), legend_.verdicts.end(), score.verdict) ==
            legend_.verdicts.end()) {
          legend_.verdicts.push_back(score.verdict);
        }
      }
    }
    attributes.push_back({"label", EscapeText(label)});
    attributes.push_back({"tooltip", EscapeTooltip(tooltip)});
    if (std::string url = EscapeUrl(labels_.NodeUrl(node)); !url.empty()) {
      attributes.push_back({"URL", std::move(url)});
    }
    attributes.push_back({"id", EscapeId(graph_.Id(node))});
    attributes.push_back({"class", node_class});
    Slot(node) = static_cast<uint32_t>(drawing_.nodes.size());
    drawing_.nodes.push_back({kPrefix[static_cast<int>(node.kind)] + std::to_string(node.index),
                              kNoCluster, std::move(attributes)});
    legend_.node_kinds[static_cast<int>(node.kind)] = true;
  }

  void AddNodes() {
    for (Index i = 0; i < graph_.sources().size(); ++i) {
      if (view_.Shows({NodeKind::kSource, i})) AddNode({NodeKind::kSource, i});
    }
    for (Index i = 0; i < graph_.claims().size(); ++i) {
      if (view_.Shows({NodeKind::kClaim, i})) AddNode({NodeKind::kClaim, i});
    }
    for (Index i = 0; i < graph_.entities().size(); ++i) {
      if (view_.Shows({NodeKind::kEntity, i})) AddNode({NodeKind::kEntity, i});
    }
    std::sort(legend_.verdicts.begin(), legend_.verdicts.end());
  }

  // Puts a shown node into a cluster unless an earlier cluster already holds it.
  void Join(NodeRef node, uint32_t cluster) {
    if (!view_.Shows(node)) return;
    DrawNode& drawn = drawing_.nodes[Slot(node)];
    if (drawn.cluster == kNoCluster) drawn.cluster = cluster;
  }

  uint32_t AddCluster(std::string name, std::string label, std::string cluster_class) {
    drawing_.clusters.push_back({std::move(name),
                                 {{"label", EscapeText(label)}, {"style", "rounded,dashed"},
                                  {"color", "#999999"}, {"class", std::move(cluster_class)}}});
    return static_cast<uint32_t>(drawing_.clusters.size() - 1);
  }

  void GroupByPublisher() {
    for (Index entity = 0; entity < graph_.entities().size(); ++entity) {
      std::vector<Index> shown;
      for (Index source : graph_.SourcesPublishedBy(entity)) {
        if (view_.Shows({NodeKind::kSource, source})) shown.push_back(source);
      }
      if (shown.empty()) continue;
      const uint32_t cluster = AddCluster("cluster_publisher_" + std::to_string(entity),
                                          "published by " + graph_.entities()[entity].name,
                                          "group publisher");
      Join({NodeKind::kEntity, entity}, cluster);
      for (Index source : shown) Join({NodeKind::kSource, source}, cluster);
    }
  }

  // One cluster per independent evidence group of Score(); groups of different claims with
  // the same origins share a cluster, and a node stays in the first cluster that takes it.
  void GroupByOrigin() {
    std::map<std::pair<std::vector<std::pair<int, Index>>, Index>, uint32_t> cluster_of_key;
    for (const ClaimScore& score : scores_->claims) {
      if (!view_.Shows({NodeKind::kClaim, score.claim})) continue;
      for (const EvidenceGroup& group : score.groups) {
        std::vector<std::pair<int, Index>> origins;
        for (NodeRef origin : group.origins) origins.emplace_back(static_cast<int>(origin.kind), origin.index);
        auto [found, added] = cluster_of_key.try_emplace({origins, group.controller}, 0);
        if (added) {
          std::string label = group.controller != kNoIndex
                                  ? "origins joined by " + graph_.entities()[group.controller].name
                                  : "independent origin";
          for (size_t i = 0; i < group.origins.size(); ++i) {
            label += (i == 0 ? ": " : ", ") + std::string(graph_.Id(group.origins[i]));
          }
          if (group.interested) label += " (interested)";
          found->second = AddCluster("cluster_origin_" + std::to_string(cluster_of_key.size() - 1),
                                     WrapText(label, 40, 3), "group origin");
        }
        const uint32_t cluster = found->second;
        for (NodeRef origin : group.origins) Join(origin, cluster);
        for (const ProvenanceChain& chain : group.chains) {
          for (const ChainStep& step : chain.steps) Join(step.node, cluster);
        }
        for (Index assertion : group.assertions) {
          Join({NodeKind::kSource, graph_.assertions()[assertion].source}, cluster);
        }
      }
    }
  }

  void AddEdges() {
    const BoostGraph& boost_graph = graph_.boost_graph();
    const BoostAdjacency& adjacency = boost_graph.graph;
    std::unordered_map<std::string, int> id_uses;
    for (Vertex vertex = 0; vertex < boost::num_vertices(adjacency); ++vertex) {
      const NodeRef tail = boost_graph.NodeAt(vertex);
      if (!view_.Shows(tail)) continue;
      for (auto [edge, end] = boost::out_edges(vertex, adjacency); edge != end; ++edge) {
        const NodeRef head = boost_graph.NodeAt(boost::target(*edge, adjacency));
        const EdgeProperties& properties = adjacency[*edge];
        if (!view_.ShowsEdge(graph_, tail, head, properties)) continue;
        EdgeLook look{properties.kind};
        bool interested = false;
        if (properties.kind == EdgeKind::kAssertion) {
          look.stance = graph_.assertions()[properties.record].stance;
          interested = Interested(tail);
        }
        Attributes attributes = EdgeStyle(look);
        attributes.push_back({"tooltip", EscapeTooltip(labels_.EdgeTooltip(tail, head, properties))});
        if (std::string url = EscapeUrl(labels_.EdgeUrl(tail, properties)); !url.empty()) {
          attributes.push_back({"URL", std::move(url)});
        }
        std::string id = std::string(Name(properties.kind)) + ":" + std::string(graph_.Id(tail)) +
                         ":" + std::string(graph_.Id(head));
        std::replace(id.begin(), id.end(), ' ', '-');
        if (const int uses = ++id_uses[id]; uses > 1) id += ":" + std::to_string(uses);
        attributes.push_back({"id", EscapeId(id)});
        attributes.push_back({"class", EdgeClass(look) + (interested ? " interested" : "")});
        drawing_.edges.push_back({Slot(tail), Slot(head), std::move(attributes)});
        if (std::find(legend_.edges.begin(), legend_.edges.end(), look) == legend_.edges.end()) {
          legend_.edges.push_back(look);
        }
      }
    }
    std::sort(legend_.edges.begin(), legend_.edges.end(), [](EdgeLook a, EdgeLook b) {
      return std::pair(a.kind, a.stance) < std::pair(b.kind, b.stance);
    });
  }

  const ProvenanceGraph& graph_;
  const View& view_;
  const RenderOptions& options_;
  const CorroborationResult* scores_;
  Labels labels_;
  Drawing drawing_;
  LegendContents legend_;
  std::vector<uint32_t> node_of_vertex_;
  std::vector<char> interested_sources_, interested_entities_;
  std::optional<ControlIndex> control_;
};

}  // namespace

Drawing BuildDrawing(const ProvenanceGraph& graph, const View& view, const RenderOptions& options,
                     const CorroborationResult* scores, const std::string& engine) {
  return Builder(graph, view, options, scores).Build(engine);
}

}  // namespace claimgraph::render
