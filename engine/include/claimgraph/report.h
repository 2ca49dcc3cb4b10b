// The publishable report (issue 10, item 4): one self-contained HTML file with the case's
// claims, their scores and verdicts, each claim's focus picture, explanation, sources and
// past verdicts, and the ClaimReview JSON-LD that search engines read. docs/report.md
// describes the page.
//
//   ReportOptions options;
//   options.review_url = "https://factcheck.example/thaad-drills/report.html";
//   Result<Report> report = BuildReport(graph, options);
//
// The file makes no request of any kind when opened: the style sheet is inline, the
// pictures are inline SVG, there is no script to run (only the JSON-LD data block), and a
// Content-Security-Policy forbids every load. Every casefile string is escaped for HTML;
// links are made only from URLs that model/uri.h accepts. Same graph and options,
// byte-identical HTML (nothing in it comes from the clock).
#ifndef CLAIMGRAPH_REPORT_H_
#define CLAIMGRAPH_REPORT_H_

#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

struct ReportOptions {
  // The page's title and first heading; "" uses the casefile's title, and a case without
  // one is called "Fact-check report".
  std::string title = "";
  // Where the report will be published, an absolute http(s) URL; the ClaimReview of a
  // claim without a verdict url points at "<review_url>#claim-<id>", the claim's section
  // in this page. "" = none: the JSON-LD is then left out unless every claim has a
  // verdict url (ReportPage::notes says why).
  std::string review_url = "";
  // The date the case was cut at (claimgraph/as_of.h), shown under the title; "" = none.
  // The caller applies it to the graph; the report only says so.
  std::string as_of = "";
  // Fails, naming the option, when review_url is neither empty nor an absolute http(s) URL.
  Status Validate() const;
};

struct ReportPage {
  std::string html;
  // What the page leaves out and why ("no ClaimReview JSON-LD: ..."), for the command to
  // print as notes; empty when nothing was left out.
  std::vector<std::string> notes;
};

// The report of every claim of `graph`, scored by Score(graph) with its default options,
// in claim order. Fails (exit code 2) on invalid options; propagates a Score() or
// Render() error.
Result<ReportPage> BuildReport(const ProvenanceGraph& graph, const ReportOptions& options = {});

}  // namespace claimgraph

#endif  // CLAIMGRAPH_REPORT_H_
