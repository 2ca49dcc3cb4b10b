// The extraction rules on articles written for these tests (tests/extract/*.txt): each
// attribution form, speaker resolution, entities merged across spellings, claims grouped by
// meaning with negation kept apart, and the draft's validity and determinism.
#include <doctest/doctest.h>

#include <algorithm>

#include "claimgraph/extract.h"
#include "claimgraph/load.h"
#include "test_support.h"

namespace claimgraph {
namespace {

struct Draft {
  std::string text;
  LoadResult loaded;
  const CaseData& data() const { return loaded.graph->data(); }
};

Draft Extract(const std::vector<std::string>& fixtures, const ExtractOptions& options = {}) {
  std::vector<std::string> paths;
  for (const std::string& name : fixtures) paths.push_back(testing::ProjectPath("tests/extract/" + name));
  Result<ExtractResult> result = ExtractDraft(paths, options);
  REQUIRE_MESSAGE(result.ok(), result.status().message());
  std::vector<std::string> names = options.into;
  std::vector<std::string> texts;
  for (const std::string& into : options.into) texts.push_back(testing::ReadWholeFile(into));
  names.push_back("draft.json");
  texts.push_back(result->casefile);
  std::vector<std::string_view> views(texts.begin(), texts.end());
  Draft draft{result->casefile, LoadCasefileTexts(names, views)};
  REQUIRE_MESSAGE(draft.loaded.ok(), draft.loaded.status().message());
  return draft;
}

// The assertion of `source` whose quote starts with `quote_start` and has `speaker`
// ("" for none), as "stance claim | extracted_by"; "none" when there is none.
std::string Find(const Draft& draft, const std::string& source, const std::string& quote_start,
                 const std::string& speaker = "") {
  const CaseData& data = draft.data();
  for (Index i = 0; i < data.assertions.size(); ++i) {
    const Assertion& a = data.assertions[i];
    if (data.sources[a.source].id != source || !a.quote.view().starts_with(quote_start)) continue;
    std::string who;
    if (a.speaker.valid()) {
      who = a.speaker.kind == NodeKind::kEntity ? data.entities[a.speaker.index].id
                                                : data.sources[a.speaker.index].id;
    }
    if (who != speaker) continue;
    const Index rule_index = data.ExtractionOf(i).extracted_by;
    const std::string rule = rule_index == kNoIndex ? "" : data.extraction_rules[rule_index];
    return std::string(Name(a.stance)) + " " + data.claims[a.claim].id + " | " + rule;
  }
  return "none";
}

const char* kReport = "report-naval-exercise";

TEST_CASE("extract: attribution forms, each with the rule that found it") {
  const Draft draft = Extract({"naval_exercise.txt"});
  CHECK(Find(draft, kReport, "Japan and India will hold", "japan-defense-ministry") ==
        "supports japan-india-hold-first-joint-mine | clause-speaker-verb");
  CHECK(Find(draft, kReport, "the exercise would last", "japan-defense-ministry") ==
        "supports exercise-last-five-days | subject-verb; The ministry: anaphor-organisation-before");
  CHECK(Find(draft, kReport, "The exercise is not directed", "japan-defense-ministry") ==
        "supports exercise-not-directed-third-country | quote-verb-speaker; the statement: "
        "anaphor-organisation-before");
  CHECK(Find(draft, kReport, "the ships would leave port", "arjun-mehta") ==
        "supports ships-leave-port-april-2 | subject-verb+told-outlet");
  CHECK(Find(draft, kReport, "We expect clear weather.", "arjun-mehta") ==
        "supports expect-clear-weather-crews-ready | quote-speaker-verb; Mehta: short-name-before");
  CHECK(Find(draft, kReport, "The exercise is said to be") ==
        "reports exercise-said-reply-recent-naval-patrols | own-voice-hedged");
  CHECK(Find(draft, kReport, "the U.S. Navy will send", "xinhua-report-cited-by-report-naval-exercise") ==
        "supports u-navy-send-observer-ship | according-to-lead");
  CHECK(Find(draft, kReport, "Beijing had protested", "chinese-foreign-ministry-spokesman") ==
        "refutes beijing-protested-exercise | subject-verb");
  CHECK(Find(draft, kReport, "The patrols pose no threat", "chinese-foreign-ministry-spokesman") ==
        "supports patrols-pose-no-threat-anyone | outlet-quoted-speaker; the spokesman: "
        "anaphor-person-before");
  // "Gen." does not end the sentence, and the apposition is skipped.
  CHECK(Find(draft, kReport, "the crews had trained", "hiroshi-tanaka") ==
        "supports crews-trained-six-months | subject-apposition-verb");
  CHECK(Find(draft, kReport, "Mine-clearing ships") ==
        "supports mine-clearing-ships-both-navies-took | own-voice");
}

TEST_CASE("extract: a quotation over two sentences is one assertion quoting its first sentence") {
  const Draft draft = Extract({"naval_exercise.txt"});
  const std::string article = testing::ReadWholeFile(testing::ProjectPath("tests/extract/naval_exercise.txt"));
  const size_t body = article.find("\n\n") + 2;  // spans count from the end of the header
  const CaseData& data = draft.data();
  for (Index i = 0; i < data.assertions.size(); ++i) {
    if (data.assertions[i].quote != "We expect clear weather.") continue;
    const Extraction span = data.ExtractionOf(i);
    CHECK(article.substr(body + span.span_begin, span.span_end - span.span_begin) ==
          "We expect clear weather. The crews are ready");
  }
  CHECK(draft.text.find("\"quote\": \"We expect clear weather.\", \"span\": [443, 487]") != std::string::npos);
}

TEST_CASE("extract: both countries are the last pair of states named before") {
  const Draft draft = Extract({"naval_exercise.txt"});
  const std::string rule =
      "supports exercise-not-directed-third-country | subject-verb; Both countries: anaphor-state-pair-before";
  CHECK(Find(draft, kReport, "the drill is not aimed", "jp-state") == rule);
  CHECK(Find(draft, kReport, "the drill is not aimed", "in-state") == rule);
}

TEST_CASE("extract: an outlet the words came through is a cited stub source that asserts them") {
  const Draft draft = Extract({"naval_exercise.txt"});
  CHECK(draft.text.find("{\"id\": \"afp-report-cited-by-report-naval-exercise\", \"title\": \"[AFP report "
                        "cited by report-naval-exercise]\", \"publisher\": \"afp\", \"kind\": \"news report\"}") !=
        std::string::npos);
  CHECK(draft.text.find("{\"from\": \"report-naval-exercise\", \"to\": \"afp-report-cited-by-report-naval-"
                        "exercise\", \"kind\": \"derived from\"}") != std::string::npos);
  CHECK(Find(draft, "afp-report-cited-by-report-naval-exercise", "the ships would leave", "arjun-mehta") ==
        "supports ships-leave-port-april-2 | upstream-of:subject-verb+told-outlet");
}

TEST_CASE("extract: entities merge across spellings and carry the state control their names state") {
  const Draft draft = Extract({"naval_exercise.txt", "second_report.txt"});
  CHECK(draft.text.find("{\"id\": \"japan-defense-ministry\", \"name\": \"Japan's Defense Ministry\", "
                        "\"aliases\": [\"Japan's Defence Ministry\"], \"type\": \"organisation\", "
                        "\"controlled_by\": [\"jp-state\"]}") != std::string::npos);
  CHECK(draft.text.find("{\"id\": \"chinese-foreign-ministry-spokesman\", \"name\": \"Chinese Foreign "
                        "Ministry spokesman\", \"type\": \"person\", \"controlled_by\": [\"cn-state\"]}") !=
        std::string::npos);
  CHECK(draft.text.find("{\"id\": \"xinhua\", \"name\": \"Xinhua\", \"type\": \"outlet\", "
                        "\"controlled_by\": [\"cn-state\"]}") != std::string::npos);
  CHECK(draft.text.find("{\"id\": \"arjun-mehta\", \"name\": \"Arjun Mehta\", \"type\": \"person\", "
                        "\"controlled_by\": [\"in-state\"]}") != std::string::npos);
}

TEST_CASE("extract: claims group paraphrases across articles and keep the negation apart") {
  const Draft draft = Extract({"naval_exercise.txt", "second_report.txt"});
  CHECK(Find(draft, "report-second-report", "the joint exercise was not aimed", "japan-defense-ministry") ==
        "supports exercise-not-directed-third-country | subject-verb");
  CHECK(Find(draft, "report-second-report", "the exercise was aimed at a third party") ==
        "reports exercise-aimed-third-party | subject-verb+unnamed-speaker");
  CHECK(Find(draft, "report-second-report", "The navies of Japan") ==
        "reports navies-japan-india-trained-together-since | clause-speaker-verb+unnamed-speaker");
}

TEST_CASE("extract: the draft is byte-identical from run to run") {
  CHECK(Extract({"naval_exercise.txt", "second_report.txt"}).text ==
        Extract({"naval_exercise.txt", "second_report.txt"}).text);
}

TEST_CASE("extract: --into matches the casefile's entities and claims first") {
  testing::ScratchDirectory scratch;
  const std::string into = scratch.Write("case.json", R"({"claimgraph": "1.0",
    "entities": [{"id": "jp-mod", "name": "Ministry of Defense of Japan",
                  "aliases": ["Japan's Defense Ministry"], "type": "organisation"}],
    "sources": [{"id": "earlier", "title": "An earlier report", "kind": "news report"}],
    "claims": [{"id": "not-aimed", "text": "The exercise is not aimed at any third country"}],
    "assertions": [{"source": "earlier", "claim": "not-aimed", "stance": "supports"}]})");
  const Draft draft = Extract({"second_report.txt"}, ExtractOptions{.into = {into}});
  CHECK(Find(draft, "report-second-report", "the joint exercise was not aimed", "jp-mod") ==
        "supports not-aimed | subject-verb");
  CHECK(draft.text.find("\"id\": \"jp-mod\"") == std::string::npos);  // referenced, not copied
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("extract: embedded hearsay, verbs that need a that-clause, compounds, definite short forms") {
  const Draft draft = Extract({"port_dispute.txt"});
  const char* report = "report-port-dispute";
  // "The paper also offered that analysts say C, according to Reuters": the paper speaks
  // (an outlet named before it by its head word), Reuters is the channel.
  CHECK(Find(draft, report, "the closure \"would cost", "lagos-tribune-report-cited-by-report-port-dispute") ==
        "supports closure-cost-region-millions-dollars | subject-verb+embedded-hearsay; The paper: "
        "anaphor-outlet-in-text-before");
  CHECK(Find(draft, report, "the closure \"would cost", "reuters-report-cited-by-report-port-dispute") == "none");
  // "suggested a new timetable": no that-clause, so no attribution to the committee.
  CHECK(Find(draft, report, "The port committee suggested") ==
        "supports port-committee-suggested-new-timetable-ferries | own-voice");
  CHECK(Find(draft, report, "the closure hurts exporters", "port-authority") ==
        "supports closure-hurts-exporters | subject-verb+compound-first");
  CHECK(Find(draft, report, "damages the region's trade", "port-authority") ==
        "supports damages-region-trade | subject-verb+compound-second");
  CHECK(Find(draft, report, "the union opposes the plan", "ada-obi") ==
        "supports union-opposes-plan | subject-verb+compound-first");
  CHECK(Find(draft, report, "it will cut wages for dock workers", "ada-obi") ==
        "supports cut-wages-dock-workers | subject-verb+compound-second");
  CHECK(Find(draft, report, "it would keep its border crossings", "north-macedonia") ==
        "supports keep-border-crossings-open-trucks | subject-verb; North: definite-short-form-before");
}

}  // namespace
}  // namespace claimgraph
