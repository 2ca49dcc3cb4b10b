// GraphML and GEXF read back by networkx (python3-networkx): the same node and edge counts
// as the graph, typed attributes, and hostile strings returned intact.
#include <doctest/doctest.h>

#include <boost/graph/graph_traits.hpp>
#include <rapidjson/document.h>

#include "claimgraph/boost_graph.h"
#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "export_test_tools.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::RunShell;
using testing::RunTool;
using testing::ScratchDirectory;
using testing::ShellQuote;

// Reads a GraphML or GEXF file with networkx and prints what the tests compare, as JSON.
constexpr const char* kReadBack = R"(import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True) if kind == "graphml" else nx.read_gexf(path)
edges = [[u, v, {k: d[k] for k in sorted(d) if k not in ("id", "label")}] for u, v, d in g.edges(data=True)]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                  "node_data": {n: d for n, d in g.nodes(data=True)}, "edge_data": edges}))
)";

rapidjson::Document ReadBack(const ScratchDirectory& scratch, const std::string& path, const std::string& kind) {
  const std::string python = testing::PythonWith("networkx");
  REQUIRE_MESSAGE(!python.empty(), "no Python 3 with networkx: run scripts/setup (python3-networkx)");
  const std::string script = scratch.Write("read_back.py", kReadBack);
  testing::CommandOutput output =
      RunShell(python + " " + ShellQuote(script) + " " + ShellQuote(path) + " " + kind + " 2>&1");
  REQUIRE_MESSAGE(output.exit_code == 0, output.out);
  rapidjson::Document document;
  document.Parse(output.out.data(), output.out.size());
  REQUIRE_MESSAGE(!document.HasParseError(), output.out);
  return document;
}

// The edges from `from` to `to` as networkx read them: the attribute objects.
std::vector<const rapidjson::Value*> EdgesBetween(const rapidjson::Document& document, const std::string& from,
                                                  const std::string& to) {
  std::vector<const rapidjson::Value*> found;
  for (const rapidjson::Value& edge : document["edge_data"].GetArray()) {
    if (edge[0].GetString() == from && edge[1].GetString() == to) found.push_back(&edge[2]);
  }
  return found;
}

void CheckExercise(const rapidjson::Document& document) {
  LoadResult loaded = LoadCasefiles({ProjectPath("tests/casefiles/workflow/exercise.json")});
  REQUIRE(loaded.ok());
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE(scores.ok());
  // 6 sources + 5 claims + 7 entities; 9 assertions + 3 attributions + 2 citations +
  // 5 publishers + 2 controlled-by + 2 about.
  CHECK(document["nodes"].GetInt() == 18);
  CHECK(document["edges"].GetInt() == 23);
  CHECK(boost::num_edges(loaded.graph->boost_graph().graph) == 23);

  const rapidjson::Value& wire = document["node_data"]["wire-b-report"];
  CHECK(std::string(wire["kind"].GetString()) == "source");
  CHECK(std::string(wire["title"].GetString()) == "Wire B on the exercise");
  CHECK(std::string(wire["publisher"].GetString()) == "wire-b");
  CHECK(std::string(wire["source_kind"].GetString()) == "wire report");
  CHECK(std::string(wire["published"].GetString()) == "2020-01-02T08:00:00Z");
  REQUIRE(wire["reliability"].IsDouble());
  CHECK(wire["reliability"].GetDouble() == 0.8);
  CHECK_FALSE(wire.HasMember("score"));  // a source has no score: absent, not empty

  const rapidjson::Value& claim = document["node_data"]["began-january"];
  CHECK(std::string(claim["verdict"].GetString()) == "corroborated");
  CHECK(claim["score"].GetDouble() == scores->claims[loaded.graph->Find("began-january")->index].score);
  REQUIRE(claim["independent_origins"].IsInt());
  CHECK(claim["independent_origins"].GetInt() == 2);

  const rapidjson::Value& wire_entity = document["node_data"]["wire-b"];
  CHECK(std::string(wire_entity["entity_type"].GetString()) == "outlet");
  CHECK(std::string(wire_entity["aliases"].GetString()) == "B Wire");

  auto quoted = EdgesBetween(document, "outlet-a-report", "ministry-release");
  REQUIRE(quoted.size() == 1);
  CHECK(std::string((*quoted[0])["kind"].GetString()) == "citation");
  CHECK(std::string((*quoted[0])["citation_kind"].GetString()) == "quotes");
  auto refutes = EdgesBetween(document, "ministry-release", "threatens-neighbours");
  REQUIRE(refutes.size() == 1);
  CHECK(std::string((*refutes[0])["stance"].GetString()) == "refutes");
  CHECK((*refutes[0])["confidence"].GetDouble() == 0.9);
  // The watchdog attributes two claims to the analyst: two parallel attribution edges.
  auto attributions = EdgesBetween(document, "watchdog-report", "analyst");
  REQUIRE(attributions.size() == 2);
  CHECK(std::string((*attributions[0])["claim"].GetString()) == "began-january");
  CHECK(std::string((*attributions[1])["claim"].GetString()) == "threatens-neighbours");
}

