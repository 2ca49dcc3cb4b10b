// Exports of hostile casefiles: GraphML and GEXF read back by libxml2 hold only the format's
// own elements and attributes and give back every string as written (less what XML 1.0
// cannot carry); PROV-JSON and ClaimReview are read back by RapidJSON, and ClaimReview is
// safe inside an HTML <script> element; the inputs the escaping fuzzers once failed on
// (tests/fuzz/regressions/escape_{xml,json}_fuzzer/) pass.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <map>
#include <set>

#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "export/markup_text.h"
#include "fuzz/escape_checks.h"
#include "fuzz/escape_xml_reader.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::HostileStrings;
using testing::XmlElement;

// The hostile casefile written to `scratch`, and the graph it loads to.
struct Hostile {
  std::string path;
  CaseData data;
};

Hostile LoadHostile(const testing::ScratchDirectory& scratch) {
  Hostile hostile{scratch.Write("hostile.json", testing::HostileCasefile()), {}};
  LoadResult loaded = LoadCasefiles({hostile.path});
  REQUIRE(loaded.ok());
  hostile.data = loaded.graph->data();
  return hostile;
}

std::string Exported(const std::string& format, const std::string& casefile, const testing::ScratchDirectory& scratch,
                     const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"export", format, casefile, "-o", scratch.File("out")};
  args.insert(args.end(), extra.begin(), extra.end());
  const testing::CommandOutput run = testing::RunTool(args);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  return testing::ReadWholeFile(scratch.File("out"));
}

// What XML 1.0 can carry of `text`: the control characters other than tab, line feed and
// carriage return, and U+FFFE and U+FFFF, become U+FFFD (export/markup_text.h).
std::string XmlCarried(std::string_view text) {
  std::string out;
  for (size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      out += "\xEF\xBF\xBD";
    } else if (text.substr(at, 3) == "\xEF\xBF\xBE" || text.substr(at, 3) == "\xEF\xBF\xBF") {
      out += "\xEF\xBF\xBD";
      at += 2;
    } else {
      out += text[at];
    }
  }
  return out;
}

// Every attribute value and element text in the document, as parsed.
std::multiset<std::string> ValuesIn(const std::vector<XmlElement>& elements) {
  std::multiset<std::string> values;
  for (const XmlElement& element : elements) {
    if (!element.text.empty()) values.insert(element.text);
    for (const auto& [name, value] : element.attributes) values.insert(value);
  }
  return values;
}

TEST_CASE("GraphML and GEXF of the hostile casefile parse, hold only their own markup, and keep every string") {
  testing::ScratchDirectory scratch;
  const Hostile hostile = LoadHostile(scratch);
  for (const std::string format : {"graphml", "gexf"}) {
    CAPTURE(format);
    const std::string text = Exported(format, hostile.path, scratch);
    CHECK((format == "graphml" ? testing::GraphmlProblem(text, hostile.data) : testing::GexfProblem(text, hostile.data)) == "");
    Result<std::vector<XmlElement>> elements = testing::ReadXml(text);
    REQUIRE(elements.ok());
    const std::multiset<std::string> values = ValuesIn(elements.value());
    // Every hostile string is a title, name, text or quote somewhere in the casefile.
    for (const std::string& hostile_text : HostileStrings()) {
      CAPTURE(hostile_text);
      CHECK(values.count(XmlCarried(hostile_text)) > 0);
    }
    for (const Source& source : hostile.data.sources) CHECK(values.count(source.id) > 0);
    CHECK(values.count(std::string(testing::kAwkwardUrl)) > 0);
  }
}

// Every string value in a JSON document, at any depth.
std::multiset<std::string> StringsIn(const rapidjson::Value& root) {
  std::multiset<std::string> strings;
  std::vector<const rapidjson::Value*> pending = {&root};
  while (!pending.empty()) {
    const rapidjson::Value* value = pending.back();
    pending.pop_back();
    if (value->IsString()) strings.emplace(value->GetString(), value->GetStringLength());
    if (value->IsArray()) {
      for (const rapidjson::Value& element : value->GetArray()) pending.push_back(&element);
    }
    if (value->IsObject()) {
      for (auto member = value->MemberBegin(); member != value->MemberEnd(); ++member) pending.push_back(&member->value);
    }
  }
  return strings;
}

