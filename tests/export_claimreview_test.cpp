// ClaimReview JSON-LD: each field Google's fact-check documentation requires (claimReviewed,
// reviewRating.alternateName, url) or recommends (author, datePublished, itemReviewed with
// author, datePublished, appearance, firstAppearance; ratingValue, bestRating, worstRating).
#include <doctest/doctest.h>

#include <cmath>

#include <rapidjson/document.h>

#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::RunTool;
using testing::ScratchDirectory;

const std::string kExercise = "tests/casefiles/workflow/exercise.json";

std::string Str(const rapidjson::Value& value, const char* key) {
  REQUIRE_MESSAGE(value.HasMember(key), key);
  REQUIRE(value[key].IsString());
  return value[key].GetString();
}

const rapidjson::Value& ReviewOf(const rapidjson::Document& document, const std::string& claim_text) {
  for (const rapidjson::Value& review : document.GetArray()) {
    if (Str(review, "claimReviewed") == claim_text) return review;
  }
  FAIL("no ClaimReview for " << claim_text);
  return document;
}

struct Exported {
  ScratchDirectory scratch;
  rapidjson::Document document;
};

void ExportExercise(Exported& exported) {
  const std::string out = exported.scratch.File("reviews.json");
  testing::CommandOutput run = RunTool({"export", "claimreview", ProjectPath(kExercise), "--review-url",
                                        "https://desk.example/exercise", "-o", out});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string text = testing::ReadWholeFile(out);
  exported.document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  REQUIRE_FALSE(exported.document.HasParseError());
  REQUIRE(exported.document.IsArray());
}

TEST_CASE("one ClaimReview per claim with a verdict or an assertion, by claim id") {
  Exported exported;
  ExportExercise(exported);
  std::vector<std::string> urls;
  for (const rapidjson::Value& review : exported.document.GetArray()) {
    CHECK(Str(review, "@context") == "https://schema.org");
    CHECK(Str(review, "@type") == "ClaimReview");
    urls.push_back(Str(review, "url"));
  }
  // no-one-asserts has neither a verdict nor an assertion: there is nothing to review.
  CHECK(urls == std::vector<std::string>{"https://desk.example/checks/began-january",
                                         "https://desk.example/exercise#claim-not-aimed",
                                         "https://desk.example/exercise#claim-ten-thousand-troops",
                                         "https://desk.example/exercise#claim-threatens-neighbours"});
}

TEST_CASE("a casefile verdict gives the rating, the review block gives author and date") {
  Exported exported;
  ExportExercise(exported);
  const rapidjson::Value& review = ReviewOf(exported.document, "The exercise began on 1 January 2020");
  CHECK(Str(review, "datePublished") == "2020-02-01");
  CHECK(Str(review["author"], "@type") == "Organization");
  CHECK(Str(review["author"], "name") == "Example Desk");
  CHECK(Str(review["author"], "url") == "https://desk.example");
  const rapidjson::Value& rating = review["reviewRating"];
  CHECK(Str(rating, "@type") == "Rating");
  CHECK(rating["ratingValue"].GetDouble() == 1.0);
  CHECK(rating["bestRating"].GetDouble() == 1.0);
  CHECK(rating["worstRating"].GetDouble() == 0.0);
  CHECK(Str(rating, "alternateName") == "True");

  const rapidjson::Value& item = review["itemReviewed"];
  CHECK(Str(item, "@type") == "Claim");
  // The earliest supporter is the wire report (08:00 on 2 January); the paper and the
  // watchdog follow, each a CreativeWork with its url.
  CHECK(Str(item, "datePublished") == "2020-01-02T08:00:00Z");
  CHECK(Str(item["author"], "name") == "Wire B");
  CHECK(Str(item["author"], "url") == "https://wire.example");
  std::vector<std::string> appearances;
  for (const rapidjson::Value& work : item["appearance"].GetArray()) {
    CHECK(Str(work, "@type") == "CreativeWork");
    appearances.push_back(Str(work, "url"));
  }
  CHECK(appearances == std::vector<std::string>{"https://wire.example/1", "https://paper-c.example/1",
                                                "https://watchdog.example/1"});
  CHECK(Str(item["firstAppearance"], "url") == "https://wire.example/1");
  CHECK(Str(item["firstAppearance"], "name") == "Wire B on the exercise");
  CHECK(Str(item["firstAppearance"], "datePublished") == "2020-01-02T08:00:00Z");
}

TEST_CASE("without a verdict, the score and its band give the rating") {
  LoadResult loaded = LoadCasefiles({ProjectPath(kExercise)});
  REQUIRE(loaded.ok());
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE(scores.ok());
  const ClaimScore& score = scores->claims[loaded.graph->Find("not-aimed")->index];

  Exported exported;
  ExportExercise(exported);
  const rapidjson::Value& review = ReviewOf(exported.document, "The exercise is not aimed at any third party");
  const rapidjson::Value& rating = review["reviewRating"];
  CHECK(rating["ratingValue"].GetDouble() == doctest::Approx(score.score).epsilon(0.0005));
  CHECK(Str(rating, "alternateName") == "Self-reported only");
  CHECK(Str(rating, "ratingExplanation") == score.explanation);
  // The ministry's release speaks in its own voice: its publisher is the claim's author.
  CHECK(Str(review["itemReviewed"]["author"], "name") == "Ministry of Defence of State A");
  CHECK(Str(review["itemReviewed"]["firstAppearance"], "url") == "https://ministry.example/release");

  // An undated source without a url: no appearance, no first appearance, no claim date.
  const rapidjson::Value& anonymous = ReviewOf(exported.document, "Ten thousand troops took part in the exercise");
  CHECK_FALSE(anonymous["itemReviewed"].HasMember("appearance"));
  CHECK_FALSE(anonymous["itemReviewed"].HasMember("firstAppearance"));
  CHECK_FALSE(anonymous["itemReviewed"].HasMember("datePublished"));
  CHECK(Str(anonymous["reviewRating"], "alternateName") == "Single origin");
}

