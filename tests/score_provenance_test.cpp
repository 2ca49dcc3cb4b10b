// Provenance tracing on small hand-built graphs: which origins each assertion reaches, and
// the chain shown for each.
#include <doctest/doctest.h>

#include "claimgraph/graph.h"
#include "model/control_index.h"
#include "score/evidence_groups.h"
#include "score/provenance.h"

namespace claimgraph {
namespace {

using Via = ChainStep::Via;

NodeRef SourceNode(Index i) { return {NodeKind::kSource, i}; }
NodeRef EntityNode(Index i) { return {NodeKind::kEntity, i}; }

std::vector<NodeRef> OriginsOf(const ProvenanceGraph& graph, Index assertion) {
  std::vector<NodeRef> origins;
  for (const ProvenanceChain& chain : score::TraceAssertion(graph, assertion)) origins.push_back(chain.origin());
  return origins;
}

// Sources r0..r(n-1) titled "Report i", one claim c0 ("A claim"), and a ministry entity.
CaseData Reports(size_t count) {
  CaseData data;
  data.entities = {{.id = "ministry", .name = "Ministry"}};
  for (size_t i = 0; i < count; ++i) {
    data.sources.push_back({.id = "r" + std::to_string(i), .title = "Report " + std::to_string(i)});
  }
  data.claims = {{.id = "c0", .text = "A claim"}, {.id = "c1", .text = "Another claim"}};
  return data;
}

TEST_CASE("a report in its own voice that cites nothing is its own origin") {
  CaseData data = Reports(1);
  data.assertions = {{.source = 0, .claim = 0}};
  ProvenanceGraph graph(std::move(data));
  std::vector<ProvenanceChain> chains = score::TraceAssertion(graph, 0);
  REQUIRE(chains.size() == 1);
  REQUIRE(chains[0].steps.size() == 1);
  CHECK(chains[0].steps[0].node == SourceNode(0));
  CHECK(chains[0].steps[0].via == Via::kStart);
  CHECK(chains[0].assertion == 0);
}

TEST_CASE("citations of sources that carry the claim are followed to the first report") {
  // r2 quotes r1, r1 is derived from r0; all three assert c0; r0 speaks in its own voice.
  CaseData data = Reports(3);
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0}, {.source = 2, .claim = 0}};
  data.citations = {{.from = 2, .to = 1, .kind = CitationKind::kQuotes},
                    {.from = 1, .to = 0, .kind = CitationKind::kDerivedFrom}};
  ProvenanceGraph graph(std::move(data));
  std::vector<ProvenanceChain> chains = score::TraceAssertion(graph, 2);
  REQUIRE(chains.size() == 1);
  const std::vector<ChainStep>& steps = chains[0].steps;
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].node == SourceNode(2));
  CHECK(steps[1].node == SourceNode(1));
  CHECK(steps[1].via == Via::kCitation);
  CHECK(steps[1].citation == 0);
  CHECK(steps[2].node == SourceNode(0));
  CHECK(steps[2].citation == 1);
}

TEST_CASE("a cited source that does not carry the claim is not an origin of it") {
  // r1 cites r0, but r0 only asserts c1: r1 is the origin of its own c0 assertion.
  CaseData data = Reports(2);
  data.assertions = {{.source = 0, .claim = 1}, {.source = 1, .claim = 0}};
  data.citations = {{.from = 1, .to = 0}};
  ProvenanceGraph graph(std::move(data));
  CHECK(OriginsOf(graph, 1) == std::vector<NodeRef>{SourceNode(1)});
}

TEST_CASE("a speaker entity is an origin, reached via the speaker") {
  CaseData data = Reports(2);
  // r1 quotes r0, which attributes the claim to the ministry; r1 names the ministry too.
  data.assertions = {{.source = 0, .claim = 0, .speaker = EntityNode(0)},
                     {.source = 1, .claim = 0, .speaker = EntityNode(0)}};
  data.citations = {{.from = 1, .to = 0}};
  ProvenanceGraph graph(std::move(data));
  CHECK(OriginsOf(graph, 0) == std::vector<NodeRef>{EntityNode(0)});
  std::vector<ProvenanceChain> chains = score::TraceAssertion(graph, 1);
  REQUIRE(chains.size() == 1);  // one chain per origin: the direct attribution is found first
  REQUIRE(chains[0].steps.size() == 2);
  CHECK(chains[0].steps[1].node == EntityNode(0));
  CHECK(chains[0].steps[1].via == Via::kSpeaker);
}

