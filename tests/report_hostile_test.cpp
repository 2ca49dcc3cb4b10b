// Hostile strings in every text of a case, and URLs that are no http(s) URL, in the report:
// none becomes markup, a script or a live link (issue 10, item 4). The case is built in
// memory, so that it can hold what the loader refuses (a javascript: URL), as a case from
// another program could.
#include <doctest/doctest.h>

#include <string>

#include "claimgraph/graph.h"
#include "claimgraph/load.h"
#include "claimgraph/report.h"
#include "fuzz/escape_checks.h"
#include "fuzz/report_checks.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kImage = "\"><img src=x onerror=alert(1)>";
const std::string kClose = "</script><script>alert(2)</script>";
const std::string kJavascript = "javascript:alert(1)";
const std::string kSeparators = "line\xE2\x80\xA8separator\xE2\x80\xA9paragraph";

CaseData HostileCase() {
  CaseData data;
  data.title = kClose;
  data.review = {.author_name = kImage, .author_url = kJavascript, .date_published = "2024-01-01"};
  data.entities.push_back({.id = "<script>e</script>", .name = kImage, .type = EntityType::kOutlet,
                           .url = "javascript:alert(3)"});
  data.sources.push_back({.id = "s1", .title = kScript, .url = kJavascript, .publisher = 0,
                          .kind = SourceKind::kNewsReport, .published = "2024-01-02"});
  data.sources.push_back({.id = "\"><b>s2", .title = kImage, .url = "https://example.org/ok?a=1&b='2'",
                          .kind = SourceKind::kSocialPost});
  data.claims.push_back({.id = "c1", .text = kSeparators + " " + kScript});
  data.claims.push_back({.id = "</script>", .text = kClose});
  data.assertions.push_back({.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 0},
                             .stance = Stance::kSupports, .quote = kClose});
  data.assertions.push_back({.source = 1, .claim = 0, .stance = Stance::kRefutes, .quote = kSeparators});
  data.assertions.push_back({.source = 1, .claim = 1, .stance = Stance::kSupports, .quote = kImage});
  data.verdicts.push_back({.claim = 1, .rating = Rating::kFalse, .by = kScript, .date = "2024-01-03",
                           .url = "data:text/html,<script>alert(4)</script>"});
  return data;
}

bool Holds(const std::string& html, const std::string& piece) { return html.find(piece) != std::string::npos; }

TEST_CASE("hostile strings in a report are text: the exact escaped text, no markup, no live link") {
  const CaseData data = HostileCase();
  const ProvenanceGraph graph(data);
  ReportOptions options;
  options.review_url = "https://example.org/report.html";
  Result<ReportPage> report = BuildReport(graph, options);
  REQUIRE_MESSAGE(report.ok(), report.status().message());
  const std::string& html = report->html;
  CHECK(report->notes.empty());
  CHECK(ReportProblem(html, data) == "");

  CHECK(Holds(html, "<title>&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>"));
  CHECK(Holds(html, "<p class=\"meta\">Reviewed by &quot;&gt;&lt;img src=x onerror=alert(1)&gt;, published "
                    "<time>2024-01-01</time>. 2 claims, 2 sources.</p>\n"));
  // The summary row of the claim whose id is "</script>": its anchor percent-encoded.
  CHECK(Holds(html, "<tr><th scope=\"row\"><a href=\"#claim-%3C%2Fscript%3E\">&lt;/script&gt;&lt;script&gt;"
                    "alert(2)&lt;/script&gt;</a></th>"));
  CHECK(Holds(html, "<section class=\"claim\" id=\"claim-%3C%2Fscript%3E\" aria-labelledby=\"claim-%3C%2Fscript%3E-heading\">\n"
                    "<h2 id=\"claim-%3C%2Fscript%3E-heading\">Claim &lt;/script&gt;</h2>\n"));
  // U+2028 and U+2029 as references in the page, as \u escapes in the JSON-LD.
  CHECK(Holds(html, "<blockquote class=\"claim-text\"><p>line&#8232;separator&#8233;paragraph "
                    "&lt;script&gt;alert(1)&lt;/script&gt;</p></blockquote>"));
  CHECK(!Holds(html, "\xE2\x80\xA8"));
  CHECK(!Holds(html, "\xE2\x80\xA9"));
  CHECK(Holds(html, "\"claimReviewed\": \"line\\u2028separator\\u2029paragraph \\u003cscript\\u003ealert(1)"
                    "\\u003c/script\\u003e\""));
  CHECK(Holds(html, "\"claimReviewed\": \"\\u003c/script\\u003e\\u003cscript\\u003ealert(2)\\u003c/script\\u003e\""));
  // The javascript: source URL is shown as text; the valid one is a link, its '&' and '\'' escaped.
  CHECK(Holds(html, "<li class=\"supports\"><span class=\"stance\">supports</span>: <cite>&lt;script&gt;alert(1)"
                    "&lt;/script&gt;</cite> <span class=\"none\">(s1, news report)</span><br/>attributed to "
                    "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; <span class=\"none\">(&lt;script&gt;e&lt;/script&gt;)"
                    "</span><br/>published by &quot;&gt;&lt;img src=x onerror=alert(1)&gt; <span class=\"none\">"
                    "(&lt;script&gt;e&lt;/script&gt;)</span>, <time>2024-01-02</time><br/><q class=\"quote\">"
                    "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</q><br/><span class=\"url\">"
                    "javascript:alert(1)</span></li>\n"));
  CHECK(Holds(html, "<span class=\"url\"><a href=\"https://example.org/ok?a=1&amp;b=&apos;2&apos;\" "
                    "rel=\"noopener noreferrer\">https://example.org/ok?a=1&amp;b=&apos;2&apos;</a></span>"));
  CHECK(Holds(html, "<li>rated <strong>false</strong> by &lt;script&gt;alert(1)&lt;/script&gt; on "
                    "<time>2024-01-03</time>: <span class=\"url\">data:text/html,&lt;script&gt;alert(4)"
                    "&lt;/script&gt;</span></li>\n"));
  for (const char* live : {"<script>alert", "<img", "href=\"javascript", "href=\"data:", "</script><script>"}) {
    CAPTURE(live);
    CHECK(!Holds(html, live));
  }
}

TEST_CASE("the hostile casefile of the other outputs makes a report that loads and runs nothing") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write("hostile.json", HostileCasefile());
  const CommandOutput result = RunTool({"report", casefile, "--review-url", "https://example.org/r.html", "-o", "-"});
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  LoadResult loaded = LoadCasefiles({casefile});
  REQUIRE(loaded.ok());
  CHECK(ReportProblem(result.out, loaded.graph->data()) == "");
  CHECK(!Holds(result.out, "<script>alert"));
  // The fuzz target's check, on an empty case and on the hostile strings as every field.
  CHECK(CheckHtmlEscaping("") == "");
  std::string joined;
  for (const std::string& hostile : HostileStrings()) joined += hostile + '\0';
  CHECK(CheckHtmlEscaping(joined) == "");
  for (const std::string& input : RegressionInputs("escape_html_fuzzer")) CHECK(CheckHtmlEscaping(input) == "");
}

}  // namespace
}  // namespace claimgraph::testing
