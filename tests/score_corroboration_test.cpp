// The corroboration score on small hand-built graphs, with the working in comments.
// Unless a test says otherwise, source trust is the casefile prior (reliability_method ""),
// weight = reliability * confidence * (interested ? 0.25 : 1), and
// score = (S + 1) / (S + R + 2) with S, R the summed supporting and opposing weights.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "claimgraph/score.h"
#include "score/corroboration.h"
#include "score/explanation.h"

namespace claimgraph {
namespace {

constexpr double kTolerance = 1e-9;

ScoreOptions PriorsOnly() {
  ScoreOptions options;
  options.reliability_method = "";
  return options;
}

// Sources r0..r4 with priors 0.8, 0.6, 0.9, 0.7 and none; claims c0, c1; entities: a
// ministry and an outlet, both controlled by a state.
CaseData Base() {
  CaseData data;
  data.entities = {{.id = "ministry", .name = "Ministry", .controlled_by = {2}},
                   {.id = "outlet", .name = "Outlet", .controlled_by = {2}},
                   {.id = "state", .name = "State"}};
  const double priors[] = {0.8, 0.6, 0.9, 0.7};
  for (Index i = 0; i < 5; ++i) {
    Source source{.id = "r" + std::to_string(i), .title = "Report " + std::to_string(i)};
    if (i < 4) source.reliability = priors[i];
    data.sources.push_back(source);
  }
  data.claims = {{.id = "c0", .text = "A claim"}, {.id = "c1", .text = "Another claim"}};
  return data;
}

ClaimScore ScoreOf(CaseData data, Index claim = 0, const ScoreOptions& options = PriorsOnly()) {
  ProvenanceGraph graph(std::move(data));
  Result<CorroborationResult> result = Score(graph, options);
  REQUIRE(result.ok());
  return result->claims[claim];
}

TEST_CASE("one disinterested origin: a single origin, (0.8 + 1) / (0.8 + 2)") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0}};
  ClaimScore scored = ScoreOf(data);
  CHECK(scored.score == doctest::Approx(1.8 / 2.8).epsilon(kTolerance));  // 0.642857
  CHECK(scored.verdict == VerdictBand::kSingleOrigin);
  REQUIRE(scored.groups.size() == 1);
  CHECK(scored.groups[0].reliability_source == 0);
  CHECK(scored.explanation ==
        "S = 0.8000; R = 0.0000 (no groups); score = (S + 1) / (S + R + 2) = "
        "(0.8000 + 1) / (0.8000 + 0.0000 + 2) = 0.6429");
}

TEST_CASE("two independent origins corroborate, a report citing one of them changes nothing") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0}};
  ClaimScore two = ScoreOf(data);
  // S = 0.8 + 0.6 = 1.4; score = 2.4 / 3.4 = 0.705882
  CHECK(two.score == doctest::Approx(2.4 / 3.4).epsilon(kTolerance));
  CHECK(two.verdict == VerdictBand::kCorroborated);
  CHECK(two.independent_origins == 2);
  CHECK(two.score > ScoreOf([&] { CaseData one = Base(); one.assertions = {{.source = 0, .claim = 0}}; return one; }()).score);

  // r2 (prior 0.9) quotes r0: its origin is r0, vouched for by r0's 0.8, so S stays 1.4.
  data.assertions.push_back({.source = 2, .claim = 0});
  data.citations = {{.from = 2, .to = 0, .kind = CitationKind::kQuotes}};
  ClaimScore three = ScoreOf(data);
  CHECK(three.score == doctest::Approx(two.score).epsilon(kTolerance));
  CHECK(three.independent_origins == 2);
  CHECK(three.supporting_reports == 3);
  REQUIRE(three.groups.size() == 2);
  CHECK(three.groups[0].assertions == std::vector<Index>{0, 2});
  CHECK(three.groups[0].chains.size() == 2);
}

