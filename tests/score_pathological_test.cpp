// Hostile shapes (issue 8, items 3 and 4): chains of 100,000 sources are traced, scored,
// explained, queried and exported without recursion (these crashed with a stack overflow),
// long chains are capped per group, and cycles of control and of speakers are warnings.
// The casefiles are generated here, in memory; nothing is timed.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "score/explanation.h"
#include "fuzz/score_fuzz_case.h"
#include "test_support.h"

namespace claimgraph {
namespace {

constexpr size_t kChain = 100000;

// s0 ... s{n-1}, all supporting c1 on the same day; s_i reaches s_{i-1} by a citation or
// by naming it as the speaker.
std::string Chain(size_t n, bool by_speaker) {
  std::string text = "{\"claimgraph\": \"1.0\", \"title\": \"chain\", \"sources\": [";
  for (size_t i = 0; i < n; ++i) {
    text += (i ? ",\n" : "") + std::string("{\"id\": \"s") + std::to_string(i) + "\", \"title\": \"S" +
            std::to_string(i) + "\", \"kind\": \"news report\", \"published\": \"2024-01-01\"}";
  }
  text += "], \"claims\": [{\"id\": \"c1\", \"text\": \"The claim\"}], \"assertions\": [";
  for (size_t i = 0; i < n; ++i) {
    text += (i ? ",\n" : "") + std::string("{\"source\": \"s") + std::to_string(i) +
            "\", \"claim\": \"c1\", \"stance\": \"supports\"";
    if (by_speaker && i > 0) text += ", \"speaker\": \"s" + std::to_string(i - 1) + "\"";
    text += "}";
  }
  text += "]";
  if (!by_speaker) {
    text += ", \"citations\": [";
    for (size_t i = 1; i < n; ++i) {
      text += (i > 1 ? ",\n" : "") + std::string("{\"from\": \"s") + std::to_string(i) + "\", \"to\": \"s" +
              std::to_string(i - 1) + "\", \"kind\": \"quotes\"}";
    }
    text += "]";
  }
  return text + "}";
}

void CheckLongChain(bool by_speaker) {
  const std::string text = Chain(kChain, by_speaker);
  LoadResult loaded = LoadCasefileTexts({"chain.json"}, {text});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  const ProvenanceGraph& graph = *loaded.graph;
  Result<CorroborationResult> scores = Score(graph);
  REQUIRE_MESSAGE(scores.ok(), scores.status().message());
  // Every report traces back to s0: one group, one origin, every report in it.
  const ClaimScore& claim = scores->claims[0];
  REQUIRE(claim.groups.size() == 1);
  const EvidenceGroup& group = claim.groups[0];
  CHECK(group.origins == std::vector<NodeRef>{{NodeKind::kSource, 0}});
  CHECK(group.assertions.size() == kChain);
  CHECK(claim.verdict == VerdictBand::kSingleOrigin);
  // Ten chains recorded (the first reports'), the rest counted; the last recorded chain
  // is s9's, nine hops back to s0.
  REQUIRE(group.chains.size() == 10);
  CHECK(group.chains_left_out == kChain - 10);
  CHECK(group.chains[9].steps.size() == 10);
  CHECK(group.chains[9].origin() == NodeRef{NodeKind::kSource, 0});

  const std::string explained = score::ExplainText(graph, scores.value(), 0);
  CHECK(explained.find("  reports (100000), each chain from report to origin:\n") != std::string::npos);
  CHECK(explained.find("    ... and 99990 more chains (see --max-chains)\n") != std::string::npos);
  CHECK(explained.size() < 4000);  // not the chains of n reports of up to n steps each
  const std::string json = score::ExplainJson(graph, scores.value(), 0);
  CHECK(json.find("\"chains_left_out\": 99990") != std::string::npos);

  Result<QueryTable> origins = QueryOrigins(graph, scores.value(), "c1");
  REQUIRE(origins.ok());
  CHECK(origins->rows.size() == 10);
  CHECK(origins->notes == std::vector<std::string>{"99990 more chains not listed (at most 10 per group; see --max-chains)"});
  // s0 is the only supporter that takes the claim from no other.
  Result<QueryTable> first = QueryFirstAppearance(graph, "c1");
  REQUIRE(first.ok());
  REQUIRE(first->rows.size() == 1);
  CHECK(std::get<std::string>(first->rows[0][1]) == "s0");
  CHECK(first->notes == std::vector<std::string>{
                            "99999 of 100000 supporting sources cite or quote another supporting source and were not compared"});
  const std::string graphml = ExportGraphml(graph, &scores.value());
  CHECK(graphml.find("s99999") != std::string::npos);
}

TEST_CASE("a citation chain of 100,000 sources scores, explains, queries and exports") {
  CheckLongChain(false);
}

TEST_CASE("a speaker chain of 100,000 sources scores, explains, queries and exports") {
  CheckLongChain(true);
}

TEST_CASE("a wide fan-in: each chain from the citing report takes its own citation") {
  // r0 cites s1 ... s40 (past the size where the tracer indexes a source's citations), and
  // cites s7 a second time; every source supports c1 in its own voice.
  CaseData data;
  data.claims = {{.id = "c1", .text = "C"}};
  for (Index i = 0; i <= 40; ++i) {
    data.sources.push_back({.id = (i == 0 ? "r0" : "s" + std::to_string(i)), .title = "S"});
    data.assertions.push_back({.source = i, .claim = 0});
    if (i > 0) data.citations.push_back({.from = 0, .to = i});
  }
  data.citations.push_back({.from = 0, .to = 7, .kind = CitationKind::kDerivedFrom});
  ProvenanceGraph graph(std::move(data));
  ScoreOptions options;
  options.reliability_method = "";
  Result<CorroborationResult> scores = Score(graph, options);
  REQUIRE(scores.ok());
  const ClaimScore& claim = scores->claims[0];
  REQUIRE(claim.groups.size() == 40);  // one per cited source; r0 relays, it is no origin
  for (const EvidenceGroup& group : claim.groups) {
    REQUIRE(group.origins.size() == 1);
    const Index origin = group.origins[0].index;
    REQUIRE(group.chains.size() == 2);  // the origin's own report, and r0's
    const ProvenanceChain& relayed = group.chains[0].assertion == 0 ? group.chains[0] : group.chains[1];
    REQUIRE(relayed.steps.size() == 2);
    CHECK(relayed.steps[1].node == NodeRef{NodeKind::kSource, origin});
    CHECK(relayed.steps[1].citation == origin - 1);  // the first citation of it, not the second
  }
}

std::vector<std::string> Messages(const LoadResult& loaded) {
  std::vector<std::string> messages;
  for (const Diagnostic& diagnostic : loaded.diagnostics) messages.push_back(diagnostic.ToString());
  return messages;
}

TEST_CASE("a cycle of controlled_by is a warning, and its entities count as one controller") {
  const std::string text = R"({"claimgraph": "1.0", "title": "t",
"entities": [
  {"id": "a", "name": "A", "type": "organisation", "controlled_by": ["b"]},
  {"id": "b", "name": "B", "type": "organisation", "controlled_by": ["c"]},
  {"id": "c", "name": "C", "type": "organisation", "controlled_by": ["a"]},
  {"id": "d", "name": "D", "type": "organisation", "controlled_by": ["d"]}],
"sources": [{"id": "r1", "title": "R1", "kind": "other", "publisher": "a"},
            {"id": "r2", "title": "R2", "kind": "other", "publisher": "c"}],
"claims": [{"id": "c1", "text": "The claim"}],
"assertions": [{"source": "r1", "claim": "c1", "stance": "supports"},
               {"source": "r2", "claim": "c1", "stance": "supports"}]})";
  LoadResult loaded = LoadCasefileTexts({"cycle.json"}, {text});
  REQUIRE(loaded.ok());
  CHECK(Messages(loaded) ==
        std::vector<std::string>{
            "cycle.json:3:52: warning: /entities/0/controlled_by: control cycle: \"a\" -> \"b\" -> \"c\" -> \"a\" "
            "(each is controlled_by the next); the entities on it count as one controller",
            "cycle.json:6:52: warning: /entities/3/controlled_by: control cycle: \"d\" -> \"d\" "
            "(each is controlled_by the next); the entities on it count as one controller"});
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE(scores.ok());
  // r1 (published by a) and r2 (by c) share the cycle: one group, joined by its lowest entity.
  REQUIRE(scores->claims[0].groups.size() == 1);
  CHECK(scores->claims[0].groups[0].controller == 0);
}

