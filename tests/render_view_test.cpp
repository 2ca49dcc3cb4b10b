// Which nodes and edges each view draws, the clusters, the score labels, and the refusals.
#include <doctest/doctest.h>

#include <cstdio>
#include <set>

#include "claimgraph/render.h"
#include "claimgraph/score.h"
#include "render/graphviz_adapter.h"
#include "render_test_cases.h"

namespace claimgraph {
namespace {

using render::InspectedGraph;

InspectedGraph Drawn(const CaseData& data, RenderOptions options) {
  options.format = RenderFormat::kDot;
  Result<std::string> dot = Render(ProvenanceGraph(data), options);
  REQUIRE_MESSAGE(dot.ok(), dot.status().message());
  Result<InspectedGraph> read = render::ReadDot(dot.value());
  REQUIRE(read.ok());
  return read.value();
}

// The casefile ids of the drawn data nodes (the legend is left out).
std::set<std::string> NodeIds(const InspectedGraph& graph) {
  std::set<std::string> ids;
  for (const auto& [name, node] : graph.nodes) {
    if (node.attributes.at("class").rfind("legend", 0) != 0) ids.insert(node.attributes.at("id"));
  }
  return ids;
}

std::set<std::string> EdgeIds(const InspectedGraph& graph) {
  std::set<std::string> ids;
  for (const auto& [tail, head, attributes] : graph.edges) {
    if (attributes.at("class").rfind("legend", 0) != 0) ids.insert(attributes.at("id"));
  }
  return ids;
}

TEST_CASE("the whole graph draws every record and every relation") {
  const InspectedGraph graph = Drawn(testing::ChainCase(), {});
  CHECK(NodeIds(graph) == std::set<std::string>{"c1", "c2", "ministry", "other", "outlet", "r1",
                                                "r2", "r3", "r4", "r5", "state"});
  // 3 assertions, 2 attributions, 3 citations, 1 publisher, 2 controlled-by, 1 about.
  CHECK(EdgeIds(graph).size() == 12);
}

TEST_CASE("a claim's focus holds its sources, their chains to the origins, publishers and topics") {
  RenderOptions options;
  options.focus = "c1";
  const InspectedGraph graph = Drawn(testing::ChainCase(), options);
  // r5 cites r2 but is not on a chain from an asserting source; r3 asserts only c2.
  CHECK(NodeIds(graph) == std::set<std::string>{"c1", "ministry", "outlet", "r1", "r2", "r4"});
  CHECK(EdgeIds(graph) == std::set<std::string>{
                              "about:c1:ministry", "assertion:r1:c1", "assertion:r2:c1",
                              "attribution:r1:ministry", "citation:r1:r4", "citation:r2:r1",
                              "publisher:r1:outlet"});
}

TEST_CASE("a source's or entity's focus is its breadth-first neighbourhood to --depth") {
  RenderOptions options;
  options.focus = "outlet";
  options.depth = 1;
  CHECK(NodeIds(Drawn(testing::ChainCase(), options)) ==
        std::set<std::string>{"outlet", "r1", "state"});
  options.depth = 2;
  CHECK(NodeIds(Drawn(testing::ChainCase(), options)) ==
        std::set<std::string>{"c1", "ministry", "outlet", "r1", "r2", "r4", "state"});
  options.focus = "r3";
  options.depth = 1;
  CHECK(NodeIds(Drawn(testing::ChainCase(), options)) == std::set<std::string>{"c2", "other", "r3"});
}

TEST_CASE("claims only: the claims, their exclusions and their report counts") {
  RenderOptions options;
  options.claims_only = true;
  const InspectedGraph graph = Drawn(testing::HostileCase(), options);
  CHECK(NodeIds(graph) == std::set<std::string>{"c1", "c2"});
  CHECK(EdgeIds(graph) == std::set<std::string>{"excludes:c1:c2"});
  CHECK(graph.nodes.at("c0").attributes.at("label") ==
        "The drill is <b>not</b> aimed &amp; at \\\\N\\nanyone\\n1 support \xC2\xB7 1 refute \xC2\xB7 0 report");
}

TEST_CASE("grouping by publisher boxes each publisher with its sources") {
  RenderOptions options;
  options.group_by = GroupBy::kPublisher;
  const InspectedGraph graph = Drawn(testing::ChainCase(), options);
  CHECK(graph.clusters.at("cluster_publisher_1").at("label") == "published by Outlet");
  CHECK(graph.nodes.at("s0").cluster == "cluster_publisher_1");  // r1
  CHECK(graph.nodes.at("e1").cluster == "cluster_publisher_1");  // the outlet
  CHECK(graph.nodes.at("s1").cluster == "");
  CHECK(graph.clusters.size() == 2);  // the outlet's and the legend
}

TEST_CASE("grouping by origin boxes each independent evidence group of Score()") {
  RenderOptions options;
  options.group_by = GroupBy::kOrigin;
  options.legend = false;
  const ProvenanceGraph scored_graph(testing::ChainCase());
  Result<CorroborationResult> scores = Score(scored_graph);
  REQUIRE_MESSAGE(scores.ok(), scores.status().message());
  const InspectedGraph graph = Drawn(testing::ChainCase(), options);
  // Every origin of every evidence group is in a cluster, and every cluster is an origin's.
  std::set<std::string> clustered;
  for (const auto& [name, node] : graph.nodes) {
    if (!node.cluster.empty()) clustered.insert(node.attributes.at("id"));
  }
  size_t groups = 0;
  for (const ClaimScore& claim : scores->claims) {
    for (const EvidenceGroup& group : claim.groups) {
      ++groups;
      for (NodeRef origin : group.origins) CHECK(clustered.count(std::string(scored_graph.Id(origin))) == 1);
    }
  }
  CHECK(groups > 0);
  CHECK_FALSE(graph.clusters.empty());
  for (const auto& [name, attributes] : graph.clusters) CHECK(name.rfind("cluster_origin_", 0) == 0);
}

TEST_CASE("with --scores each claim shows Score()'s score and verdict and is filled by verdict") {
  const ProvenanceGraph scored_graph(testing::ChainCase());
  Result<CorroborationResult> scores = Score(scored_graph);
  REQUIRE(scores.ok());
  RenderOptions options;
  options.scores = true;
  const InspectedGraph graph = Drawn(testing::ChainCase(), options);
  const ClaimScore& c1 = scores->claims[0];
  char score[32];
  std::snprintf(score, sizeof score, "score %.2f", c1.score);
  const std::string label = graph.nodes.at("c0").attributes.at("label");
  CHECK(label == "Claim one\\n" + std::string(score) + " \xC2\xB7 " + std::string(Name(c1.verdict)));
  CHECK(graph.nodes.at("c0").attributes.at("fillcolor") != "#FFFFFF");
  CHECK(graph.nodes.at("c0").attributes.at("class").find("verdict-") != std::string::npos);
}

TEST_CASE("an unknown focus, a bad depth and an oversized image are refused with a way out") {
  const ProvenanceGraph graph(testing::ChainCase());
  RenderOptions options;
  options.focus = "nobody";
  CHECK(Render(graph, options).status().message() ==
        "claimgraph render: --focus 'nobody' is not the id of a source, claim or entity in the "
        "casefiles");
  options.focus = "";
  options.depth = 0;
  CHECK(Render(graph, options).status().message() ==
        "claimgraph render: --depth must be between 1 and 50, not 0");
  options.depth = 2;
  options.max_nodes = 10;
  Result<std::string> refused = Render(graph, options);
  CHECK(refused.status().code() == ExitCode::kInvalidInput);
  CHECK(refused.status().message() ==
        "claimgraph render: the picture would have 11 nodes, more than --max-nodes 10 can be laid "
        "out in reasonable time; draw part of it with --focus ID (and --depth N) or "
        "--claims-only, write --format dot, or raise --max-nodes");
  options.format = RenderFormat::kDot;  // DOT needs no layout: never refused
  CHECK(Render(graph, options).ok());
}

}  // namespace
}  // namespace claimgraph