TEST_CASE("origins under one controller form one group that counts once") {
  CaseData data = Base();
  // r0 is published by the outlet; r1 attributes the claim to the ministry; the state
  // controls both, so they are one group: reliability max(0.8, 0.6) = 0.8, S = 0.8.
  data.sources[0].publisher = 1;
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0, .speaker = {NodeKind::kEntity, 0}}};
  ClaimScore scored = ScoreOf(data);
  REQUIRE(scored.groups.size() == 1);
  CHECK(scored.groups[0].controller == 2);
  CHECK(scored.groups[0].origins.size() == 2);
  CHECK(scored.score == doctest::Approx(1.8 / 2.8).epsilon(kTolerance));
  CHECK(scored.verdict == VerdictBand::kSingleOrigin);
}

TEST_CASE("an interested origin raises the score less than a disinterested one") {
  CaseData data = Base();
  data.claims[0].about = {0};
  data.assertions = {{.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 0}}};
  ClaimScore interested = ScoreOf(data);
  // The ministry is what the claim is about: weight 0.8 * 0.25 = 0.2; 1.2 / 2.2 = 0.545455.
  CHECK(interested.score == doctest::Approx(1.2 / 2.2).epsilon(kTolerance));
  CHECK(interested.verdict == VerdictBand::kSelfReportedOnly);
  CHECK(interested.interested_origins == 1);
  data.claims[0].about = {};
  ClaimScore disinterested = ScoreOf(data);
  CHECK(disinterested.score == doctest::Approx(1.8 / 2.8).epsilon(kTolerance));
  CHECK(interested.score < disinterested.score);
  CHECK(interested.score > 0.5);
}

TEST_CASE("a refutation lowers the score, enough of it refutes the claim") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0},
                     {.source = 3, .claim = 0, .stance = Stance::kRefutes}};
  ClaimScore contested = ScoreOf(data);
  // S = 1.4, R = 0.7: 2.4 / 4.1 = 0.585366; R > 0.25 S, R < 2 S: contested.
  CHECK(contested.score == doctest::Approx(2.4 / 4.1).epsilon(kTolerance));
  CHECK(contested.score < 2.4 / 3.4);
  CHECK(contested.verdict == VerdictBand::kContested);
  CHECK(contested.refuting_reports == 1);

  CaseData refuted = Base();
  // r4 has no prior (0.5) and supports; r3 (0.7) and r2 (0.9) refute: S = 0.5, R = 1.6,
  // 1.5 / 4.1 = 0.365854; R >= 2 S: refuted.
  refuted.assertions = {{.source = 4, .claim = 0}, {.source = 3, .claim = 0, .stance = Stance::kRefutes},
                        {.source = 2, .claim = 0, .stance = Stance::kRefutes}};
  ClaimScore scored = ScoreOf(refuted);
  CHECK(scored.score == doctest::Approx(1.5 / 4.1).epsilon(kTolerance));
  CHECK(scored.verdict == VerdictBand::kRefuted);
  CHECK(scored.groups.front().stance == Stance::kSupports);  // supporting groups first
  CHECK(scored.groups[1].weight == doctest::Approx(0.9));   // then against, heaviest first
}

TEST_CASE("support for a mutually exclusive claim counts against this one") {
  CaseData data = Base();
  data.claims[0].excludes = {1};
  data.claims[1].excludes = {0};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 1}};
  ProvenanceGraph graph(std::move(data));
  Result<CorroborationResult> result = Score(graph, PriorsOnly());
  REQUIRE(result.ok());
  // c0: S = 0.8, R = 0.6 -> 1.8 / 3.4 = 0.529412; c1: S = 0.6, R = 0.8 -> 1.6 / 3.4.
  CHECK(result->claims[0].score == doctest::Approx(1.8 / 3.4).epsilon(kTolerance));
  CHECK(result->claims[1].score == doctest::Approx(1.6 / 3.4).epsilon(kTolerance));
  REQUIRE(result->claims[0].groups.size() == 2);
  CHECK(result->claims[0].groups[1].competing);
  CHECK(result->claims[0].groups[1].assertions == std::vector<Index>{1});
  CHECK(result->claims[0].verdict == VerdictBand::kContested);
}

TEST_CASE("the same question makes claims compete as excludes does") {
  CaseData data = Base();
  data.claims[0].question = data.claims[1].question = "target";
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 1}};
  CHECK(ScoreOf(data).score == doctest::Approx(1.8 / 3.4).epsilon(kTolerance));
}

