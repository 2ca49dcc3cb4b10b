// The report of the sample case (issue 10, item 4): every claim in the summary, linked to
// its section; each section's picture the one `render --focus` draws, its ids prefixed;
// the explanation the one `explain` prints; the JSON-LD the one `export claimreview`
// writes; nothing that loads; and the same bytes every time.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "fuzz/escape_xml_reader.h"
#include "fuzz/report_checks.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kSample = "samples/thaad-drills/case.json";
const std::string kReviewUrl = "https://factcheck.example/thaad-drills/report.html";

std::string Attribute(const XmlElement& element, std::string_view name) {
  for (const auto& [attribute, value] : element.attributes) {
    if (attribute == name) return value;
  }
  return "";
}

// The sample's report, written once for the tests of this file (20 focus layouts).
const std::string& SampleReport() {
  static const std::string html = [] {
    ScratchDirectory scratch;
    const CommandOutput result =
        RunTool({"report", ProjectPath(kSample), "--review-url", kReviewUrl, "-o", scratch.File("report.html")});
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    REQUIRE(result.err == "");
    return ReadWholeFile(scratch.File("report.html"));
  }();
  return html;
}

std::vector<XmlElement> Parse(const std::string& html) {
  Result<std::vector<XmlElement>> elements = ReadXml(html);
  REQUIRE_MESSAGE(elements.ok(), elements.status().message());
  return elements.value();
}

// The elements of the subtree that starts at elements[at] (the element itself first).
std::vector<XmlElement> Subtree(const std::vector<XmlElement>& elements, size_t at) {
  std::vector<XmlElement> subtree = {elements[at]};
  for (size_t next = at + 1; next < elements.size() && elements[next].depth > elements[at].depth; ++next) {
    subtree.push_back(elements[next]);
  }
  return subtree;
}

std::vector<size_t> Positions(const std::vector<XmlElement>& elements, std::string_view name) {
  std::vector<size_t> positions;
  for (size_t at = 0; at < elements.size(); ++at) {
    if (elements[at].name == name) positions.push_back(at);
  }
  return positions;
}

TEST_CASE("the report lists every claim, links each to its section, and loads nothing") {
  LoadResult loaded = LoadCasefiles({ProjectPath(kSample)});
  REQUIRE(loaded.ok());
  const ProvenanceGraph& graph = *loaded.graph;
  const std::string& html = SampleReport();
  CHECK(ReportProblem(html, graph.data()) == "");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\"/>\n", 0) == 0);

  const std::vector<XmlElement> elements = Parse(html);
  const std::string title =
      "China–Russia joint computer-assisted missile defence drills (May 2016, December 2017) and THAAD";
  CHECK(elements[Positions(elements, "title").front()].text == title);
  CHECK(elements[Positions(elements, "h1").front()].text == title);

  // One row per claim, in casefile order, each a link to the section of that claim.
  std::vector<std::string> row_links;
  for (size_t at : Positions(elements, "th")) {
    if (Attribute(elements[at], "scope") == "row") row_links.push_back(Attribute(elements[at + 1], "href"));
  }
  REQUIRE(row_links.size() == graph.claims().size());
  std::vector<std::string> sections;
  for (size_t at : Positions(elements, "section")) sections.push_back(Attribute(elements[at], "id"));
  REQUIRE(sections.size() == graph.claims().size());
  for (size_t claim = 0; claim < graph.claims().size(); ++claim) {
    CAPTURE(claim);
    CHECK(row_links[claim] == "#claim-" + graph.claims()[claim].id);  // the sample's ids need no encoding
    CHECK(sections[claim] == "claim-" + graph.claims()[claim].id);
  }
  // The headline claim's row, whole.
  CHECK(html.find("<tr><th scope=\"row\"><a href=\"#claim-drill-not-aimed-at-third-party\">The joint "
                  "China–Russia anti-missile drill is not aimed at any third party</a></th><td "
                  "class=\"number\">0.6000</td><td><span class=\"verdict verdict-self-reported-only\">self-reported "
                  "only</span></td><td class=\"number\">7</td><td class=\"number\">2</td><td "
                  "class=\"number\">2</td></tr>\n") != std::string::npos);
  // Headings go h1, h2, h3 without a skip, and every section has its h2 first.
  int previous = 1;
  for (const XmlElement& element : elements) {
    if (element.name.size() == 2 && element.name[0] == 'h' && element.name[1] >= '1' && element.name[1] <= '6') {
      const int level = element.name[1] - '0';
      CHECK(level <= previous + 1);
      previous = level;
    }
  }
}

