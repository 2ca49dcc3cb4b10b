#include "fuzz/escape_checks.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>
#include <vector>

#include "claimgraph/export.h"
#include "claimgraph/render.h"
#include "claimgraph/score.h"
#include "fuzz/escape_xml_reader.h"
#include "model/uri.h"
#include "render/dot_writer.h"
#include "render/drawing_builder.h"
#include "render/graphviz_adapter.h"
#include "render/view.h"

namespace claimgraph::testing {
namespace {

// Hands out the pieces of the input in turn.
class Pieces {
 public:
  explicit Pieces(std::string_view input) {
    size_t start = 0;
    while (true) {
      const size_t end = input.find('\0', start);
      pieces_.push_back(input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }
  std::string Next() { return std::string(pieces_[next_++ % pieces_.size()]); }
  std::string NonEmpty(std::string_view fallback) {
    std::string text = Next();
    return text.empty() ? std::string(fallback) : text;
  }
  std::string Id() { return Next() + "#" + std::to_string(ids_++); }
  size_t Number() { return next_ * 7 + pieces_.front().size(); }

 private:
  std::vector<std::string_view> pieces_;
  size_t next_ = 0;
  size_t ids_ = 0;
};

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Checks each element's name and attributes against the language's allowed sets.
std::string MarkupProblem(const std::vector<XmlElement>& elements, const std::set<std::string_view>& allowed_elements,
                          const std::set<std::string_view>& allowed_attributes) {
  for (const XmlElement& element : elements) {
    if (allowed_elements.count(element.name) == 0) return "unexpected element <" + element.name + ">";
    for (const auto& [name, value] : element.attributes) {
      if (StartsWith(Lowered(name), "on")) return "event handler attribute " + name + " on <" + element.name + ">";
      if (allowed_attributes.count(name) == 0) return "unexpected attribute " + name + " on <" + element.name + ">";
    }
  }
  return "";
}

size_t CountElements(const std::vector<XmlElement>& elements, std::string_view name) {
  return static_cast<size_t>(std::count_if(elements.begin(), elements.end(),
                                           [&](const XmlElement& element) { return element.name == name; }));
}

size_t EdgeCount(const CaseData& data) {
  const ProvenanceGraph graph(data);
  const BoostGraph& boost_graph = graph.boost_graph();
  return boost::num_edges(boost_graph.graph);
}

std::string Failed(std::string_view what, const Status& status) { return std::string(what) + ": " + status.message(); }

// One DOT rendering read back by cgraph, compared with the graph built in-process.
std::string DotRoundTripProblem(const ProvenanceGraph& graph, const RenderOptions& options,
                                const CorroborationResult* scores) {
  Result<render::View> view = render::SelectView(graph, options);
  if (!view.ok()) return Failed("view", view.status());
  const render::Drawing drawing = render::BuildDrawing(graph, view.value(), options, scores, "dot");
  std::string text;
  render::WriteDot(drawing, text);
  Result<render::InspectedGraph> from_text = render::ReadDot(text);
  if (!from_text.ok()) return Failed("cgraph cannot read the DOT", from_text.status());
  Result<render::InspectedGraph> in_process = render::InspectDrawing(drawing);
  if (!in_process.ok()) return Failed("in-process graph", in_process.status());
  if (!(from_text.value() == in_process.value())) return "the DOT reads back to another graph than the drawing";
  if (from_text->nodes.size() != drawing.nodes.size()) return "the DOT reads back with another number of nodes";
  const auto check_url = [](const render::InspectedGraph::Values& values) -> std::string {
    const auto url = values.find("URL");
    if (url == values.end()) return "";
    std::string decoded = url->second;  // EscapeUrl writes '&' as "&amp;" and changes nothing else
    for (size_t at = decoded.find("&amp;"); at != std::string::npos; at = decoded.find("&amp;", at + 1)) {
      decoded.replace(at, 5, "&");
    }
    return IsHttpUrl(decoded) ? "" : "a URL attribute that is no http(s) URL: " + url->second;
  };
  for (const auto& [name, node] : from_text->nodes) {
    if (std::string problem = check_url(node.attributes); !problem.empty()) return problem;
  }
  for (const auto& edge : from_text->edges) {
    if (std::string problem = check_url(std::get<2>(edge)); !problem.empty()) return problem;
  }
  return "";
}

// `text` as a JSON string literal.
std::string JsonString(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::vector<std::string> HostileStrings() {
  return {"<script>alert(1)</script>",
          "\"><svg onload=alert(1)><a xlink:href=\"javascript:alert(1)\">x</a>",
          "' onmouseover='alert(1)' x='",
          "javascript:alert(document.domain)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=x></iframe></body></foreignObject>",
          "]]><![CDATA[<script>x</script>]]>",
          "<!-- -- --> -- -->",
          "&#x0; &#0; &#xD800; &amp; &lt;script&gt; &unknown; &",
          std::string("bell\x07 escape\x1b nul") + '\0' + " \x01\x1f delete\x7f tab\t cr\r lf\n end",
          "line\xE2\x80\xA8separator\xE2\x80\xA9paragraph \xEF\xBF\xBE\xEF\xBF\xBF",
          "\\N \\G \\E \\L \\n ends in a backslash \\"};
}

std::string HostileCasefile() {
  const std::vector<std::string> hostile = HostileStrings();
  // Each hostile string once in a field that GraphML and GEXF carry, the ones the tests
  // look for in an SVG <text> or in ClaimReview where those show them.
  const auto text = [&](size_t index) { return JsonString(hostile[index % hostile.size()]); };
  const std::string url = JsonString(kAwkwardUrl);
  // Ids cannot hold whitespace or control characters; everything else is allowed.
  const std::string state = JsonString("\"><script>alert(1)</script>");
  const std::string outlet = JsonString("javascript:alert(1)");
  const std::string first = JsonString("]]>--&#x0;<x>");
  const std::string second = JsonString("onload=alert(1)");
  const std::string claim = JsonString("<svg/onload=alert(1)>");
  const std::string other = JsonString("data:,x&amp;");
  std::string out = "{\n  \"claimgraph\": \"1.0\",\n  \"title\": " + text(1) + ",\n";
  out += "  \"review\": {\"author_name\": " + text(2) + ", \"author_url\": " + url +
         ", \"date_published\": \"2017-12-20\"},\n";
  out += "  \"entities\": [\n    {\"id\": " + state + ", \"name\": " + text(1) + ", \"type\": \"state\", \"aliases\": [" +
         text(2) + "]},\n    {\"id\": " + outlet + ", \"name\": " + text(3) + ", \"type\": \"outlet\", \"url\": " + url +
         ", \"controlled_by\": [" + state + "]}\n  ],\n";
  out += "  \"sources\": [\n    {\"id\": " + first + ", \"title\": " + text(0) + ", \"url\": " + url +
         ", \"publisher\": " + outlet + ", \"published\": \"2017-12-11\", \"kind\": \"wire report\", \"language\": \"en\"},\n";
  out += "    {\"id\": " + second + ", \"title\": " + text(4) + ", \"published\": \"2017-12-12T09:30:00Z\", \"kind\": \"news report\"}\n  ],\n";
  out += "  \"claims\": [\n    {\"id\": " + claim + ", \"text\": " + text(5) + ", \"question\": " + text(7) +
         ", \"value\": " + text(8) + ", \"about\": [" + state + "], \"excludes\": [" + other + "]},\n    {\"id\": " + other +
         ", \"text\": " + text(10) + "}\n  ],\n";
  out += "  \"assertions\": [\n    {\"source\": " + first + ", \"claim\": " + claim + ", \"stance\": \"supports\", \"quote\": " +
         text(9) + ", \"speaker\": " + state + "},\n";
  out += "    {\"source\": " + second + ", \"claim\": " + claim + ", \"stance\": \"refutes\", \"quote\": " + text(6) + "},\n";
  out += "    {\"source\": " + second + ", \"claim\": " + other + ", \"stance\": \"reports\", \"quote\": " + text(11) + "}\n  ],\n";
  out += "  \"citations\": [{\"from\": " + second + ", \"to\": " + first + ", \"kind\": \"quotes\"}],\n";
  out += "  \"verdicts\": [{\"claim\": " + claim + ", \"rating\": \"false\", \"by\": " + text(0) +
         ", \"date\": \"2017-12-21\", \"url\": " + url + "}]\n}\n";
  return out;
}

CaseData CaseFromBytes(std::string_view input) {
  static constexpr const char* kDates[] = {"2017-12-11", "2017-12-12T09:30:00Z", "", "2018-01-02T23:59:59+05:30"};
  Pieces pieces(input);
  CaseData data;
  data.title = pieces.Next();
  data.review = {.author_name = pieces.NonEmpty("desk"), .author_url = pieces.Next(), .date_published = "2017-12-20"};
  for (int i = 0; i < 2; ++i) {
    Entity entity{.id = pieces.Id(), .name = pieces.NonEmpty("entity"), .aliases = {pieces.Next()},
                  .type = static_cast<EntityType>(pieces.Number() % 2), .url = pieces.Next()};
    if (i == 1) entity.controlled_by = {0};
    data.entities.push_back(std::move(entity));
  }
  for (Index i = 0; i < 3; ++i) {
    data.sources.push_back({.id = pieces.Id(), .title = pieces.NonEmpty("source"), .url = pieces.Next(),
                            .publisher = i == 2 ? kNoIndex : i, .published = kDates[(pieces.Number() + i) % 4],
                            .language = pieces.Next()});
    data.sources.back().published_seconds = static_cast<int64_t>(i) * 86400;
  }
  data.claims.push_back({.id = pieces.Id(), .text = pieces.NonEmpty("claim"), .about = {1}, .excludes = {1},
                         .question = pieces.Next(), .value = pieces.Next()});
  data.claims.push_back({.id = pieces.Id(), .text = pieces.NonEmpty("claim"), .excludes = {0}});
  data.assertions = {
      {.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 1}, .stance = Stance::kSupports, .confidence = 0.5f,
       .quote = pieces.Next()},
      {.source = 1, .claim = 0, .speaker = {NodeKind::kSource, 2}, .stance = Stance::kRefutes, .quote = pieces.Next()},
      {.source = 2, .claim = 1, .stance = Stance::kReports, .quote = pieces.Next()},
      {.source = 1, .claim = 1, .stance = Stance::kSupports},
  };
  data.citations = {{.from = 1, .to = 0, .kind = CitationKind::kQuotes}};
  data.verdicts = {{.claim = 0, .rating = Rating::kFalse, .by = pieces.Next(), .date = "2017-12-21", .url = pieces.Next()}};
  return data;
}

std::string SvgProblem(std::string_view svg) {
  Result<std::vector<XmlElement>> elements = ReadXml(svg);
  if (!elements.ok()) return "the SVG is not well-formed XML: " + elements.status().message();
  static const std::set<std::string_view> kElements = {"svg", "g", "title", "a", "polygon", "polyline",
                                                       "path", "ellipse", "text"};
  static const std::set<std::string_view> kAttributes = {
      "xmlns", "xmlns:xlink", "width", "height", "viewBox", "id", "class", "transform", "fill", "stroke",
      "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "points", "d", "cx", "cy", "rx",
      "ry", "x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "xlink:href",
      "xlink:title", "target"};
  if (std::string problem = MarkupProblem(elements.value(), kElements, kAttributes); !problem.empty()) return problem;
  if (elements->empty() || elements->front().name != "svg") return "the root element is not <svg>";
  for (const XmlElement& element : elements.value()) {
    for (const auto& [name, value] : element.attributes) {
      if (name == "xlink:href" && !IsHttpUrl(value)) return "a link that is no http(s) URL: " + value;
    }
  }
  return "";
}

std::string GraphmlProblem(std::string_view text, const CaseData& data) {
  Result<std::vector<XmlElement>> elements = ReadXml(text);
  if (!elements.ok()) return "the GraphML is not well-formed XML: " + elements.status().message();
  static const std::set<std::string_view> kElements = {"graphml", "key", "graph", "node", "edge", "data"};
  static const std::set<std::string_view> kAttributes = {"xmlns", "xmlns:xsi", "xsi:schemaLocation", "id", "for",
                                                         "attr.name", "attr.type", "edgedefault", "key", "source",
                                                         "target"};
  if (std::string problem = MarkupProblem(elements.value(), kElements, kAttributes); !problem.empty()) return problem;
  const size_t nodes = data.sources.size() + data.claims.size() + data.entities.size();
  if (CountElements(elements.value(), "node") != nodes) return "the GraphML has another number of nodes";
  if (CountElements(elements.value(), "edge") != EdgeCount(data)) return "the GraphML has another number of edges";
  return "";
}

std::string GexfProblem(std::string_view text, const CaseData& data) {
  Result<std::vector<XmlElement>> elements = ReadXml(text);
  if (!elements.ok()) return "the GEXF is not well-formed XML: " + elements.status().message();
  static const std::set<std::string_view> kElements = {"gexf", "meta", "creator", "graph", "attributes",
                                                       "attribute", "nodes", "node", "attvalues", "attvalue",
                                                       "edges", "edge"};
  static const std::set<std::string_view> kAttributes = {"xmlns", "version", "defaultedgetype", "mode", "class",
                                                         "id", "title", "type", "label", "for", "value",
                                                         "source", "target"};
  if (std::string problem = MarkupProblem(elements.value(), kElements, kAttributes); !problem.empty()) return problem;
  const size_t nodes = data.sources.size() + data.claims.size() + data.entities.size();
  if (CountElements(elements.value(), "node") != nodes) return "the GEXF has another number of nodes";
  if (CountElements(elements.value(), "edge") != EdgeCount(data)) return "the GEXF has another number of edges";
  return "";
}

std::string JsonProblem(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (document.HasParseError()) {
    return "RapidJSON cannot parse the JSON: error " + std::to_string(document.GetParseError()) + " at offset " +
           std::to_string(document.GetErrorOffset());
  }
  return "";
}

std::string ClaimReviewProblem(std::string_view json) {
  if (std::string problem = JsonProblem(json); !problem.empty()) return problem;
  for (std::string_view unsafe : {"<", ">", "&", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    if (json.find(unsafe) != std::string_view::npos) {
      return "the ClaimReview holds a raw '" + std::string(unsafe) + "', unsafe inside an HTML <script> element";
    }
  }
  return "";
}

std::string CheckDotEscaping(std::string_view input) {
  const ProvenanceGraph graph(CaseFromBytes(input));
  RenderOptions options;
  options.format = RenderFormat::kDot;
  if (std::string problem = DotRoundTripProblem(graph, options, nullptr); !problem.empty()) return problem;
  options.group_by = GroupBy::kPublisher;
  if (std::string problem = DotRoundTripProblem(graph, options, nullptr); !problem.empty()) return problem;
  Result<CorroborationResult> scores = Score(graph);
  if (!scores.ok()) return Failed("score", scores.status());
  options.group_by = GroupBy::kOrigin;
  options.scores = true;
  return DotRoundTripProblem(graph, options, &scores.value());
}

std::string CheckSvgEscaping(std::string_view input) {
  const ProvenanceGraph graph(CaseFromBytes(input));
  RenderOptions options;
  options.format = RenderFormat::kSvg;
  options.scores = true;
  options.group_by = GroupBy::kPublisher;
  Result<std::string> svg = Render(graph, options);
  if (!svg.ok()) return Failed("render", svg.status());
  return SvgProblem(svg.value());
}

std::string CheckXmlEscaping(std::string_view input) {
  const CaseData data = CaseFromBytes(input);
  const ProvenanceGraph graph(data);
  Result<CorroborationResult> scores = Score(graph);
  if (!scores.ok()) return Failed("score", scores.status());
  if (std::string problem = GraphmlProblem(ExportGraphml(graph, &scores.value()), data); !problem.empty()) {
    return problem;
  }
  return GexfProblem(ExportGexf(graph, &scores.value()), data);
}

std::string CheckJsonEscaping(std::string_view input) {
  const ProvenanceGraph graph(CaseFromBytes(input));
  if (std::string problem = JsonProblem(ExportProvJson(graph)); !problem.empty()) return "PROV-JSON: " + problem;
  Result<CorroborationResult> scores = Score(graph);
  if (!scores.ok()) return Failed("score", scores.status());
  Result<std::string> review = ExportClaimReview(graph, scores.value(), {.review_url = "https://example.org/reviews"});
  if (!review.ok()) return Failed("ClaimReview", review.status());
  return ClaimReviewProblem(review.value());
}

}  // namespace claimgraph::testing