TEST_CASE("a cycle of speakers for one claim is a warning, and tracing still ends") {
  const std::string text = R"({"claimgraph": "1.0", "title": "t",
"sources": [{"id": "r1", "title": "R1", "kind": "other"}, {"id": "r2", "title": "R2", "kind": "other"},
            {"id": "r3", "title": "R3", "kind": "other"}],
"claims": [{"id": "c1", "text": "The claim"}, {"id": "c2", "text": "Another"}],
"assertions": [{"source": "r1", "claim": "c1", "stance": "supports", "speaker": "r2"},
               {"source": "r2", "claim": "c1", "stance": "supports", "speaker": "r1"},
               {"source": "r3", "claim": "c2", "stance": "supports", "speaker": "r1"},
               {"source": "r1", "claim": "c2", "stance": "supports", "speaker": "r3"}]})";
  LoadResult loaded = LoadCasefileTexts({"speakers.json"}, {text});
  REQUIRE(loaded.ok());
  CHECK(Messages(loaded) ==
        std::vector<std::string>{
            "speakers.json:5:70: warning: /assertions/0/speaker: speaker cycle for claim \"c1\": \"r1\" -> \"r2\" "
            "-> \"r1\" (each names the next as the speaker of the claim); tracing cuts the cycle where it meets it again",
            "speakers.json:7:70: warning: /assertions/2/speaker: speaker cycle for claim \"c2\": \"r3\" -> \"r1\" "
            "-> \"r3\" (each names the next as the speaker of the claim); tracing cuts the cycle where it meets it again"});
  Result<CorroborationResult> scores = Score(*loaded.graph);
  REQUIRE(scores.ok());
  for (const ClaimScore& claim : scores->claims) {
    CHECK(claim.score >= 0.0);
    CHECK(claim.score <= 1.0);
  }
}

