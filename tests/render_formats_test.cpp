// SVG, PNG and PDF rendered in-process: well-formed, carrying the web attributes, plausible,
// and byte-identical from run to run.
#include <doctest/doctest.h>

#include <cstdint>

#include "claimgraph/render.h"
#include "render/graphviz_adapter.h"
#include "render_test_cases.h"
#include "test_support.h"

namespace claimgraph {
namespace {

std::string RenderAs(RenderFormat format, const CaseData& data = testing::HostileCase()) {
  RenderOptions options;
  options.format = format;
  Result<std::string> picture = Render(ProvenanceGraph(data), options);
  REQUIRE_MESSAGE(picture.ok(), picture.status().message());
  return picture.value();
}

uint32_t BigEndian32(const std::string& bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<uint8_t>(bytes[at + i]);
  return value;
}

TEST_CASE("the SVG is well-formed XML") {
  testing::ScratchDirectory scratch;
  const std::string path = scratch.Write("hostile.svg", RenderAs(RenderFormat::kSvg));
  testing::CommandOutput result = testing::RunShell("xmllint --noout '" + path + "' 2>&1");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "");
}

TEST_CASE("the SVG carries ids, classes, links and tooltips, and shows labels as written") {
  const std::string svg = RenderAs(RenderFormat::kSvg);
  // The source r1: its casefile id (Graphviz writes '-' as &#45; in attributes), its class, its url (with & escaped) and its tooltip.
  CHECK(svg.find("<g id=\"r1\" class=\"node source\">") != std::string::npos);
  CHECK(svg.find("<a xlink:href=\"https://example.org/r1?x=1&amp;y=2\" xlink:title=\"Report "
                 "&quot;one&quot; \\ ends in \\&#10;wire report, published by Outlet "
                 "&lt;b&gt;&amp;amp;&lt;/b&gt;&#10;published 2017&#45;12&#45;11&#10;"
                 "https://example.org/r1?x=1&amp;y=2\">") != std::string::npos);
  CHECK(svg.find(">Report &quot;one&quot; \\ ends in \\</text>") != std::string::npos);
  CHECK(svg.find(">The drill is &lt;b&gt;not&lt;/b&gt; aimed &amp; at \\N</text>") != std::string::npos);
  CHECK(svg.find(">anyone</text>") != std::string::npos);
  CHECK(svg.find("<g id=\"r&quot;2\\\" class=\"node source\">") != std::string::npos);
  CHECK(svg.find("<g id=\"ministry\" class=\"node entity interested\">") != std::string::npos);
  // The supporting assertion: an id from the casefile ids, a class by kind and stance, the
  // quote in its tooltip and a link to the source.
  CHECK(svg.find("<g id=\"assertion:r1:c1\" class=\"edge assertion supports\">") != std::string::npos);
  CHECK(svg.find("&#10;\xE2\x80\x9CHe said &quot;no&quot; &amp; left.\xE2\x80\x9D&#10;") != std::string::npos);
  CHECK(svg.find("<g id=\"assertion:r&quot;2\\:c1\" class=\"edge assertion refutes\">") != std::string::npos);

  // Every node and edge of the data (not the legend) has a tooltip.
  size_t groups = 0;
  for (size_t at = svg.find("<g id="); at != std::string::npos; at = svg.find("<g id=", at + 1)) {
    const size_t end = svg.find("</g>", at);
    const std::string group = svg.substr(at, end - at);
    const bool data = group.find("class=\"node ") != std::string::npos ||
                      group.find("class=\"edge ") != std::string::npos;
    if (!data || group.find("legend") != std::string::npos) continue;
    ++groups;
    CHECK_MESSAGE(group.find("xlink:title=") != std::string::npos, group);
  }
  // 2 sources, 2 claims, 3 entities; 3 assertions, 1 attribution, 1 citation, 1 publisher,
  // 2 controlled-by, 1 about, 1 exclusion.
  CHECK(groups == 7 + 10);
}

TEST_CASE("the same graph gives byte-identical SVG") {
  CHECK(RenderAs(RenderFormat::kSvg) == RenderAs(RenderFormat::kSvg));
  CHECK(RenderAs(RenderFormat::kSvg, testing::ChainCase()) ==
        RenderAs(RenderFormat::kSvg, testing::ChainCase()));
}

TEST_CASE("the PNG has the PNG signature and plausible dimensions") {
  const std::string png = RenderAs(RenderFormat::kPng);
  REQUIRE(png.size() > 33);
  CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1A\n");
  CHECK(png.substr(12, 4) == "IHDR");
  const uint32_t width = BigEndian32(png, 16), height = BigEndian32(png, 20);
  CHECK(width > 300);
  CHECK(width < 5000);
  CHECK(height > 200);
  CHECK(height < 5000);
}

TEST_CASE("the PDF starts with the PDF header") {
  const std::string pdf = RenderAs(RenderFormat::kPdf);
  CHECK(pdf.substr(0, 5) == "%PDF-");
  CHECK(pdf.find("%%EOF") != std::string::npos);
}

TEST_CASE("a Graphviz failure is an error value, and the next render still works") {
  const ProvenanceGraph graph(testing::ChainCase());
  Result<render::InspectedGraph> bad = render::ReadDot("digraph { a -> }");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == ExitCode::kInternalError);
  // Graphviz's own text follows (its wording varies between versions).
  CHECK(bad.status().message().rfind("Graphviz: cannot read the DOT text: ", 0) == 0);
  RenderOptions options;
  options.format = RenderFormat::kSvg;
  CHECK(Render(graph, options).ok());
}

}  // namespace
}  // namespace claimgraph