TEST_CASE("PROV-JSON and ClaimReview of the hostile casefile parse and keep every string exactly") {
  testing::ScratchDirectory scratch;
  const Hostile hostile = LoadHostile(scratch);
  const std::string prov = Exported("prov-json", hostile.path, scratch);
  CHECK(testing::JsonProblem(prov) == "");
  const std::string review = Exported("claimreview", hostile.path, scratch, {"--review-url", "https://desk.example/r"});
  CHECK(testing::ClaimReviewProblem(review) == "");
  for (const std::string* text : {&prov, &review}) {
    rapidjson::Document document;
    document.Parse(text->data(), text->size());
    REQUIRE_FALSE(document.HasParseError());
    const std::multiset<std::string> strings = StringsIn(document);
    CHECK(strings.count(std::string(testing::kAwkwardUrl)) > 0);
    // JSON carries every character: the claim texts come back byte for byte.
    for (const Claim& claim : hostile.data.claims) {
      CAPTURE(claim.text);
      CHECK(strings.count(claim.text) > 0);
    }
  }
  // ClaimReview keeps the hostile text, escaped as JSON, not as it would break a page.
  CHECK(review.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") != std::string::npos);
  CHECK(review.find("line\\u2028separator\\u2029paragraph") != std::string::npos);
}

TEST_CASE("ClaimReview links only http(s) URLs of a graph built in code") {
  CaseData data;
  data.review = {.author_name = "Desk", .author_url = "javascript:alert(1)"};
  data.entities = {{.id = "o", .name = "Outlet", .type = EntityType::kOutlet, .url = "data:text/html,x"}};
  data.sources = {{.id = "s", .title = "Source", .url = "javascript:alert(2)", .publisher = 0, .published = "2017-12-11"},
                  {.id = "t", .title = "Other", .url = "https://example.org/t", .publisher = 0}};
  data.claims = {{.id = "c", .text = "Claim"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0}};
  data.verdicts = {{.claim = 0, .rating = Rating::kFalse, .url = "javascript:alert(3)"}};
  const ProvenanceGraph graph(data);
  Result<CorroborationResult> scores = Score(graph);
  REQUIRE(scores.ok());
  // The verdict's url is no link: without --review-url the claim has none.
  Result<std::string> refused = ExportClaimReview(graph, scores.value());
  CHECK(refused.status().message() ==
        "casefile: error: claim 'c' has no review url: give its verdict a \"url\", or pass --review-url with the "
        "page that publishes these reviews");
  Result<std::string> review = ExportClaimReview(graph, scores.value(), {.review_url = "https://desk.example/r"});
  REQUIRE(review.ok());
  CHECK(testing::ClaimReviewProblem(review.value()) == "");
  CHECK(review->find("javascript") == std::string::npos);
  CHECK(review->find("data:") == std::string::npos);
  CHECK(review->find("\"url\": \"https://desk.example/r#claim-c\"") != std::string::npos);
  CHECK(review->find("\"url\": \"https://example.org/t\"") != std::string::npos);
}

TEST_CASE("ScriptSafeJson escapes what could end or change a script element, and nothing else") {
  CHECK(exporting::ScriptSafeJson("{\"a\": \"</script><!--x-->&amp;\"}") ==
        "{\"a\": \"\\u003c/script\\u003e\\u003c!--x--\\u003e\\u0026amp;\"}");
  CHECK(exporting::ScriptSafeJson("[\"\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\xA6\"]") == "[\"\\u2028\\u2029\xE2\x80\xA6\"]");
  CHECK(exporting::ScriptSafeJson("{\"plain\": [1, 2.5, true, null]}") == "{\"plain\": [1, 2.5, true, null]}");
}


TEST_CASE("the XML and JSON escaping checks pass on every kept fuzz finding") {
  std::string hostile;
  for (const std::string& text : HostileStrings()) hostile += text + '\0';
  for (const std::string target : {"escape_xml_fuzzer", "escape_json_fuzzer"}) {
    std::vector<std::string> inputs = testing::RegressionInputs(target);
    inputs.push_back(hostile + "javascript:alert(1)");
    for (const std::string& input : inputs) {
      CHECK((target == "escape_xml_fuzzer" ? testing::CheckXmlEscaping(input) : testing::CheckJsonEscaping(input)) == "");
    }
  }
}

}  // namespace
}  // namespace claimgraph
