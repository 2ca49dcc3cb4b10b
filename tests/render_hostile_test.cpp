// Pictures of hostile casefiles: the SVG read back by libxml2 holds only the elements and
// attributes the renderer means to write and only http(s) links, the DOT is read back by
// cgraph, a 20 KB title still makes DOT that dot reads, and the inputs the escaping fuzzers
// once failed on (tests/fuzz/regressions/escape_{dot,svg}_fuzzer/) pass.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "claimgraph/render.h"
#include "fuzz/escape_checks.h"
#include "fuzz/escape_xml_reader.h"
#include "render/escape.h"
#include "render/graphviz_adapter.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::HostileStrings;
using testing::ReadXml;
using testing::XmlElement;

std::vector<XmlElement> ParsedSvg(const std::string& svg) {
  CHECK(testing::SvgProblem(svg) == "");
  Result<std::vector<XmlElement>> elements = ReadXml(svg);
  REQUIRE_MESSAGE(elements.ok(), elements.status().message());
  return elements.value();
}

// Every link, text and tooltip of the picture.
struct Shown {
  std::vector<std::string> links, texts, tooltips;
};

Shown ShownIn(const std::vector<XmlElement>& elements) {
  Shown shown;
  for (const XmlElement& element : elements) {
    if (element.name == "text") shown.texts.push_back(element.text);
    for (const auto& [name, value] : element.attributes) {
      if (name == "xlink:href") shown.links.push_back(value);
      if (name == "xlink:title") shown.tooltips.push_back(value);
    }
  }
  return shown;
}

