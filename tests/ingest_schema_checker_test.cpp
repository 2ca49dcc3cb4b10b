// The loader's fast path checks casefiles with a checker compiled from the schema
// (ingest/schema_checker.h) and UTF-8 in bulk (ingest/utf8_stream.h). Neither may accept
// what RapidJSON's validator and its UTF-8 check reject; these tests compare the verdicts
// on every casefile of the tests and samples and on one edit per schema keyword.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "ingest/casefile_schema.h"
#include "ingest/json_structure.h"
#include "ingest/schema_checker.h"
#include "ingest/utf8_stream.h"
#include "rapidjson/encodedstream.h"
#include "rapidjson/memorystream.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

using ingest::CasefileSchema;

const CasefileSchema& Schema() { return *CasefileSchema::Get().value(); }

bool FastCheckerAccepts(const std::string& text) {
  ingest::BuildState state;
  ingest::CaseBuilder builder(state, 0);
  ingest::CheckingCaseBuilder checking(*Schema().checker(), builder);
  rapidjson::Reader reader;
  // As Document::Parse does it, so that both skip a byte order mark alike.
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
  const rapidjson::ParseResult parsed =
      reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, checking);
  return !parsed.IsError() && checking.valid();
}

bool RapidJsonValidatorAccepts(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (document.HasParseError()) return false;
  rapidjson::SchemaValidator validator(Schema().root());
  return document.Accept(validator);
}

// A small valid casefile with every record kind and every optional field, into which the
// cases below splice one change each.
std::string Casefile(const std::string& assertion_fields = "\"stance\": \"supports\"",
                     const std::string& extra_root = "") {
  return R"({"claimgraph": "1.0", "title": "t", "review": {"author_name": "Desk"},
    "entities": [{"id": "e1", "name": "Ministry", "type": "state", "aliases": ["MoD"],
                  "controlled_by": [], "url": "https://example.org"}],
    "sources": [{"id": "s1", "title": "Report", "kind": "wire report", "publisher": "e1",
                 "published": "2017-12-11", "language": "en", "reliability": 0.5}],
    "claims": [{"id": "c1", "text": "A claim", "about": ["e1"], "excludes": [],
                "question": "q", "value": "yes"}],
    "assertions": [{"source": "s1", "claim": "c1", )" +
         assertion_fields + R"(}],
    "citations": [], "verdicts": [{"claim": "c1", "rating": "true"}])" +
         extra_root + "}";
}

TEST_CASE("the shipped casefile schema compiles for the fast path") {
  REQUIRE(CasefileSchema::Get().ok());
  CHECK(Schema().checker() != nullptr);
}

TEST_CASE("the fast checker and RapidJSON's validator agree on every test and sample casefile") {
  size_t files = 0, valid = 0;
  for (const std::string directory : {"tests/casefiles", "samples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(ProjectPath(directory))) {
      if (entry.path().extension() != ".json") continue;
      const std::string text = ReadWholeFile(entry.path().string());
      CAPTURE(entry.path().string());
      // The checker also fails a key given twice, which RapidJSON's validator lets through.
      const bool expected = RapidJsonValidatorAccepts(text) &&
                            ingest::ScanJsonStructure(text, 0, 1).problems.empty();
      CHECK(FastCheckerAccepts(text) == expected);
      ++files;
      valid += expected;
    }
  }
  CHECK(files >= 50);
  CHECK(valid >= 5);
  CHECK(valid < files);
}

TEST_CASE("the fast checker rejects exactly what the schema rejects, keyword by keyword") {
  const std::string id200(200, 'x'), id201(201, 'x');
  std::string wide200, wide201;  // 200 and 201 code points of three bytes each
  for (int i = 0; i < 200; ++i) wide200 += "\xE2\x82\xAC";
  wide201 = wide200 + "\xE2\x82\xAC";
  struct Case {
    std::string name;
    std::string text;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"the base casefile", Casefile(), true},
      {"quote and confidence", Casefile(R"("stance": "refutes", "quote": "q", "confidence": 1)"), true},
      {"confidence 0", Casefile(R"("stance": "reports", "confidence": 0)"), true},
      {"confidence above maximum", Casefile(R"("stance": "reports", "confidence": 1.5)"), false},
      {"confidence below minimum", Casefile(R"("stance": "reports", "confidence": -0.25)"), false},
      {"confidence as a string", Casefile(R"("stance": "reports", "confidence": "1")"), false},
      {"stance not in the enum", Casefile(R"("stance": "support")"), false},
      {"stance a number", Casefile(R"("stance": 1)"), false},
      {"stance a huge number", Casefile(R"("stance": 6e300)"), false},
      {"stance null", Casefile(R"("stance": null)"), false},
      {"stance an object", Casefile(R"("stance": {})"), false},
      {"stance missing", Casefile(R"("quote": "q")"), false},
      {"unknown field", Casefile(R"("stance": "supports", "stanse": "supports")"), false},
      {"empty quote", Casefile(R"("stance": "supports", "quote": "")"), false},
      {"speaker id of 200 characters", Casefile(R"("stance": "supports", "speaker": ")" + id200 + "\""), true},
      {"speaker id of 201 characters", Casefile(R"("stance": "supports", "speaker": ")" + id201 + "\""), false},
      {"speaker id of 200 code points", Casefile(R"("stance": "supports", "speaker": ")" + wide200 + "\""), true},
      {"speaker id of 201 code points", Casefile(R"("stance": "supports", "speaker": ")" + wide201 + "\""), false},
      {"unknown top-level field", Casefile("\"stance\": \"supports\"", R"(, "notes": [])"), false},
      {"records not an array", Casefile("\"stance\": \"supports\"", R"(, "assertions": {})"), false},
      {"wrong version", R"({"claimgraph": "2.0"})", false},
      {"version a huge number", R"({"claimgraph": 666666666666666666666666})", false},
      {"version missing", R"({"title": "t"})", false},
      {"the smallest casefile", R"({"claimgraph": "1.0"})", true},
      {"root an array", R"([{"claimgraph": "1.0"}])", false},
      {"title a number", R"({"claimgraph": "1.0", "title": 3})", false},
      {"review without author", R"({"claimgraph": "1.0", "review": {"author_url": "u"}})", false},
      {"record not an object", R"({"claimgraph": "1.0", "claims": ["c1"]})", false},
      {"alias not a string", R"({"claimgraph": "1.0", "entities": [{"id": "e", "name": "n",
        "type": "state", "aliases": [1]}]})", false},
      {"anything inside an unknown member still fails", R"({"claimgraph": "1.0", "x": {"y": [1]}})", false},
  };
  for (const Case& test : cases) {
    CAPTURE(test.name);
    CHECK(RapidJsonValidatorAccepts(test.text) == test.valid);
    CHECK(FastCheckerAccepts(test.text) == test.valid);
  }
}

