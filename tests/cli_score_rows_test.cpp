// The score command's row formatting (cli/score_rows.h) and the pipeline behind it: JSON
// strings escaped exactly as RapidJSON's Writer escapes them, rows formatted in pieces
// joining into the same bytes (on any number of threads), and a score that keeps no
// groups giving the same counts, verdicts and scores as one that keeps them.
#include <doctest/doctest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <utility>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "cli/score_rows.h"
#include "test_support.h"

namespace claimgraph {
namespace {

std::string RapidJsonString(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

TEST_CASE("JSON strings are escaped byte for byte as RapidJSON's Writer escapes them") {
  for (int byte = 0; byte < 256; ++byte) {
    const std::string text = std::string("a") + static_cast<char>(byte) + "b";
    std::string ours;
    cli::AppendJsonString(text, ours);
    CHECK_MESSAGE(ours == RapidJsonString(text), "byte " << byte);
  }
  std::string ours;
  cli::AppendJsonString("quote \" back \\ tab \t nul \x01 \xE2\x80\xA6 </script>", ours);
  CHECK(ours == "\"quote \\\" back \\\\ tab \\t nul \\u0001 \xE2\x80\xA6 </script>\"");
}

ProvenanceGraph Sample() {
  LoadResult loaded = LoadCasefiles({testing::ProjectPath("samples/thaad-drills/case.json")});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  return std::move(*loaded.graph);
}

TEST_CASE("rows formatted in pieces join into the bytes of rows formatted at once") {
  const ProvenanceGraph graph = Sample();
  Result<CorroborationResult> result = Score(graph, ScoreOptions{});
  REQUIRE(result.ok());
  const size_t claims = result->claims.size();
  REQUIRE(claims > 3);
  std::string whole_json, whole_csv, pieces_json, pieces_csv;
  cli::AppendJsonClaimRows(graph, result.value(), 0, claims, whole_json);
  cli::AppendCsvClaimRows(graph, result.value(), 0, claims, whole_csv);
  for (size_t first = 0; first < claims; first += 3) {
    cli::AppendJsonClaimRows(graph, result.value(), first, std::min(claims, first + 3), pieces_json);
    cli::AppendCsvClaimRows(graph, result.value(), first, std::min(claims, first + 3), pieces_csv);
  }
  CHECK(pieces_json == whole_json);
  CHECK(pieces_csv == whole_csv);
  CHECK(whole_json.rfind("\n    {\n      \"id\": \"", 0) == 0);  // the first row has no comma
  CHECK(whole_csv.rfind("claim,drill-not-aimed-at-third-party,,,0.6,", 0) == 0);
}

TEST_CASE("a score that keeps no groups has the same scores, counts and verdicts") {
  const ProvenanceGraph graph = Sample();
  for (const char* method : {"corroboration", "sums", "truthfinder", "investment"}) {
    ScoreOptions kept, counted;
    kept.method = counted.method = method;
    counted.keep_groups = false;
    counted.record_chains = false;
    Result<CorroborationResult> with_groups = Score(graph, kept);
    Result<CorroborationResult> without = Score(graph, counted);
    REQUIRE(with_groups.ok());
    REQUIRE(without.ok());
    REQUIRE(with_groups->claims.size() == without->claims.size());
    size_t groups_seen = 0;
    for (size_t c = 0; c < without->claims.size(); ++c) {
      const ClaimScore& a = with_groups->claims[c];
      const ClaimScore& b = without->claims[c];
      CHECK(b.groups.empty());
      CHECK(b.explanation.empty());
      CHECK_FALSE(a.explanation.empty());
      CHECK(a.score == b.score);
      CHECK(a.belief == b.belief);
      CHECK(a.verdict == b.verdict);
      CHECK(a.independent_origins == b.independent_origins);
      CHECK(a.interested_origins == b.interested_origins);
      size_t supporting = 0;
      for (const EvidenceGroup& group : a.groups) supporting += group.stance == Stance::kSupports ? 1 : 0;
      CHECK(a.origins_for == supporting);
      CHECK(b.origins_for == supporting);
      CHECK(b.origins_against == a.groups.size() - supporting);
      groups_seen += a.groups.size();
    }
    CHECK(groups_seen > 10);  // the sample has groups on both sides to count
  }
}

// More claims and sources than one round of the threaded writer holds (8,192 rows a
// thread), so that 2 and 7 threads cut the rows into several rounds of several pieces.
std::string ManyRowsCasefile() {
  std::string text = "{\"claimgraph\": \"1.0\", \"sources\": [";
  constexpr int kRows = 17000;  // two rounds on 2 threads, three pieces on 7
  for (int i = 0; i < kRows; ++i) {
    text += (i ? "," : "") + std::string("{\"id\": \"s") + std::to_string(i) + "\", \"title\": \"Report \u00e9 " +
            std::to_string(i) + "\", \"kind\": \"news report\"}";
  }
  text += "], \"claims\": [";
  for (int i = 0; i < kRows; ++i) {
    text += (i ? "," : "") + std::string("{\"id\": \"c") + std::to_string(i) + "\", \"text\": \"Claim \\\" " +
            std::to_string(i) + "\", \"question\": \"q" + std::to_string(i / 2) + "\", \"value\": \"v" +
            std::to_string(i % 2) + "\"}";
  }
  text += "], \"assertions\": [";
  for (int i = 0; i < kRows; ++i) {
    text += (i ? "," : "") + std::string("{\"source\": \"s") + std::to_string(i) + "\", \"claim\": \"c" +
            std::to_string((i * 7) % kRows) + "\", \"stance\": \"" + (i % 5 == 0 ? "refutes" : "supports") + "\"}";
  }
  return text + "]}";
}

TEST_CASE("score writes the same bytes on 1, 2 and 7 threads, in every format, when the rows span rounds") {
  const testing::ScratchDirectory scratch;
  const std::string casefile = scratch.Write("many.json", ManyRowsCasefile());
  const std::pair<std::string, std::string> runs[] = {
      {"json", "corroboration"}, {"csv", "corroboration"}, {"table", "corroboration"}, {"json", "sums"}};
  for (const auto& run : runs) {
    const std::string &format = run.first, &method = run.second;
    CAPTURE(format);
    CAPTURE(method);
    const testing::CommandOutput one =
        testing::RunTool({"score", casefile, "--format", format, "--method", method, "--threads", "1"});
    REQUIRE_MESSAGE(one.exit_code == 0, one.err);
    CHECK(one.out.size() > 17000 * 40);  // every row is there
    for (const std::string threads : {"2", "7"}) {
      CAPTURE(threads);
      const testing::CommandOutput many =
          testing::RunTool({"score", casefile, "--format", format, "--method", method, "--threads", threads});
      REQUIRE(many.exit_code == 0);
      CHECK((many.out == one.out));  // the whole text, unprinted (megabytes)
    }
  }
}

}  // namespace
}  // namespace claimgraph