bool AnyContains(const std::vector<std::string>& texts, std::string_view part) {
  for (const std::string& text : texts) {
    if (text.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("a casefile with hostile text in every field renders to SVG that shows the text and runs nothing") {
  testing::ScratchDirectory scratch;
  const std::string casefile = scratch.Write("hostile.json", testing::HostileCasefile());
  const testing::CommandOutput checked = testing::RunTool({"check", casefile});
  REQUIRE_MESSAGE(checked.exit_code == 0, checked.err);
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, {"--scores", "--group-by", "origin"}, {"--group-by", "publisher"}}) {
    CAPTURE(extra.size());
    std::vector<std::string> args = {"render", casefile, "-o", scratch.File("out.svg")};
    args.insert(args.end(), extra.begin(), extra.end());
    const testing::CommandOutput run = testing::RunTool(args);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const Shown shown = ShownIn(ParsedSvg(testing::ReadWholeFile(scratch.File("out.svg"))));
    // The awkward URL is every link, exactly as written (the parser decodes "&amp;").
    CHECK(shown.links == std::vector<std::string>(shown.links.size(), std::string(testing::kAwkwardUrl)));
    CHECK(shown.links.size() >= 3);
    // The hostile text is there to read, as text.
    CHECK(AnyContains(shown.tooltips, "<script>alert(1)</script>"));
    CHECK(AnyContains(shown.tooltips, "\"><svg onload=alert(1)>"));
    CHECK(AnyContains(shown.tooltips, "]]><![CDATA[<script>x</script>]]>"));
    CHECK(AnyContains(shown.tooltips, "<!-- -- --> -- -->"));
    CHECK(AnyContains(shown.tooltips, "&#x0; &#0; &#xD800; &amp; &lt;script&gt; &unknown; &"));
    CHECK(AnyContains(shown.texts, "<script>alert(1)</script>"));
  }
}

TEST_CASE("the DOT of the hostile casefile is read back by cgraph and by dot") {
  testing::ScratchDirectory scratch;
  const std::string casefile = scratch.Write("hostile.json", testing::HostileCasefile());
  const testing::CommandOutput run = testing::RunTool({"render", casefile, "-o", scratch.File("out.dot")});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string dot = testing::ReadWholeFile(scratch.File("out.dot"));
  Result<render::InspectedGraph> graph = render::ReadDot(dot);
  REQUIRE_MESSAGE(graph.ok(), graph.status().message());
  CHECK(graph->nodes.at("s0").attributes.at("URL") == "https://example.org/a'b(c)*d;e=f?x=1&amp;y=%22&amp;z=$!,+#top");
  const testing::CommandOutput svg = testing::RunShell("dot -Tsvg " + scratch.File("out.dot") + " 2>&1");
  REQUIRE_MESSAGE(svg.exit_code == 0, svg.out);
  ParsedSvg(svg.out);
}

// A graph built in code is not checked by the loader: its URLs may be anything.
CaseData CaseWithUrls(const std::vector<std::string>& urls) {
  CaseData data;
  for (size_t i = 0; i < urls.size(); ++i) {
    data.sources.push_back({.id = "s" + std::to_string(i), .title = "Source " + std::to_string(i), .url = urls[i]});
  }
  data.claims = {{.id = "c", .text = "Claim"}};
  for (Index i = 0; i < urls.size(); ++i) data.assertions.push_back({.source = i, .claim = 0});
  return data;
}

TEST_CASE("a URL that is no absolute http(s) URL never becomes a link") {
  const std::vector<std::string> urls = {
      "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
      "https://example.org/a\"><script>alert(1)</script>", "https://example.org/\" onmouseover=\"alert(1)",
      "vbscript:msgbox(1)", "https://trusted.example@evil.example/", "https://example.org/ok?a=1&b=2"};
  RenderOptions options;
  const ProvenanceGraph graph(CaseWithUrls(urls));
  Result<std::string> svg = Render(graph, options);
  REQUIRE_MESSAGE(svg.ok(), svg.status().message());
  const Shown shown = ShownIn(ParsedSvg(svg.value()));
  // One source node and one assertion edge carry the one valid URL.
  CHECK(shown.links == std::vector<std::string>{"https://example.org/ok?a=1&b=2", "https://example.org/ok?a=1&b=2"});
  // The rejected URLs are still readable in the tooltips, as text.
  CHECK(AnyContains(shown.tooltips, "javascript:alert(1)"));
  CHECK(AnyContains(shown.tooltips, "https://example.org/a\"><script>alert(1)</script>"));
}

TEST_CASE("EscapeUrl keeps http(s) URLs, writes '&' as \"&amp,\" and drops the rest") {
  CHECK(render::EscapeUrl("https://example.org/?a=1&b=2") == "https://example.org/?a=1&amp;b=2");
  CHECK(render::EscapeUrl("HTTP://Example.org") == "HTTP://Example.org");
  CHECK(render::EscapeUrl("javascript:alert(1)") == "");
  CHECK(render::EscapeUrl("https://example.org/\"") == "");
  const std::string longest = "https://example.org/" + std::string(render::kMaxUrlBytes - 20, 'a');
  CHECK(render::EscapeUrl(longest) == longest);
  CHECK(render::EscapeUrl(longest + "a") == "");
}

TEST_CASE("EscapeText and EscapeTooltip cut long text at a character boundary with an ellipsis") {
  const std::string ellipsis = "\xE2\x80\xA6";
  CHECK(render::EscapeText(std::string(render::kMaxLabelBytes, 'a')) == std::string(render::kMaxLabelBytes, 'a'));
  CHECK(render::EscapeText(std::string(render::kMaxLabelBytes + 1, 'a')) ==
        std::string(render::kMaxLabelBytes - 3, 'a') + ellipsis);
  // 'é' is two bytes: a cut that would split one keeps the whole character out.
  const std::string accents = "aa" + [] {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "\xC3\xA9";
    return text;
  }();
  const std::string tooltip = render::EscapeTooltip(accents);
  CHECK(tooltip.size() == render::kMaxTooltipBytes - 1);  // "aa", 1997 of 'é' (3994 bytes), "…"
  CHECK(tooltip.substr(tooltip.size() - 3) == ellipsis);
  CHECK(tooltip.substr(0, 4) == "aa\xC3\xA9");
  CHECK(render::EscapeText("\xEF\xBF\xBE and \xEF\xBF\xBF") == "\xEF\xBF\xBD and \xEF\xBF\xBD");
}

TEST_CASE("EscapeId escapes as EscapeText does and never cuts") {
  const std::string id = std::string(3 * render::kMaxLabelBytes, 'i') + "&\\";
  CHECK(render::EscapeId(id) == std::string(3 * render::kMaxLabelBytes, 'i') + "&amp;\\\\");
}

TEST_CASE("AppendQuoted breaks a long run with a line continuation that cgraph drops") {
  std::string out;
  render::AppendQuoted(out, std::string(render::kMaxDotRunBytes, 'a'));
  CHECK(out == "\"" + std::string(render::kMaxDotRunBytes, 'a') + "\"");
  out.clear();
  render::AppendQuoted(out, std::string(render::kMaxDotRunBytes + 1, 'a'));
  CHECK(out == "\"" + std::string(render::kMaxDotRunBytes, 'a') + "\\\na\"");
  out.clear();
  // Never inside a UTF-8 sequence: the continuation comes before the next lead byte.
  render::AppendQuoted(out, std::string(render::kMaxDotRunBytes - 1, 'a') + "\xC3\xA9" + "b");
  CHECK(out == "\"" + std::string(render::kMaxDotRunBytes - 1, 'a') + "\xC3\xA9" + "\\\nb\"");
  out.clear();
  // A quote or a backslash starts a new run.
  render::AppendQuoted(out, std::string(3000, 'a') + "\\" + std::string(3000, 'b'));
  CHECK(out == "\"" + std::string(3000, 'a') + "\\" + std::string(3000, 'b') + "\"");
}

TEST_CASE("a 20 KB title, quote and URL render to DOT that cgraph and dot read, and to SVG") {
  std::string title;
  while (title.size() < 20 * 1024) title += "Twenty kilobytes of title & \xC3\xA9t\xC3\xA9 ";
  const std::string url = "https://example.org/" + std::string(7000, 'p');
  CaseData data;
  data.entities = {{.id = "outlet", .name = title}};
  data.sources = {{.id = "s", .title = title, .url = url, .publisher = 0},
                  {.id = "t", .title = "short", .url = url + std::string(2000, 'q')}};
  data.claims = {{.id = "c", .text = title}};
  data.assertions = {{.source = 0, .claim = 0, .quote = title}, {.source = 1, .claim = 0}};
  const ProvenanceGraph graph(data);
  RenderOptions options;
  options.format = RenderFormat::kDot;
  options.group_by = GroupBy::kPublisher;  // the cluster label holds the whole name
  Result<std::string> dot = Render(graph, options);
  REQUIRE(dot.ok());
  Result<render::InspectedGraph> read = render::ReadDot(dot.value());
  REQUIRE_MESSAGE(read.ok(), read.status().message());
  const render::InspectedGraph::Values& source = read->nodes.at("s0").attributes;
  CHECK(source.at("URL") == url);  // 7,000 bytes, over a line continuation
  CHECK(read->nodes.at("s1").attributes.count("URL") == 0);  // 9,020 bytes: more than kMaxUrlBytes
  std::string tooltip = source.at("tooltip");
  CHECK(tooltip.substr(tooltip.size() - 3) == "\xE2\x80\xA6");
  for (size_t at = tooltip.find("&amp;"); at != std::string::npos; at = tooltip.find("&amp;", at + 1)) {
    tooltip.replace(at, 5, "&");
  }
  CHECK(tooltip.size() <= render::kMaxTooltipBytes);
  CHECK(tooltip.size() > render::kMaxTooltipBytes - 8);
  testing::ScratchDirectory scratch;
  const testing::CommandOutput dot_reads =
      testing::RunShell("dot -Tsvg " + scratch.Write("big.dot", dot.value()) + " -o /dev/null 2>&1");
  CHECK_MESSAGE(dot_reads.exit_code == 0, dot_reads.out);
  options.format = RenderFormat::kSvg;
  Result<std::string> svg = Render(graph, options);
  REQUIRE(svg.ok());
  ParsedSvg(svg.value());
}


// The hostile strings, NUL-separated, as one fuzz input: the checks run even before any
// finding has been kept.
std::string HostileFuzzInput() {
  std::string input;
  for (const std::string& text : HostileStrings()) input += text + '\0';
  return input + "https://example.org/?a=1&b=2";
}

TEST_CASE("the DOT and SVG escaping checks pass on every kept fuzz finding") {
  std::vector<std::string> dot_inputs = testing::RegressionInputs("escape_dot_fuzzer");
  std::vector<std::string> svg_inputs = testing::RegressionInputs("escape_svg_fuzzer");
  dot_inputs.push_back(HostileFuzzInput());
  svg_inputs.push_back(HostileFuzzInput());
  for (const std::string& input : dot_inputs) CHECK(testing::CheckDotEscaping(input) == "");
  for (const std::string& input : svg_inputs) CHECK(testing::CheckSvgEscaping(input) == "");
}

}  // namespace
}  // namespace claimgraph
