// BuildReport: the whole page, top to bottom. Every part comes from a library call that a
// command also makes (Score, Render, ExplainText, ExportClaimReview), so the report cannot
// disagree with `score`, `render --focus`, `explain` and `export claimreview`.
#include "claimgraph/report.h"

#include "claimgraph/export.h"
#include "claimgraph/render.h"
#include "claimgraph/score.h"
#include "embedded/report_assets.h"
#include "model/uri.h"
#include "report/html_text.h"
#include "report/inline_svg.h"
#include "report/sections.h"

namespace claimgraph {
namespace {

// Everything the page may load is inline: style (the <style> element) only. 'none' for
// the rest forbids every request, the JSON-LD is a data block that CSP does not run, and
// base-uri and form-action are not covered by default-src, so they are named.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

std::string PageTitle(const ProvenanceGraph& graph, const ReportOptions& options) {
  if (!options.title.empty()) return options.title;
  if (!graph.data().title.empty()) return graph.data().title;
  return "Fact-check report";
}

// The line under the title: who reviewed the case and when, and the date it was cut at.
std::string Byline(const ProvenanceGraph& graph, const ReportOptions& options) {
  const Review& review = graph.data().review;
  std::string line;
  if (review.present()) {
    line = "Reviewed by " + report::Link(review.author_url, review.author_name);
    if (!review.date_published.empty()) {
      line += ", published <time>" + report::HtmlText(review.date_published) + "</time>";
    }
    line += ". ";
  }
  if (!options.as_of.empty()) {
    line += "The case as it stood on <time>" + report::HtmlText(options.as_of) +
            "</time>: later sources are left out. ";
  }
  const size_t claims = graph.claims().size();
  line += std::to_string(claims) + (claims == 1 ? " claim, " : " claims, ") +
          std::to_string(graph.sources().size()) + (graph.sources().size() == 1 ? " source." : " sources.");
  return "<p class=\"meta\">" + line + "</p>\n";
}

// The ClaimReview JSON-LD, or nullopt with the reason in `notes`.
Result<std::optional<std::string>> ClaimReviewData(const ProvenanceGraph& graph, const CorroborationResult& scores,
                                                   const ReportOptions& options, std::vector<std::string>& notes) {
  if (!graph.data().review.present()) {
    notes.push_back("the ClaimReview JSON-LD is left out: the casefile has no \"review\" block naming who "
                    "published the review (docs/report.md)");
    return std::optional<std::string>();
  }
  ClaimReviewOptions review_options;
  review_options.review_url = options.review_url;
  Result<std::string> json = ExportClaimReview(graph, scores, review_options);
  if (!json.ok() && options.review_url.empty() && json.status().code() == ExitCode::kInvalidInput) {
    notes.push_back("the ClaimReview JSON-LD is left out: give --review-url URL, the address the report "
                    "will be published at, so that every claim's review has a url");
    return std::optional<std::string>();
  }
  if (!json.ok()) return json.status();
  // ExportClaimReview already writes '<', '>', '&', U+2028 and U+2029 as \u escapes; this
  // keeps the promise here too, where the text is put inside <script>.
  return std::optional<std::string>(report::ScriptDataText(json.value()));
}

std::string StyleSheet() {
  const std::optional<std::string_view> css = embedded::report_assets::Find("report.css");
  return std::string(css.value_or("")) + report::VerdictRules();
}

}  // namespace

Status ReportOptions::Validate() const {
  if (!review_url.empty() && (!IsHttpUrl(review_url) || review_url.find('#') != std::string::npos)) {
    return Status::Error("the review url '" + review_url +
                         "' must be an absolute http or https URL without spaces or '#'");
  }
  return Status::Ok();
}

Result<ReportPage> BuildReport(const ProvenanceGraph& graph, const ReportOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  Result<CorroborationResult> scored = Score(graph);
  if (!scored.ok()) return scored.status();
  const CorroborationResult& scores = scored.value();

  ReportPage result;
  Result<std::optional<std::string>> claim_review = ClaimReviewData(graph, scores, options, result.notes);
  if (!claim_review.ok()) return claim_review.status();

  const std::string title = report::HtmlText(PageTitle(graph, options));
  std::string& html = result.html;
  html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kContentSecurityPolicy) +
         "\"/>\n<meta name=\"referrer\" content=\"no-referrer\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<meta name=\"generator\" content=\"claimgraph report\"/>\n<title>" + title + "</title>\n<style>\n" +
         StyleSheet() + "</style>\n";
  if (claim_review.value()) {
    const std::string& json = *claim_review.value();
    html += "<script type=\"application/ld+json\">\n" + json + (json.ends_with('\n') ? "" : "\n") + "</script>\n";
  }
  html += "</head>\n<body>\n<a class=\"skip\" href=\"#claims\">Skip to the claims</a>\n<header>\n<h1>" + title +
          "</h1>\n" + Byline(graph, options) + "</header>\n<main>\n<h2 id=\"summary\">Summary</h2>\n" +
          report::SummaryTable(graph, scores) + "<div id=\"claims\">\n";
  for (Index claim = 0; claim < graph.claims().size(); ++claim) {
    RenderOptions picture;
    picture.format = RenderFormat::kSvg;
    picture.focus = graph.claims()[claim].id;
    Result<std::string> svg = Render(graph, picture);
    if (!svg.ok()) return svg.status();
    // "f1-", "f2-", ...: ASCII, unlike casefile ids, and distinct for every picture.
    const std::string prefix = "f" + std::to_string(claim + 1) + "-";
    html += report::ClaimSection(
        graph, scores, claim,
        report::InlineSvg(svg.value(), prefix, "Provenance of claim " + graph.claims()[claim].id));
  }
  html += "</div>\n</main>\n<footer>\n<p>Scores, verdicts and pictures by claimgraph: corroboration counts "
          "independent origins, not reports, and weighs down origins with a stake in the claim. The "
          "explanation under each claim gives every step.</p>\n</footer>\n</body>\n</html>\n";
  return result;
}

}  // namespace claimgraph