TEST_CASE("each claim's picture is the SVG of render --focus, with its ids prefixed per picture") {
  const std::vector<XmlElement> elements = Parse(SampleReport());
  const std::vector<size_t> pictures = Positions(elements, "svg");
  LoadResult loaded = LoadCasefiles({ProjectPath(kSample)});
  REQUIRE(loaded.ok());
  REQUIRE(pictures.size() == loaded.graph->claims().size());
  for (size_t claim : {size_t{0}, size_t{12}, pictures.size() - 1}) {
    const std::string& id = loaded.graph->claims()[claim].id;
    CAPTURE(id);
    const CommandOutput rendered = RunTool({"render", ProjectPath(kSample), "--focus", id, "--format", "svg", "-o", "-"});
    REQUIRE(rendered.exit_code == 0);
    const std::vector<XmlElement> expected = Parse(rendered.out);
    const std::vector<XmlElement> inlined = Subtree(elements, pictures[claim]);
    REQUIRE(inlined.size() == expected.size());
    const std::string prefix = "f" + std::to_string(claim + 1) + "-";
    CHECK(Attribute(inlined[0], "role") == "img");
    CHECK(Attribute(inlined[0], "aria-label") == "Provenance of claim " + id);
    bool claim_node = false;
    for (size_t at = 0; at < expected.size(); ++at) {
      CHECK(inlined[at].name == expected[at].name);
      CHECK(inlined[at].text == expected[at].text);
      for (const auto& [name, value] : expected[at].attributes) {
        CHECK(Attribute(inlined[at], name) == (name == "id" ? prefix + value : value));
      }
      claim_node = claim_node || Attribute(inlined[at], "id") == prefix + id;
    }
    CHECK(claim_node);  // the claim's own node, by its casefile id
  }
}

TEST_CASE("the explanations are explain's text and the JSON-LD is export claimreview's") {
  const std::string& html = SampleReport();
  const std::vector<XmlElement> elements = Parse(html);
  std::vector<std::string> explanations;
  for (size_t at : Positions(elements, "pre")) explanations.push_back(elements[at].text);
  LoadResult loaded = LoadCasefiles({ProjectPath(kSample)});
  REQUIRE(loaded.ok());
  REQUIRE(explanations.size() == loaded.graph->claims().size());
  for (size_t claim : {size_t{0}, size_t{14}}) {
    const CommandOutput explained = RunTool({"explain", ProjectPath(kSample), loaded.graph->claims()[claim].id});
    REQUIRE(explained.exit_code == 0);
    CHECK(explanations[claim] == explained.out);
  }
  const CommandOutput exported =
      RunTool({"export", "claimreview", ProjectPath(kSample), "--review-url", kReviewUrl, "-o", "-"});
  REQUIRE(exported.exit_code == 0);
  const std::vector<size_t> scripts = Positions(elements, "script");
  REQUIRE(scripts.size() == 1);
  CHECK(Attribute(elements[scripts[0]], "type") == "application/ld+json");
  // The element holds the export (which ends in a line break) after a line break.
  CHECK(elements[scripts[0]].text == "\n" + exported.out);
  // The ClaimReview urls point into this page's sections.
  CHECK(exported.out.find("\"url\": \"" + kReviewUrl + "#claim-drill-not-aimed-at-third-party\"") != std::string::npos);
}

TEST_CASE("the same casefile gives the same bytes, wherever the report is written") {
  ScratchDirectory scratch;
  const CommandOutput again =
      RunTool({"report", ProjectPath(kSample), "--review-url", kReviewUrl, "-o", scratch.File("again.html")});
  REQUIRE(again.exit_code == 0);
  CHECK(ReadWholeFile(scratch.File("again.html")) == SampleReport());
}

TEST_CASE("--title, --as-of and the review block show under the title") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write(
      "case.json",
      "{\"claimgraph\": \"1.0\", \"title\": \"Case title\",\n"
      " \"review\": {\"author_name\": \"Desk & Co\", \"author_url\": \"https://desk.example/\", "
      "\"date_published\": \"2024-03-01\"},\n"
      " \"sources\": [{\"id\": \"early\", \"title\": \"Early\", \"kind\": \"news report\", \"published\": \"2024-01-10\"},\n"
      "              {\"id\": \"late\", \"title\": \"Late\", \"kind\": \"news report\", \"published\": \"2024-02-20\"}],\n"
      " \"claims\": [{\"id\": \"c\", \"text\": \"C\"}],\n"
      " \"assertions\": [{\"source\": \"early\", \"claim\": \"c\", \"stance\": \"supports\"},\n"
      "                  {\"source\": \"late\", \"claim\": \"c\", \"stance\": \"supports\"}]}\n");
  const CommandOutput result = RunTool({"report", casefile, "--title", "Our <check>", "--as-of", "2024-02-01",
                                        "--review-url", "https://desk.example/c.html", "-o", "-"});
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  CHECK(result.err == "claimgraph report: note: as of 2024-02-01: left out 1 source published later (1 assertion, 0 "
                    "citations) and 0 verdicts dated later; kept 0 sources without a date\n");
  CHECK(result.out.find("<title>Our &lt;check&gt;</title>") != std::string::npos);
  CHECK(result.out.find("<h1>Our &lt;check&gt;</h1>\n<p class=\"meta\">Reviewed by <a href=\"https://desk.example/\" "
                        "rel=\"noopener noreferrer\">Desk &amp; Co</a>, published <time>2024-03-01</time>. The case "
                        "as it stood on <time>2024-02-01</time>: later sources are left out. 1 claim, 1 source.</p>\n") !=
        std::string::npos);
  CHECK(result.out.find("Late") == std::string::npos);
}

}  // namespace
}  // namespace claimgraph::testing
