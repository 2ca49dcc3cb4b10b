#include "report/sections.h"

#include "render/style.h"
#include "report/html_text.h"
#include "score/explanation.h"

namespace claimgraph::report {
namespace {

constexpr VerdictBand kBands[] = {VerdictBand::kCorroborated, VerdictBand::kSingleOrigin,
                                  VerdictBand::kSelfReportedOnly, VerdictBand::kContested,
                                  VerdictBand::kRefuted, VerdictBand::kUnsupported};

std::string VerdictBadge(VerdictBand band) {
  return "<span class=\"verdict " + VerdictClass(band) + "\">" + std::string(Name(band)) + "</span>";
}

std::string Counted(size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string Cell(const std::string& content, bool number = false) {
  return number ? "<td class=\"number\">" + content + "</td>" : "<td>" + content + "</td>";
}

// "Ministry of National Defense (cn-defense-ministry)": the name a reader knows, and the
// casefile id an analyst searches for.
std::string Named(const ProvenanceGraph& graph, NodeRef node) {
  const std::string_view label = graph.Label(node);
  const std::string_view id = graph.Id(node);
  if (label.empty() || label == id) return HtmlText(id);
  return HtmlText(label) + " <span class=\"none\">(" + HtmlText(id) + ")</span>";
}

std::string SourceItem(const ProvenanceGraph& graph, const Assertion& assertion) {
  const Source& source = graph.sources()[assertion.source];
  const std::string stance(Name(assertion.stance));
  std::string item = "<li class=\"" + stance + "\"><span class=\"stance\">" + stance + "</span>: <cite>" +
                     HtmlText(source.title) + "</cite> <span class=\"none\">(" + HtmlText(source.id) +
                     ", " + std::string(Name(source.kind)) + ")</span><br/>";
  if (assertion.speaker.valid()) item += "attributed to " + Named(graph, assertion.speaker) + "<br/>";
  if (source.publisher != kNoIndex) {
    item += "published by " + Named(graph, {NodeKind::kEntity, source.publisher});
  } else {
    item += "publisher not known";
  }
  item += ", " + (source.published.empty() ? std::string("undated")
                                           : "<time>" + HtmlText(source.published) + "</time>") + "<br/>";
  if (!assertion.quote.empty()) item += "<q class=\"quote\">" + HtmlText(assertion.quote) + "</q><br/>";
  if (!source.url.empty()) {
    // A URL the loader would refuse (an in-memory graph can hold one) is shown as text.
    item += "<span class=\"url\">" + Link(source.url) + "</span>";
  } else {
    item += "<span class=\"none\">no URL</span>";
  }
  return item + "</li>\n";
}

std::string VerdictItem(const Verdict& verdict) {
  std::string item = "<li>rated <strong>" + std::string(Name(verdict.rating)) + "</strong>";
  if (!verdict.by.empty()) item += " by " + HtmlText(verdict.by);
  if (!verdict.date.empty()) item += " on <time>" + HtmlText(verdict.date) + "</time>";
  if (!verdict.url.empty()) item += ": <span class=\"url\">" + Link(verdict.url) + "</span>";
  return item + "</li>\n";
}

}  // namespace

std::string VerdictClass(VerdictBand band) {
  std::string name = "verdict-" + std::string(Name(band));
  for (char& c : name) {
    if (c == ' ') c = '-';
  }
  return name;
}

std::string VerdictRules() {
  std::string rules;
  for (VerdictBand band : kBands) {
    rules += "." + VerdictClass(band) + " { background: " + std::string(render::VerdictFill(band)) + "; }\n";
  }
  return rules;
}

std::string SummaryTable(const ProvenanceGraph& graph, const CorroborationResult& scores) {
  std::string table =
      "<table class=\"summary\">\n<caption>Every claim, its score (the probability that it is true, "
      "from 0 to 1) and its verdict</caption>\n<thead><tr><th scope=\"col\">claim</th>"
      "<th scope=\"col\">score</th><th scope=\"col\">verdict</th><th scope=\"col\">reports</th>"
      "<th scope=\"col\">independent origins</th><th scope=\"col\">interested origins</th></tr></thead>\n"
      "<tbody>\n";
  for (Index claim = 0; claim < graph.claims().size(); ++claim) {
    const ClaimScore& score = scores.claims[claim];
    table += "<tr><th scope=\"row\"><a href=\"#" + ClaimAnchor(graph.claims()[claim].id) + "\">" +
             HtmlText(graph.claims()[claim].text) + "</a></th>" + Cell(score::FormatDecimal(score.score), true) +
             Cell(VerdictBadge(score.verdict)) + Cell(std::to_string(score.reports), true) +
             Cell(std::to_string(score.independent_origins), true) +
             Cell(std::to_string(score.interested_origins), true) + "</tr>\n";
  }
  return table + "</tbody>\n</table>\n";
}

std::string ClaimSection(const ProvenanceGraph& graph, const CorroborationResult& scores, Index claim,
                         const std::string& svg) {
  const Claim& record = graph.claims()[claim];
  const ClaimScore& score = scores.claims[claim];
  const std::string anchor = ClaimAnchor(record.id);
  std::string section = "<section class=\"claim\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor +
                        "-heading\">\n<h2 id=\"" + anchor + "-heading\">Claim " + HtmlText(record.id) +
                        "</h2>\n<blockquote class=\"claim-text\"><p>" + HtmlText(record.text) +
                        "</p></blockquote>\n<p>Score <strong>" + score::FormatDecimal(score.score) +
                        "</strong>, verdict " + VerdictBadge(score.verdict) + "; " +
                        Counted(score.reports, "report", "reports") + ", " +
                        Counted(score.independent_origins, "independent origin", "independent origins") + ", " +
                        std::to_string(score.interested_origins) +
                        " of them interested (with a stake in the claim).</p>\n";
  section += "<h3>Where it comes from</h3>\n<figure>\n" + svg +
             "\n<figcaption>The claim's provenance: the sources that assert it, the chains of "
             "citations and attributions to their origins, and who controls them "
             "(the legend names the shapes, colours and lines).</figcaption>\n</figure>\n";
  section += "<h3>How the score is made</h3>\n<pre class=\"explanation\">" +
             HtmlText(score::ExplainText(graph, scores, claim)) + "</pre>\n";
  section += "<h3>Sources</h3>\n";
  const auto assertions = graph.AssertionsOfClaim(claim);
  if (assertions.empty()) {
    section += "<p class=\"none\">No source asserts this claim.</p>\n";
  } else {
    section += "<ul class=\"sources\">\n";
    for (Index assertion : assertions) section += SourceItem(graph, graph.assertions()[assertion]);
    section += "</ul>\n";
  }
  section += "<h3>Past verdicts</h3>\n";
  const auto verdicts = graph.VerdictsOfClaim(claim);
  if (verdicts.empty()) {
    section += "<p class=\"none\">No past verdict on this claim.</p>\n";
  } else {
    section += "<ul class=\"verdicts\">\n";
    for (Index verdict : verdicts) section += VerdictItem(graph.verdicts()[verdict]);
    section += "</ul>\n";
  }
  return section + "</section>\n";
}

}  // namespace claimgraph::report