TEST_CASE("confidence scales a group's weight, reports add coverage only") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0, .confidence = 0.5f},
                     {.source = 1, .claim = 1, .stance = Stance::kReports}};
  // 0.8 * 0.5 = 0.4: 1.4 / 2.4 = 0.583333.
  CHECK(ScoreOf(data).score == doctest::Approx(1.4 / 2.4).epsilon(kTolerance));
  ClaimScore reported = ScoreOf(data, 1);
  CHECK(reported.score == 0.5);
  CHECK(reported.reports == 1);
  CHECK(reported.groups.empty());
  CHECK(reported.verdict == VerdictBand::kUnsupported);
}

// A case with every kind of evidence the groups weigh: trusts that tie, controllers that
// merge origins, interested origins, refutations, excluded and same-question claims,
// citations, and confidences below 1. Built from a fixed rule, not at random.
CaseData MixedEvidence() {
  CaseData data;
  data.entities = {{.id = "state", .name = "State"},
                   {.id = "ministry", .name = "Ministry", .controlled_by = {0}},
                   {.id = "outlet", .name = "Outlet", .controlled_by = {0}},
                   {.id = "agency", .name = "Agency"}};
  // Priors 0.1, 0.2, 0.3 and repeats: summed heaviest first they give other bits than in
  // source order ((0.1 + 0.2) + 0.3 != (0.3 + 0.2) + 0.1).
  const double priors[] = {0.1, 0.2, 0.3, 0.3, 0.7};
  for (Index i = 0; i < 24; ++i) {
    Source source{.id = "r" + std::to_string(i), .title = "Report"};
    if (i % 6 != 5) source.reliability = priors[i % 5];
    if (i % 3 == 0) source.publisher = 2;
    if (i % 5 == 4) source.publisher = 3;
    data.sources.push_back(source);
  }
  for (Index c = 0; c < 10; ++c) {
    Claim claim{.id = "c" + std::to_string(c), .text = "Claim"};
    if (c % 2 == 0) claim.about = {1};
    if (c >= 6) claim.question = "q", claim.value = std::to_string(c);
    data.claims.push_back(claim);
  }
  data.claims[1].excludes = {2};
  data.claims[2].excludes = {1};
  for (Index a = 0; a < 60; ++a) {
    Assertion assertion{.source = (a * 7) % 24, .claim = (a * 3) % 10};
    if (a % 17 == 2) assertion.stance = Stance::kRefutes;
    if (a % 13 == 6) assertion.stance = Stance::kReports;
    if (a % 3 == 1) assertion.speaker = {NodeKind::kEntity, a % 2 == 0 ? Index{1} : Index{3}};
    if (a % 5 == 3) assertion.confidence = 0.5f;
    data.assertions.push_back(assertion);
  }
  data.citations = {{.from = 3, .to = 0}, {.from = 10, .to = 3}, {.from = 17, .to = 8}};
  return data;
}

TEST_CASE("scores, counts and verdicts are the same bits whether or not the groups are kept") {
  // `claimgraph score` keeps no groups and takes their summaries (SummariseGroups); explain
  // keeps them (FormGroups). Both must give the same numbers for every claim.
  const ProvenanceGraph graph(MixedEvidence());
  for (const std::string method : {"corroboration", "sums"}) {
    CAPTURE(method);
    ScoreOptions kept = PriorsOnly();
    kept.method = method;
    ScoreOptions summarised = kept;
    summarised.keep_groups = false;
    summarised.record_chains = false;
    const Result<CorroborationResult> full = Score(graph, kept), summary = Score(graph, summarised);
    REQUIRE(full.ok());
    REQUIRE(summary.ok());
    std::set<VerdictBand> bands;
    size_t merged = 0, interested = 0;
    for (size_t c = 0; c < graph.claims().size(); ++c) {
      CAPTURE(c);
      const ClaimScore &a = full->claims[c], &b = summary->claims[c];
      CHECK(b.groups.empty());
      CHECK(a.score == b.score);  // bits, not a tolerance
      CHECK(a.belief == b.belief);
      CHECK(a.verdict == b.verdict);
      CHECK(a.origins_for == b.origins_for);
      CHECK(a.origins_against == b.origins_against);
      CHECK(a.independent_origins == b.independent_origins);
      CHECK(a.interested_origins == b.interested_origins);
      CHECK(a.reports == b.reports);
      bands.insert(a.verdict);
      for (const EvidenceGroup& group : a.groups) merged += group.origins.size() > 1 ? 1 : 0;
      interested += a.interested_origins;
    }
    // The case exercises what it is meant to: merged groups, interest, several bands.
    CHECK(merged > 0);
    CHECK(interested > 0);
    CHECK(bands.size() >= 3);
  }
}

