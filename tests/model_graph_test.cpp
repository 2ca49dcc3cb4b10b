#include <doctest/doctest.h>

#include <boost/graph/graph_traits.hpp>

#include "claimgraph/boost_graph.h"
#include "claimgraph/graph.h"

namespace claimgraph {
namespace {

// Two reports (r1, r2) support one claim; r2 quotes r1; r1 is published by an outlet that
// a state controls, and attributes the claim to a ministry.
CaseData SmallCase() {
  CaseData data;
  data.entities = {{.id = "state", .name = "State"},
                   {.id = "outlet", .name = "Outlet", .controlled_by = {0}},
                   {.id = "ministry", .name = "Ministry", .controlled_by = {0}}};
  data.sources = {{.id = "r1", .title = "Report one", .publisher = 1},
                  {.id = "r2", .title = "Report two"}};
  data.claims = {{.id = "c1", .text = "A claim", .about = {2}}};
  data.assertions = {{.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 2}},
                     {.source = 1, .claim = 0}};
  data.citations = {{.from = 1, .to = 0}};
  return data;
}

TEST_CASE("the id index finds every record by its id, of any kind") {
  ProvenanceGraph graph(SmallCase());
  CHECK(graph.Find("r2") == NodeRef{NodeKind::kSource, 1});
  CHECK(graph.Find("c1") == NodeRef{NodeKind::kClaim, 0});
  CHECK(graph.Find("ministry") == NodeRef{NodeKind::kEntity, 2});
  CHECK_FALSE(graph.Find("nobody").has_value());
  CHECK(graph.Label({NodeKind::kSource, 0}) == "Report one");
  CHECK(graph.Id({NodeKind::kEntity, 1}) == "outlet");
}

TEST_CASE("the adjacency views list each relation in both directions") {
  ProvenanceGraph graph(SmallCase());
  CHECK(std::vector<Index>(graph.AssertionsOfClaim(0).begin(), graph.AssertionsOfClaim(0).end()) ==
        std::vector<Index>{0, 1});
  CHECK(graph.AssertionsOfSource(1).size() == 1);
  CHECK(graph.CitationsFrom(1).size() == 1);
  CHECK(graph.CitationsFrom(0).empty());
  CHECK(graph.CitationsTo(0).size() == 1);
  CHECK(graph.SourcesPublishedBy(1).size() == 1);
  CHECK(graph.EntitiesControlledBy(0).size() == 2);
  CHECK(graph.ClaimsAbout(2).size() == 1);
  CHECK(graph.AssertionsAttributedTo({NodeKind::kEntity, 2}).size() == 1);
  CHECK(graph.AssertionsAttributedTo({NodeKind::kSource, 0}).empty());
}

TEST_CASE("the Boost.Graph form has one vertex per record and one edge per relation") {
  ProvenanceGraph graph(SmallCase());
  const BoostGraph& boost_graph = graph.boost_graph();
  CHECK(boost::num_vertices(boost_graph.graph) == 6);
  // 2 assertions + 1 attribution + 1 citation + 1 publisher + 2 controlled-by + 1 about
  CHECK(boost::num_edges(boost_graph.graph) == 8);
  Vertex claim = boost_graph.VertexOf({NodeKind::kClaim, 0});
  CHECK(boost_graph.NodeAt(claim) == NodeRef{NodeKind::kClaim, 0});
  CHECK(boost::in_degree(claim, boost_graph.graph) == 2);
}

}  // namespace
}  // namespace claimgraph