TEST_CASE("networkx reads the GraphML export with every node, edge and typed attribute") {
  ScratchDirectory scratch;
  const std::string out = scratch.File("exercise.graphml");
  testing::CommandOutput run =
      RunTool({"export", "graphml", ProjectPath("tests/casefiles/workflow/exercise.json"), "-o", out});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CheckExercise(ReadBack(scratch, out, "graphml"));
}

TEST_CASE("networkx reads the GEXF export with the same nodes, edges and attributes") {
  ScratchDirectory scratch;
  const std::string out = scratch.File("exercise.gexf");
  testing::CommandOutput run =
      RunTool({"export", "gexf", ProjectPath("tests/casefiles/workflow/exercise.json"), "-o", out});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CheckExercise(ReadBack(scratch, out, "gexf"));
}

TEST_CASE("hostile strings come back intact, characters XML cannot carry become U+FFFD") {
  CaseData data;
  data.entities = {{.id = "a&b<c>\"d'", .name = "Name <b>&amp;</b> \"q\" 'a'", .type = EntityType::kOther}};
  data.sources = {{.id = "s]]>", .title = "Carriage\rreturn, tab\t, bell\x07, broken \xC3\x28, emoji \xF0\x9F\x98\x80",
                   .publisher = 0}};
  data.claims = {{.id = "c", .text = "</graph></graphml>"}};
  data.assertions = {{.source = 0, .claim = 0, .quote = "<![CDATA[ x ]]>"}};
  ProvenanceGraph graph(std::move(data));
  ScratchDirectory scratch;
  for (const std::string kind : {"graphml", "gexf"}) {
    CAPTURE(kind);
    const std::string text = kind == "graphml" ? ExportGraphml(graph, nullptr) : ExportGexf(graph, nullptr);
    const std::string path = scratch.Write("hostile." + kind, text);
    rapidjson::Document document = ReadBack(scratch, path, kind);
    CHECK(document["nodes"].GetInt() == 3);
    CHECK(document["edges"].GetInt() == 2);
    CHECK(std::string(document["node_data"]["a&b<c>\"d'"]["name"].GetString()) == "Name <b>&amp;</b> \"q\" 'a'");
    CHECK(std::string(document["node_data"]["s]]>"]["title"].GetString()) ==
          "Carriage\rreturn, tab\t, bell\xEF\xBF\xBD, broken \xEF\xBF\xBD(, emoji \xF0\x9F\x98\x80");
    CHECK(std::string(document["node_data"]["c"]["text"].GetString()) == "</graph></graphml>");
    auto assertion = EdgesBetween(document, "s]]>", "c");
    REQUIRE(assertion.size() == 1);
    CHECK(std::string((*assertion[0])["quote"].GetString()) == "<![CDATA[ x ]]>");
  }
}

TEST_CASE("the sample case exports to GraphML and GEXF that networkx reads in full, byte-identically twice") {
  const std::string sample = ProjectPath("samples/thaad-drills/case.json");
  LoadResult loaded = LoadCasefiles({sample});
  REQUIRE(loaded.ok());
  const auto vertices = static_cast<int>(boost::num_vertices(loaded.graph->boost_graph().graph));
  const auto edges = static_cast<int>(boost::num_edges(loaded.graph->boost_graph().graph));
  ScratchDirectory scratch;
  for (const std::string kind : {"graphml", "gexf"}) {
    CAPTURE(kind);
    const std::string first = scratch.File("first." + kind);
    const std::string second = scratch.File("second." + kind);
    REQUIRE(RunTool({"export", kind, sample, "-o", first}).exit_code == 0);
    REQUIRE(RunTool({"export", kind, sample, "-o", second}).exit_code == 0);
    CHECK(testing::ReadWholeFile(first) == testing::ReadWholeFile(second));
    rapidjson::Document document = ReadBack(scratch, first, kind);
    CHECK(document["nodes"].GetInt() == vertices);
    CHECK(document["edges"].GetInt() == edges);
    const rapidjson::Value& key_claim = document["node_data"]["drill-not-aimed-at-third-party"];
    CHECK(std::string(key_claim["kind"].GetString()) == "claim");
    CHECK(key_claim["score"].IsDouble());
  }
}

}  // namespace
}  // namespace claimgraph