TEST_CASE("a schema keyword the fast checker lacks keeps RapidJSON's validator") {
  rapidjson::Document schema;
  schema.Parse(R"({"type": "object", "properties": {"id": {"type": "string", "pattern": "^a"}}})");
  const Result<ingest::SchemaChecker> checker = ingest::SchemaChecker::Compile(schema);
  REQUIRE_FALSE(checker.ok());
  CHECK(checker.status().message() ==
        "the casefile schema cannot be compiled for the fast path: the keyword \"pattern\" at "
        "#/properties/id/pattern");
}

TEST_CASE("UTF-8 is checked in pieces cut anywhere, as strictly as the Unicode Standard") {
  const auto checks = [](std::vector<std::string> pieces) {
    ingest::Utf8Checker checker;
    for (const std::string& piece : pieces) checker.Add(piece);
    return checker.Finish();
  };
  CHECK(checks({"plain ASCII text, long enough for the eight-byte steps"}));
  CHECK(checks({"\xE2", "\x82", "\xAC"}));            // the euro sign, one byte per piece
  CHECK(checks({"ab\xF0\x9F", "\x98\x80 cd"}));        // an emoji across two pieces
  CHECK(checks({"\xED\x9F\xBF", "\xF4\x8F\xBF\xBF"}));  // U+D7FF and U+10FFFF
  CHECK_FALSE(checks({"\xC0\xAF"}));                   // overlong '/'
  CHECK_FALSE(checks({"\xE0\x9F\xBF"}));               // overlong three-byte form
  CHECK_FALSE(checks({"\xED\xA0\x80"}));               // a surrogate, U+D800
  CHECK_FALSE(checks({"\xF4\x90\x80\x80"}));           // above U+10FFFF
  CHECK_FALSE(checks({"\xF5\x80\x80\x80"}));
  CHECK_FALSE(checks({"abc\x80"}));                    // a lone continuation byte
  CHECK_FALSE(checks({"abc\xE2\x82"}));                // unfinished at the end
  CHECK_FALSE(checks({"\xE2\x28\xA1"}));               // a lead byte followed by ASCII
  CHECK(ingest::IsValidUtf8(""));
  CHECK_FALSE(ingest::IsValidUtf8(std::string("12345678\xFF", 9)));
}

TEST_CASE("a number too large for RapidJSON's enum hash is reported, not undefined behaviour") {
  // Found by the loader fuzzer: RapidJSON 1.1.0 converted 6.7e23 to a 64-bit integer.
  const LoadResult result = LoadCasefileTexts(
      {"huge.json"}, {"{\"claimgraph\": 666666666666666666666666,\n \"assertions\": [{\"source\": \"s\", "
                      "\"claim\": \"c\", \"stance\": -1e300}]}"});
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message() ==
        "huge.json:1:2: error: /claimgraph: unsupported format version 6.666666666666668e23; "
        "this version of claimgraph reads casefiles of version \"1.0\"\n"
        "huge.json:2:47: error: /assertions/0/stance: stance must be one of supports, refutes, "
        "reports, not -1e300");
}

TEST_CASE("a record array named twice, the first invalid, does not reach the builder") {
  // Found by the loader fuzzer: the error path dropped only the first "assertions" member,
  // so the second one's records went unvalidated and one without "source" crashed.
  const LoadResult result = LoadCasefileTexts(
      {"twice.json"}, {"{\"claimgraph\": \"1.0\", \"assertions\": \"1.0\",\n"
                       " \"assertions\": [{\"claim\": \"c\", \"stance\": \"supports\"}]}"});
  REQUIRE_FALSE(result.ok());
  // Since duplicate keys are an error of their own, that is all the file gets.
  CHECK(result.status().message() ==
        "twice.json:2:2: error: /assertions: duplicate key \"assertions\" (first at 1:23)");
}

}  // namespace
}  // namespace claimgraph::testing
