// The casefile writer: exact text for a small hand-built CaseData, string escaping, and a
// round trip through the loader (write, load, compare records).
#include <doctest/doctest.h>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"

namespace claimgraph {
namespace {

// Two entities (one controlled by the other), two sources, two exclusive claims, every
// kind of record, and the optional fields both present and absent.
CaseData SmallCase() {
  CaseData data;
  data.title = "Drill \"target\" claims";
  data.review.author_name = "Example Desk";
  data.review.date_published = "2017-12-20";
  data.entities.push_back({.id = "ru-state", .name = "Russian state", .type = EntityType::kState});
  data.entities.push_back({.id = "tass", .name = "TASS", .aliases = {"ITAR-TASS"},
                           .type = EntityType::kOutlet, .controlled_by = {0},
                           .url = "https://tass.com"});
  data.sources.push_back({.id = "tass-1", .title = "Drill report", .url = "https://tass.com/1",
                          .publisher = 1, .kind = SourceKind::kWireReport,
                          .published = "2017-12-11", .language = "en",
                          .reliability = 0.6});
  data.sources.push_back({.id = "blog-1", .title = "A blog\\post\n", .kind = SourceKind::kOther});
  data.claims.push_back({.id = "not-aimed", .text = "Not aimed at anyone", .about = {0},
                         .excludes = {1}, .question = "target", .value = "none"});
  data.claims.push_back({.id = "aimed-at-us", .text = "Aimed at the US", .excludes = {0}});
  data.assertions.push_back({.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 0},
                             .stance = Stance::kSupports, .confidence = 0.9f,
                             .quote = "Not aimed at anyone."});
  data.assertions.push_back({.source = 1, .claim = 1, .stance = Stance::kRefutes});
  data.citations.push_back({.from = 1, .to = 0, .kind = CitationKind::kDerivedFrom});
  data.verdicts.push_back({.claim = 1, .rating = Rating::kFalse, .by = "Example Desk"});
  return data;
}

TEST_CASE("CasefileText writes every record kind, one record a line, in a fixed field order") {
  const std::string expected =
      "{\n"
      "  \"claimgraph\": \"1.0\",\n"
      "  \"title\": \"Drill \\\"target\\\" claims\",\n"
      "  \"description\": \"Hand-built\",\n"
      "  \"review\": {\"author_name\": \"Example Desk\", \"date_published\": \"2017-12-20\"},\n"
      "  \"entities\": [\n"
      "    {\"id\": \"ru-state\", \"name\": \"Russian state\", \"type\": \"state\"},\n"
      "    {\"id\": \"tass\", \"name\": \"TASS\", \"aliases\": [\"ITAR-TASS\"], \"type\": \"outlet\", "
      "\"controlled_by\": [\"ru-state\"], \"url\": \"https://tass.com\"}\n"
      "  ],\n"
      "  \"sources\": [\n"
      "    {\"id\": \"tass-1\", \"title\": \"Drill report\", \"url\": \"https://tass.com/1\", "
      "\"publisher\": \"tass\", \"published\": \"2017-12-11\", \"kind\": \"wire report\", "
      "\"language\": \"en\", \"reliability\": 0.6},\n"
      "    {\"id\": \"blog-1\", \"title\": \"A blog\\\\post\\n\", \"kind\": \"other\"}\n"
      "  ],\n"
      "  \"claims\": [\n"
      "    {\"id\": \"not-aimed\", \"text\": \"Not aimed at anyone\", \"about\": [\"ru-state\"], "
      "\"excludes\": [\"aimed-at-us\"], \"question\": \"target\", \"value\": \"none\"},\n"
      "    {\"id\": \"aimed-at-us\", \"text\": \"Aimed at the US\", \"excludes\": [\"not-aimed\"]}\n"
      "  ],\n"
      "  \"assertions\": [\n"
      "    {\"source\": \"tass-1\", \"claim\": \"not-aimed\", \"stance\": \"supports\", "
      "\"speaker\": \"ru-state\", \"quote\": \"Not aimed at anyone.\", \"confidence\": 0.9},\n"
      "    {\"source\": \"blog-1\", \"claim\": \"aimed-at-us\", \"stance\": \"refutes\"}\n"
      "  ],\n"
      "  \"citations\": [\n"
      "    {\"from\": \"blog-1\", \"to\": \"tass-1\", \"kind\": \"derived from\"}\n"
      "  ],\n"
      "  \"verdicts\": [\n"
      "    {\"claim\": \"aimed-at-us\", \"rating\": \"false\", \"by\": \"Example Desk\"}\n"
      "  ]\n"
      "}\n";
  CHECK(CasefileText(SmallCase(), {.description = "Hand-built"}) == expected);
}

TEST_CASE("CasefileText leaves empty arrays out unless asked") {
  CaseData data;
  CHECK(CasefileText(data) == "{\n  \"claimgraph\": \"1.0\"\n}\n");
  CHECK(CasefileText(data, {.write_empty_arrays = true}) ==
        "{\n  \"claimgraph\": \"1.0\",\n  \"entities\": [],\n  \"sources\": [],\n"
        "  \"claims\": [],\n  \"assertions\": [],\n  \"citations\": [],\n  \"verdicts\": []\n}\n");
}

TEST_CASE("AppendJsonString escapes quotes, backslashes and control characters only") {
  std::string out;
  AppendJsonString(out, std::string("a\"b\\c\td\x01\x7f\xc3\xa9", 11));
  CHECK(out == "\"a\\\"b\\\\c\\td\\u0001\\u007f\xc3\xa9\"");
}

TEST_CASE("A written casefile loads back into the same records") {
  const std::string text = CasefileText(SmallCase());
  LoadResult loaded = LoadCasefileTexts({"small.json"}, {text});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  const CaseData& data = loaded.graph->data();
  CHECK(data.title == "Drill \"target\" claims");
  CHECK(data.sources[1].title == "A blog\\post\n");
  CHECK(data.sources[0].reliability == 0.6);
  CHECK(data.assertions[0].confidence == 0.9f);
  CHECK(data.assertions[0].speaker == NodeRef{NodeKind::kEntity, 0});
  CHECK(data.citations[0].kind == CitationKind::kDerivedFrom);
  CHECK(CasefileText(data) == text);  // and every other field, through the writer
}

}  // namespace
}  // namespace claimgraph