TEST_CASE("ClaimReview export says what to add when the review block or a url is missing") {
  ScratchDirectory scratch;
  std::string text = testing::ReadWholeFile(ProjectPath(kExercise));
  const size_t start = text.find("  \"review\"");
  REQUIRE(start != std::string::npos);
  text.erase(start, text.find('\n', start) + 1 - start);
  const std::string casefile = scratch.Write("no-review.json", text);
  testing::CommandOutput run = RunTool({"export", "claimreview", casefile, "-o", scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == casefile +
                       ": error: a ClaimReview names who published the review: add a top-level \"review\" block to "
                       "the casefile, such as \"review\": {\"author_name\": \"Example Fact Desk\", \"author_url\": "
                       "\"https://example.org\", \"date_published\": \"2017-12-20\"}\n");

  run = RunTool({"export", "claimreview", ProjectPath(kExercise), "-o", scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == ProjectPath(kExercise) +
                       ": error: claim 'not-aimed' has no review url: give its verdict a \"url\", or pass "
                       "--review-url with the page that publishes these reviews\n");
  run = RunTool({"export", "claimreview", ProjectPath(kExercise), "--review-url", "desk.example", "-o",
                 scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "claimgraph export: --review-url: the review url 'desk.example' must be an absolute http or "
                   "https URL without spaces or '#'\n");
  CHECK(scratch.List() == std::vector<std::string>{"no-review.json"});
}

TEST_CASE("the sample case exports a review of its key claim with every required field") {
  ScratchDirectory scratch;
  const std::string out = scratch.File("reviews.json");
  testing::CommandOutput run = RunTool({"export", "claimreview", ProjectPath("samples/thaad-drills/case.json"),
                                        "--review-url", "https://example.org/thaad-drills", "-o", out});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  rapidjson::Document document;
  const std::string text = testing::ReadWholeFile(out);
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  REQUIRE(document.IsArray());
  bool key_claim = false;
  for (const rapidjson::Value& review : document.GetArray()) {
    CHECK_FALSE(Str(review, "url").empty());
    CHECK_FALSE(Str(review, "claimReviewed").empty());
    CHECK_FALSE(Str(review["reviewRating"], "alternateName").empty());
    CHECK(review["reviewRating"]["ratingValue"].IsNumber());
    CHECK(Str(review["itemReviewed"], "@type") == "Claim");
    if (Str(review, "url") == "https://example.org/thaad-drills#claim-drill-not-aimed-at-third-party") {
      key_claim = true;
      CHECK(Str(review["itemReviewed"]["firstAppearance"], "datePublished") == "2016-05-06T21:55:00-04:00");
    }
  }
  CHECK(key_claim);
}

TEST_CASE("hostile strings stay inside their JSON strings, bytes that are not UTF-8 become U+FFFD") {
  CaseData data;
  data.review = {.author_name = "Desk \"</script><script>alert(1)</script>", .date_published = "2020-01-01"};
  data.entities = {{.id = "e", .name = "Name\\with\nbreak \x01", .type = EntityType::kPerson}};
  data.sources = {{.id = "s", .title = "Title \"quoted\" \xC3\x28", .url = "https://s.example/?a=\"b\"",
                   .publisher = 0, .published = "2020-01-01"}};
  data.claims = {{.id = "c/1", .text = "Claim } ] \" \\ \t \xF0\x9F\x98\x80"}};
  data.assertions = {{.source = 0, .claim = 0}};
  ProvenanceGraph graph(std::move(data));
  Result<CorroborationResult> scores = Score(graph);
  REQUIRE(scores.ok());
  Result<std::string> text = ExportClaimReview(graph, scores.value(), {.review_url = "https://desk.example/r"});
  REQUIRE_MESSAGE(text.ok(), text.status().message());
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text->data(), text->size());
  REQUIRE_FALSE(document.HasParseError());
  CHECK(text->find("</") == std::string::npos);  // safe inside an HTML <script> element
  REQUIRE(document.Size() == 1);
  const rapidjson::Value& review = document[0];
  CHECK(Str(review, "url") == "https://desk.example/r#claim-c%2F1");
  CHECK(Str(review, "claimReviewed") == "Claim } ] \" \\ \t \xF0\x9F\x98\x80");
  CHECK(Str(review["author"], "name") == "Desk \"</script><script>alert(1)</script>");
  CHECK(Str(review["itemReviewed"]["author"], "name") == "Name\\with\nbreak \x01");
  CHECK(Str(review["itemReviewed"]["firstAppearance"], "name") == "Title \"quoted\" \xEF\xBF\xBD(");
  // A URL with quotes is no RFC 3986 URL (the loader rejects it): no link is written.
  CHECK_FALSE(review["itemReviewed"]["firstAppearance"].HasMember("url"));
}

}  // namespace
}  // namespace claimgraph