TEST_CASE("check lists --max-warnings warnings and counts the rest") {
  testing::ScratchDirectory scratch;
  std::string text = "{\"claimgraph\": \"1.0\", \"title\": \"t\", \"sources\": [";
  for (int i = 0; i < 5; ++i) text += (i ? ", " : "") + std::string("{\"id\": \"s") + std::to_string(i) + "\", \"title\": \"S\", \"kind\": \"other\"}";
  text += "],\n\"claims\": [{\"id\": \"c1\", \"text\": \"The claim\"}], \"assertions\": []}";
  const std::string file = scratch.Write("quiet.json", text);
  testing::CommandOutput output = testing::RunTool({"check", file, "--max-warnings", "2"});
  CHECK(output.exit_code == 0);
  CHECK(output.err == file + ":1:49: warning: /sources/0: source \"s0\" asserts nothing (no assertion names it as source or speaker)\n" +
                          file + ":1:94: warning: /sources/1: source \"s1\" asserts nothing (no assertion names it as source or speaker)\n" +
                          file + ": warning: ... and 4 more warnings (see --max-warnings)\n");
  output = testing::RunTool({"check", file, "--max-warnings", "two"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph check: --max-warnings needs a whole number, not 'two' (see 'claimgraph check --help')\n");
}

TEST_CASE("explain --max-chains shows that many chains per group and counts the rest") {
  testing::ScratchDirectory scratch;
  const std::string file = scratch.Write("chain.json", Chain(4, false));
  testing::CommandOutput output = testing::RunTool({"explain", file, "c1", "--max-chains", "2", "--reliability", "priors"});
  CHECK(output.exit_code == 0);
  CHECK(output.err == "");
  CHECK(output.out ==
        "claim c1: \"The claim\"\n"
        "score 0.6000, verdict single origin, method corroboration\n"
        "reports 4 (4 supporting, 0 refuting), independent groups 1, interested 0\n"
        "source trust: priors\n"
        "\n"
        "supporting group 1 of 1: weight 0.5000 = reliability 0.5000 (trust of s0) x confidence 1.0000 x disinterested 1.0000\n"
        "  origins: s0 \"S0\"\n"
        "  reports (4), each chain from report to origin:\n"
        "    [supports] s0 \"S0\"\n"
        "    [supports] s1 \"S1\" --quotes--> s0 \"S0\"\n"
        "    ... and 2 more chains (see --max-chains)\n"
        "\n"
        "arithmetic: S = 0.5000; R = 0.0000 (no groups); score = (S + 1) / (S + R + 2) = (0.5000 + 1) / (0.5000 + 0.0000 + 2) = 0.6000\n"
        "verdict single origin: exactly one disinterested supporting group\n");
  output = testing::RunTool({"query", file, "origins", "c1", "--max-chains", "1", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out == "group,stance,origin,origin_kind,interested,reporting_source,chain\r\n1,supports,s0,source,no,s0,s0\r\n");
  CHECK(output.err == "claimgraph query: note: 3 more chains not listed (at most 1 per group; see --max-chains)\n");
}

TEST_CASE("the score fuzzer's kept inputs keep every invariant") {
  // tests/fuzz/regressions/score_fuzzer/: seeds with cycles of every kind, and findings.
  const std::filesystem::path folder = testing::ProjectPath("tests/fuzz/regressions/score_fuzzer");
  size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string bytes = testing::ReadWholeFile(entry.path().string());
    const fuzz::ScoreFuzzCase decoded =
        fuzz::DecodeScoreFuzzCase(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    CHECK_MESSAGE(fuzz::CheckScoreInvariants(decoded) == "", entry.path().filename().string());
    ++replayed;
  }
  CHECK(replayed > 0);
}

}  // namespace
}  // namespace claimgraph
