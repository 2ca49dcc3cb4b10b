// The DOT output: golden files for hostile labels, read back through cgraph and the `dot`
// command, the streamed writer agreeing with the in-process graph, and determinism.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "claimgraph/render.h"
#include "render/dot_writer.h"
#include "render/drawing_builder.h"
#include "render/graphviz_adapter.h"
#include "render/view.h"
#include "render_test_cases.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using render::InspectedGraph;

std::string RenderDot(const CaseData& data, RenderOptions options = {}) {
  options.format = RenderFormat::kDot;
  Result<std::string> dot = Render(ProvenanceGraph(data), options);
  REQUIRE_MESSAGE(dot.ok(), dot.status().message());
  return dot.value();
}

// Compares with tests/golden/render/NAME; CLAIMGRAPH_UPDATE_GOLDEN=1 rewrites the file.
void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = testing::ProjectPath("tests/golden/render/" + name);
  if (std::getenv("CLAIMGRAPH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  CHECK(testing::ReadWholeFile(path) == actual);
}

TEST_CASE("the DOT of hostile labels matches its golden file") {
  CheckGolden("hostile.dot", RenderDot(testing::HostileCase()));
  RenderOptions claims_only;
  claims_only.claims_only = true;
  CheckGolden("hostile-claims-only.dot", RenderDot(testing::HostileCase(), claims_only));
  CheckGolden("chain.dot", RenderDot(testing::ChainCase()));
}

TEST_CASE("cgraph reads the DOT back to exactly the graph the adapter builds in-process") {
  for (const CaseData& data : {testing::HostileCase(), testing::ChainCase()}) {
    const ProvenanceGraph graph(data);
    RenderOptions options;
    options.group_by = GroupBy::kPublisher;
    Result<render::View> view = render::SelectView(graph, options);
    REQUIRE(view.ok());
    const render::Drawing drawing = render::BuildDrawing(graph, view.value(), options, nullptr, "dot");
    std::string text;
    render::WriteDot(drawing, text);
    Result<InspectedGraph> from_text = render::ReadDot(text);
    Result<InspectedGraph> in_process = render::InspectDrawing(drawing);
    REQUIRE_MESSAGE(from_text.ok(), from_text.status().message());
    REQUIRE(in_process.ok());
    CHECK(from_text.value() == in_process.value());
    CHECK(from_text->nodes.size() == drawing.nodes.size());
    CHECK(from_text->edges.size() == drawing.edges.size());
  }
}

TEST_CASE("hostile labels read back as their escaped values") {
  Result<InspectedGraph> read = render::ReadDot(RenderDot(testing::HostileCase()));
  REQUIRE(read.ok());
  const InspectedGraph::Values& r1 = read->nodes.at("s0").attributes;
  CHECK(r1.at("label") == "Report \"one\" \\\\ ends in \\\\\\nOutlet <b>&amp;amp;</b> \xC2\xB7 wire report \xC2\xB7\\n2017-12-11");
  CHECK(r1.at("id") == "r1");
  CHECK(r1.at("URL") == "https://example.org/r1?x=1&amp;y=2");
  CHECK(r1.at("class") == "source");
  const InspectedGraph::Values& r2 = read->nodes.at("s1").attributes;
  CHECK(r2.at("id") == "r\"2\\\\");
  CHECK(r2.at("label").find("\xF0\x9F\x9A\x80") != std::string::npos);
  CHECK(r2.at("label").find("\xEF\xBF\xBD") != std::string::npos);  // the invalid byte, replaced
  CHECK(read->nodes.at("c0").attributes.at("label") ==
        "The drill is <b>not</b> aimed &amp; at \\\\N\\nanyone");
  CHECK(read->nodes.at("e2").attributes.at("class") == "entity interested");
  CHECK(read->nodes.at("e2").attributes.at("peripheries") == "2");
}

TEST_CASE("the dot command reads every golden file without a warning") {
  for (const char* name : {"hostile.dot", "hostile-claims-only.dot", "chain.dot"}) {
    testing::CommandOutput result = testing::RunShell(
        "dot -Tsvg '" + testing::ProjectPath("tests/golden/render/") + name + "' -o /dev/null 2>&1");
    CHECK_MESSAGE(result.exit_code == 0, name);
    CHECK_MESSAGE(result.out == "", name);
  }
}

TEST_CASE("the same graph gives byte-identical DOT") {
  CHECK(RenderDot(testing::HostileCase()) == RenderDot(testing::HostileCase()));
}

}  // namespace
}  // namespace claimgraph
