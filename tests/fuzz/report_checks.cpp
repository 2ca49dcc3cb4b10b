#include "fuzz/report_checks.h"

#include <set>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/report.h"
#include "fuzz/escape_checks.h"
#include "fuzz/escape_xml_reader.h"
#include "model/uri.h"

namespace claimgraph::testing {
namespace {

const std::set<std::string_view> kHtmlElements = {
    "html", "head", "meta", "title", "style", "script", "body", "a", "header", "h1", "h2", "h3", "p", "time",
    "main", "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "div", "section", "blockquote",
    "figure", "figcaption", "pre", "ul", "li", "cite", "q", "strong", "br", "footer"};
const std::set<std::string_view> kSvgElements = {"svg", "g", "title", "a", "polygon", "polyline",
                                                 "path", "ellipse", "text"};
const std::set<std::string_view> kAttributes = {
    // HTML
    "lang", "charset", "http-equiv", "content", "name", "type", "href", "rel", "class", "id", "scope",
    "aria-labelledby", "aria-label", "role",
    // Graphviz's SVG
    "xmlns", "xmlns:xlink", "width", "height", "viewBox", "transform", "fill", "stroke", "stroke-width",
    "stroke-dasharray", "stroke-opacity", "fill-opacity", "points", "d", "cx", "cy", "rx", "ry", "x", "y",
    "text-anchor", "font-family", "font-size", "font-weight", "font-style", "xlink:href", "xlink:title",
    "target"};

std::set<std::string> DataUrls(const CaseData& data) {
  std::set<std::string> urls;
  for (const Source& source : data.sources) urls.insert(source.url);
  for (const Entity& entity : data.entities) urls.insert(entity.url);
  for (const Verdict& verdict : data.verdicts) urls.insert(verdict.url);
  urls.insert(data.review.author_url);
  urls.erase("");
  return urls;
}

std::string ElementProblem(const XmlElement& element, bool in_svg) {
  if ((in_svg ? kSvgElements : kHtmlElements).count(element.name) == 0) {
    return "unexpected element <" + element.name + ">";
  }
  for (const auto& [name, value] : element.attributes) {
    if (name.size() >= 2 && (name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N')) {
      return "event handler attribute " + name + " on <" + element.name + ">";
    }
    if (kAttributes.count(name) == 0) return "unexpected attribute " + name + " on <" + element.name + ">";
  }
  return "";
}

std::string Attribute(const XmlElement& element, std::string_view name) {
  for (const auto& [attribute, value] : element.attributes) {
    if (attribute == name) return value;
  }
  return "";
}

}  // namespace

std::string ReportProblem(std::string_view html, const CaseData& data) {
  Result<std::vector<XmlElement>> parsed = ReadXml(html);
  if (!parsed.ok()) return "the report is not well-formed: " + parsed.status().message();
  const std::vector<XmlElement>& elements = parsed.value();
  if (elements.size() < 4 || elements[0].name != "html" || elements[1].name != "head" ||
      elements[2].name != "meta" || Attribute(elements[2], "charset") != "utf-8" || elements[3].name != "meta" ||
      Attribute(elements[3], "http-equiv") != "Content-Security-Policy") {
    return "the report does not start <html><head><meta charset><meta http-equiv=\"Content-Security-Policy\">";
  }
  if (Attribute(elements[3], "content") != kReportPolicy) {
    return "another Content-Security-Policy: " + Attribute(elements[3], "content");
  }
  std::set<std::string> ids;
  for (const XmlElement& element : elements) {
    const std::string id = Attribute(element, "id");
    if (!id.empty() && !ids.insert(id).second) return "the id '" + id + "' is used twice";
  }
  const std::set<std::string> urls = DataUrls(data);
  size_t scripts = 0;
  size_t svg_depth = SIZE_MAX;  // the depth of the <svg> element being read, if any
  for (const XmlElement& element : elements) {
    if (svg_depth != SIZE_MAX && element.depth <= svg_depth) svg_depth = SIZE_MAX;
    const bool in_svg = svg_depth != SIZE_MAX || element.name == "svg";
    if (std::string problem = ElementProblem(element, in_svg); !problem.empty()) return problem;
    if (element.name == "svg") {
      if (svg_depth != SIZE_MAX) return "an <svg> inside an <svg>";
      svg_depth = element.depth;
      if (Attribute(element, "role") != "img" || Attribute(element, "aria-label").empty()) {
        return "an <svg> without role=\"img\" and an aria-label";
      }
    }
    if (element.name == "script") {
      ++scripts;
      if (Attribute(element, "type") != "application/ld+json") return "a <script> that is not JSON-LD";
      if (std::string problem = ClaimReviewProblem(element.text); !problem.empty()) return problem;
    }
    if (element.name == "style") {
      for (std::string_view bad : {"@import", "url(", "expression(", "<", "\\"}) {
        if (element.text.find(bad) != std::string::npos) return "the style sheet holds " + std::string(bad);
      }
    }
    for (const auto& [name, value] : element.attributes) {
      if (name != "href" && name != "xlink:href") continue;
      if (!value.empty() && value[0] == '#') {
        if (ids.count(value.substr(1)) == 0) return "a link to no element of the page: " + value;
        continue;
      }
      if (element.name != "a") return "an href on <" + element.name + ">: " + value;
      if (!IsHttpUrl(value)) return "a link that is no http(s) URL: " + value;
      if (urls.count(value) == 0) return "a link to a URL that is in no record: " + value;
      if (!in_svg && Attribute(element, "rel") != "noopener noreferrer") {
        return "a link without rel=\"noopener noreferrer\": " + value;
      }
    }
  }
  if (scripts > 1) return "more than one <script>";
  return "";
}

std::string CheckHtmlEscaping(std::string_view input) {
  const CaseData data = CaseFromBytes(input);
  const ProvenanceGraph graph(data);
  ReportOptions options;
  options.review_url = "https://example.org/report.html";
  Result<ReportPage> report = BuildReport(graph, options);
  if (!report.ok()) return "report: " + report.status().message();
  return ReportProblem(report->html, data);
}

}  // namespace claimgraph::testing