TEST_CASE("scoring is identical run to run") {
  CaseData data = Base();
  data.sources[0].publisher = 1;
  data.claims[0].about = {2};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 1, .claim = 0, .speaker = {NodeKind::kEntity, 0}},
                     {.source = 2, .claim = 0}, {.source = 3, .claim = 0, .stance = Stance::kRefutes}};
  data.citations = {{.from = 2, .to = 1}};
  ProvenanceGraph graph(std::move(data));
  Result<CorroborationResult> first = Score(graph, PriorsOnly()), second = Score(graph, PriorsOnly());
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(score::ExplainText(graph, first.value(), 0) == score::ExplainText(graph, second.value(), 0));
  CHECK(score::ExplainJson(graph, first.value(), 0) == score::ExplainJson(graph, second.value(), 0));
}

TEST_CASE("when the reliability method fails, trust falls back to the priors and says why") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0}};
  ProvenanceGraph graph(std::move(data));
  ScoreOptions options;  // reliability_method "catd", the default (docs/evaluation.md)
  Result<score::TruthDiscoveryResult> failed = Status::Error("truth discovery is not built yet");
  Result<CorroborationResult> result = score::ScoreWithLearnedTrust(graph, options, &failed, nullptr);
  REQUIRE(result.ok());
  CHECK(result->trust_origin == "priors");
  CHECK(result->trust_fallback_reason ==
        "reliability method 'catd' failed (truth discovery is not built yet); using the "
        "casefile priors, else 0.5");
  CHECK(result->source_trust == std::vector<double>{0.8, 0.6, 0.9, 0.7, 0.5});
  CHECK(result->claims[0].score == doctest::Approx(1.8 / 2.8).epsilon(kTolerance));

  options.method = "truthfinder";
  Result<CorroborationResult> by_method = score::ScoreWithLearnedTrust(graph, options, &failed, nullptr);
  REQUIRE_FALSE(by_method.ok());
  CHECK(by_method.status().message() ==
        "claimgraph: scoring method 'truthfinder' failed: truth discovery is not built yet");
}

TEST_CASE("learned trust replaces the priors inside the corroboration score") {
  CaseData data = Base();
  data.assertions = {{.source = 0, .claim = 0}};
  ProvenanceGraph graph(std::move(data));
  score::TruthDiscoveryResult learned;
  learned.method = "truthfinder";
  learned.source_trust = {0.3, 0.5, 0.5, 0.5, 0.5};
  learned.iterations = 7;
  Result<score::TruthDiscoveryResult> outcome = learned;
  ScoreOptions options;
  options.reliability_method = "truthfinder";
  Result<CorroborationResult> result = score::ScoreWithLearnedTrust(graph, options, &outcome, nullptr);
  REQUIRE(result.ok());
  CHECK(result->trust_origin == "truthfinder");
  CHECK(result->iterations == 7);
  CHECK(result->claims[0].score == doctest::Approx(1.3 / 2.3).epsilon(kTolerance));  // weight 0.3
}

TEST_CASE("ScoreOptions::Validate names the bad option") {
  ScoreOptions options;
  options.interested_weight = 1.5;
  CHECK(options.Validate().message() == "interested_weight must be a number in [0, 1], got 1.5000");
  options = ScoreOptions{};
  options.method = "votes";
  std::string methods;
  for (const std::string& name : score::AcceptedTruthDiscoveryMethods()) methods += ", " + name;
  CHECK(options.Validate().message() == "unknown scoring method 'votes' (choose corroboration" + methods + ")");
  options = ScoreOptions{};
  options.reliability_method = "";
  CHECK(options.Validate().ok());
  CHECK(Name(VerdictBand::kSelfReportedOnly) == "self-reported only");
}

}  // namespace
}  // namespace claimgraph