TEST_CASE("a speaker source is followed when it carries the claim, else it is the origin") {
  CaseData data = Reports(4);
  // r1 attributes c0 to r0, which asserts c0 citing nothing; r3 attributes c0 to r2, which
  // the casefile records asserting nothing about c0.
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0, .speaker = SourceNode(0)},
                     {.source = 3, .claim = 0, .speaker = SourceNode(2)}};
  ProvenanceGraph graph(std::move(data));
  std::vector<ProvenanceChain> followed = score::TraceAssertion(graph, 1);
  REQUIRE(followed.size() == 1);
  REQUIRE(followed[0].steps.size() == 2);
  CHECK(followed[0].steps[1].node == SourceNode(0));
  CHECK(followed[0].steps[1].via == Via::kSpeaker);
  CHECK(OriginsOf(graph, 2) == std::vector<NodeRef>{SourceNode(2)});
}

TEST_CASE("a report citing two independent carriers has both origins") {
  CaseData data = Reports(3);
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0}, {.source = 2, .claim = 0}};
  data.citations = {{.from = 2, .to = 1}, {.from = 2, .to = 0}};
  ProvenanceGraph graph(std::move(data));
  CHECK(OriginsOf(graph, 2) == (std::vector<NodeRef>{SourceNode(0), SourceNode(1)}));
}

TEST_CASE("a citation cycle (which the loader rejects) is cut instead of looping") {
  CaseData data = Reports(2);
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0}};
  data.citations = {{.from = 0, .to = 1}, {.from = 1, .to = 0}};
  ProvenanceGraph graph(std::move(data));
  // Tracing a0 reaches r1, whose citation back to r0 closes the cycle and is skipped, so
  // r1 is where the claim starts as far as a0 is concerned.
  CHECK(OriginsOf(graph, 0) == std::vector<NodeRef>{SourceNode(1)});
  CHECK(OriginsOf(graph, 1) == std::vector<NodeRef>{SourceNode(0)});
}

TEST_CASE("controllers are followed transitively, for entities and for publishers") {
  CaseData data = Reports(2);
  // entity 0 ministry; 1 state; 2 outlet run by a holding (3) that the state controls.
  data.entities = {{.id = "ministry", .name = "Ministry", .controlled_by = {1}},
                   {.id = "state", .name = "State"},
                   {.id = "outlet", .name = "Outlet", .controlled_by = {3}},
                   {.id = "holding", .name = "Holding", .controlled_by = {1}}};
  data.sources[0].publisher = 2;
  data.claims[0].about = {1};
  ProvenanceGraph graph(std::move(data));
  ControlIndex control(graph);
  for (Index controller : {1u, 2u, 3u}) CHECK(control.ControlledBy(SourceNode(0), controller));
  CHECK_FALSE(control.ControlledBy(SourceNode(0), 0));
  CHECK(control.ControlledBy(EntityNode(0), 0));
  CHECK(control.ControlledBy(EntityNode(0), 1));
  CHECK_FALSE(control.ControlledBy(EntityNode(0), 2));
  CHECK_FALSE(control.ControlledBy(EntityNode(0), 3));
  CHECK(control.JoinKeys(SourceNode(1)).empty());  // publisher unknown
  // The outlet's report and the ministry share the state: one key, joined by the state.
  std::span<const Index> of_source = control.JoinKeys(SourceNode(0));
  std::span<const Index> of_ministry = control.JoinKeys(EntityNode(0));
  CHECK(std::vector<Index>(of_source.begin(), of_source.end()) ==
        std::vector<Index>(of_ministry.begin(), of_ministry.end()));
  const NodeRef both[] = {SourceNode(0), EntityNode(0)};
  CHECK(control.JoiningController(both) == 1);
  const NodeRef alone[] = {SourceNode(0), SourceNode(1)};
  CHECK(control.JoiningController(alone) == kNoIndex);
  CHECK(control.HasStake(SourceNode(0), graph.claims()[0]));
  CHECK(control.HasStake(EntityNode(0), graph.claims()[0]));
  CHECK_FALSE(control.HasStake(SourceNode(1), graph.claims()[0]));
  CHECK_FALSE(control.HasStake(EntityNode(0), graph.claims()[1]));
}

}  // namespace
}  // namespace claimgraph
