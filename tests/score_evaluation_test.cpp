// Range checks on the real data sets (docs/evaluation.md): importing, normalising and
// matching gold must reproduce the published majority-vote figures. Skipped with a message
// where ../shared/data is absent.
#include <doctest/doctest.h>

#include <cmath>

#include "claimgraph/graph.h"
#include "claimgraph/import.h"
#include "eval/metrics.h"
#include "ingest/gold.h"
#include "score/truth_discovery.h"
#include "test_support.h"

namespace claimgraph {
namespace {

// The shared data file's text, or nullopt after a MESSAGE saying why the check is skipped.
std::optional<std::string> SharedText(const std::string& relative) {
  std::optional<std::string> path = testing::SharedDataPath(relative);
  if (!path) {
    MESSAGE("skipped: ../shared/data/" << relative << " is absent");
    return std::nullopt;
  }
  return testing::ReadWholeFile(*path);
}

// One method (score::RunTruthDiscovery, paper defaults) on a question data set.
eval::QuestionOutcome MethodOnQuestions(const std::string& method, const CaseData& data,
                                        const ingest::GoldAnswers& gold) {
  const ProvenanceGraph graph(data);
  const score::VoteArrays votes = score::BuildVoteArrays(graph);
  Result<score::TruthDiscoveryResult> result = score::RunTruthDiscovery(method, votes);
  REQUIRE_MESSAGE(result.ok(), result.status().message());
  return eval::ScoreQuestions(data, eval::BeliefsOfClaims(votes, result->fact_belief).claim, gold);
}

eval::QuestionOutcome MajorityOnQuestions(const CaseData& data, const ingest::GoldAnswers& gold) {
  return MethodOnQuestions("majority", data, gold);
}

TEST_CASE("books: majority vote over normalised author lists is near the published 0.81") {
  std::optional<std::string> claims = SharedText("books/EA_books_claims_pipe.txt");
  std::optional<std::string> gold_text = SharedText("books/EA_book_golden.txt");
  if (!claims || !gold_text) return;
  Result<ImportResult> imported = ImportDafna("books", *claims, {.normaliser = ValueNormaliser::kAuthors});
  Result<ingest::GoldAnswers> gold = ingest::ReadBooksGold("golden", *gold_text);
  REQUIRE(imported.ok());
  REQUIRE(gold.ok());
  const eval::QuestionOutcome outcome = MajorityOnQuestions(imported->data, gold.value());
  CHECK(outcome.evaluated == 100);
  CHECK(outcome.accuracy() >= 0.75);
  CHECK(outcome.accuracy() <= 0.90);
}

TEST_CASE("flight/pclean: majority vote over normalised times is near the published 0.79") {
  std::optional<std::string> dirty = SharedText("flight/pclean/flights_dirty.csv");
  std::optional<std::string> clean = SharedText("flight/pclean/flights_clean.csv");
  if (!dirty || !clean) return;
  Result<ImportResult> imported = ImportFlightsCsv("dirty", *dirty);
  Result<ingest::GoldAnswers> gold = ingest::ReadFlightsCsvGold("clean", *clean);
  REQUIRE(imported.ok());
  REQUIRE(gold.ok());
  CHECK(gold->size() == 400);
  const eval::QuestionOutcome outcome = MajorityOnQuestions(imported->data, gold.value());
  CHECK(outcome.evaluated == 400);
  CHECK(outcome.accuracy() >= 0.75);
  CHECK(outcome.accuracy() <= 0.85);
  // Raw strings split votes: the published 0.76 without normalisation.
  Result<ImportResult> raw = ImportFlightsCsv("dirty", *dirty, {.normaliser = ValueNormaliser::kNone});
  REQUIRE(raw.ok());
  CHECK(raw->data.claims.size() > imported->data.claims.size());
}

TEST_CASE("flight/dafna: every flight of the truth file found in the claims is evaluated") {
  std::optional<std::string> claims = SharedText("flight/dafna/flight-claims-2011-12-04.txt");
  std::optional<std::string> truth = SharedText("flight/dafna/flight-truth-2011-12-04.txt");
  if (!claims || !truth) return;
  Result<ImportResult> imported = ImportDafna("claims", *claims, {.normaliser = ValueNormaliser::kFlightTimes});
  Result<ingest::GoldAnswers> gold = ingest::ReadDafnaFlightTruth("truth", *truth, "2011-12-04");
  REQUIRE(imported.ok());
  REQUIRE(gold.ok());
  const eval::QuestionOutcome outcome = MajorityOnQuestions(imported->data, gold.value());
  CHECK(outcome.evaluated == 118);  // 22 of the truth's 98 flights fly on this day's claims
  CHECK(outcome.accuracy() >= 0.75);
  CHECK(outcome.accuracy() <= 0.95);
}

TEST_CASE("emergent: counting for against against is near the published 0.71") {
  std::optional<std::string> text = SharedText("emergent/emergent-train.csv");
  if (!text) return;
  Result<ImportResult> imported = ImportEmergent("emergent", *text, {.with_verdicts = true});
  REQUIRE(imported.ok());
  CaseData data = imported->data;
  std::vector<int8_t> gold(data.claims.size(), -1);
  for (const Verdict& verdict : data.verdicts) gold[verdict.claim] = verdict.rating == Rating::kTrue;
  data.verdicts.clear();
  const ProvenanceGraph graph(std::move(data));
  const score::VoteArrays votes = score::BuildVoteArrays(graph);
  Result<score::TruthDiscoveryResult> result = score::RunTruthDiscovery("majority", votes);
  REQUIRE(result.ok());
  const eval::ClaimBeliefs beliefs = eval::BeliefsOfClaims(votes, result->fact_belief);
  std::vector<int8_t> predicted;
  for (size_t c = 0; c < beliefs.claim.size(); ++c) predicted.push_back(beliefs.claim[c] > beliefs.negation[c]);
  const eval::BinaryOutcome outcome = eval::ScoreBinary(predicted, gold);
  CHECK(outcome.evaluated == 140);
  CHECK(outcome.accuracy() >= 0.65);
  CHECK(outcome.accuracy() <= 0.78);
  CHECK(outcome.macro_f1 >= 0.6);
}

// The figures docs/evaluation.md reports (scripts/eval), each checked within +-0.02, so that
// a change to a method or a normaliser that moves them is noticed and the note updated.
TEST_CASE("books and flights: the iterative methods reach the figures docs/evaluation.md reports") {
  struct Expected {
    const char* method;
    double books, pclean, dafna;
  };
  const Expected expected[] = {
      {"sums", 0.760, 0.812, 0.797},          {"average-log", 0.820, 0.802, 0.797},
      {"investment", 0.860, 0.897, 0.924},    {"pooled-investment", 0.920, 0.943, 0.890},
      {"truthfinder", 0.790, 0.855, 0.780},   {"2-estimates", 0.830, 0.935, 0.932},
      {"3-estimates", 0.830, 0.848, 0.890},   {"accucopy", 0.940, 0.938, 0.915},
  };
  std::optional<std::string> books = SharedText("books/EA_books_claims_pipe.txt");
  std::optional<std::string> books_gold = SharedText("books/EA_book_golden.txt");
  std::optional<std::string> dirty = SharedText("flight/pclean/flights_dirty.csv");
  std::optional<std::string> clean = SharedText("flight/pclean/flights_clean.csv");
  std::optional<std::string> dafna = SharedText("flight/dafna/flight-claims-2011-12-04.txt");
  std::optional<std::string> truth = SharedText("flight/dafna/flight-truth-2011-12-04.txt");
  if (!books || !books_gold || !dirty || !clean || !dafna || !truth) return;
  const CaseData books_data = ImportDafna("books", *books, {.normaliser = ValueNormaliser::kAuthors})->data;
  const CaseData pclean_data = ImportFlightsCsv("dirty", *dirty)->data;
  const CaseData dafna_data = ImportDafna("claims", *dafna, {.normaliser = ValueNormaliser::kFlightTimes})->data;
  const ingest::GoldAnswers books_answers = ingest::ReadBooksGold("golden", *books_gold).value();
  const ingest::GoldAnswers pclean_answers = ingest::ReadFlightsCsvGold("clean", *clean).value();
  const ingest::GoldAnswers dafna_answers =
      ingest::ReadDafnaFlightTruth("truth", *truth, "2011-12-04").value();
  for (const Expected& figures : expected) {
    CAPTURE(figures.method);
    const double books_accuracy = MethodOnQuestions(figures.method, books_data, books_answers).accuracy();
    const double pclean_accuracy = MethodOnQuestions(figures.method, pclean_data, pclean_answers).accuracy();
    const double dafna_accuracy = MethodOnQuestions(figures.method, dafna_data, dafna_answers).accuracy();
    CHECK(std::fabs(books_accuracy - figures.books) <= 0.02);
    CHECK(std::fabs(pclean_accuracy - figures.pclean) <= 0.02);
    CHECK(std::fabs(dafna_accuracy - figures.dafna) <= 0.02);
  }
}

// Emergent without verdicts, one source per outlet as scripts/eval imports it; figures as
// docs/evaluation.md reports them, within +-0.02 (about three claims of 140).
TEST_CASE("emergent: the iterative methods reach the figures docs/evaluation.md reports") {
  std::optional<std::string> text = SharedText("emergent/emergent-train.csv");
  if (!text) return;
  Result<ImportResult> imported =
      ImportEmergent("emergent", *text, {.with_verdicts = true, .source_per_outlet = true});
  REQUIRE(imported.ok());
  CaseData data = imported->data;
  std::vector<int8_t> gold(data.claims.size(), -1);
  for (const Verdict& verdict : data.verdicts) gold[verdict.claim] = verdict.rating == Rating::kTrue;
  data.verdicts.clear();
  const ProvenanceGraph graph(std::move(data));
  const score::VoteArrays votes = score::BuildVoteArrays(graph);
  const std::pair<const char*, double> expected[] = {
      {"sums", 0.700},        {"average-log", 0.714}, {"investment", 0.664},
      {"pooled-investment", 0.500}, {"truthfinder", 0.693}, {"2-estimates", 0.657},
      {"3-estimates", 0.671}, {"accucopy", 0.714},
  };
  for (const auto& [method, accuracy] : expected) {
    CAPTURE(method);
    Result<score::TruthDiscoveryResult> result = score::RunTruthDiscovery(method, votes);
    REQUIRE(result.ok());
    const eval::ClaimBeliefs beliefs = eval::BeliefsOfClaims(votes, result->fact_belief);
    std::vector<int8_t> predicted;
    for (size_t c = 0; c < beliefs.claim.size(); ++c) predicted.push_back(beliefs.claim[c] > beliefs.negation[c]);
    CHECK(std::fabs(eval::ScoreBinary(predicted, gold).accuracy() - accuracy) <= 0.02);
  }
}

TEST_CASE("ScoreBinary computes accuracy and the macro-F1 of true and false") {
  // gold: T T F F, predicted: T F F F -> F1(true) = 2/3, F1(false) = 0.8.
  const eval::BinaryOutcome outcome = eval::ScoreBinary({1, 0, 0, 0, 1}, {1, 1, 0, 0, -1});
  CHECK(outcome.evaluated == 4);
  CHECK(outcome.correct == 3);
  CHECK(outcome.macro_f1 == doctest::Approx((2.0 / 3.0 + 0.8) / 2.0));
}

}  // namespace
}  // namespace claimgraph
