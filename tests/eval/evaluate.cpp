// scripts/eval: runs every scoring method on the data sets with gold labels and prints one
// table, method by data set (docs/evaluation.md explains the data, the modelling and the
// figures). Methods never see gold labels, except in the "past verdicts" columns, where
// k-fold cross-validation gives each method the labels of the other folds only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "claimgraph/files.h"
#include "claimgraph/graph.h"
#include "claimgraph/import.h"
#include "claimgraph/score.h"
#include "eval/metrics.h"
#include "ingest/gold.h"
#include "score/truth_discovery.h"

namespace claimgraph::eval {
namespace {

constexpr size_t kFolds = 5;

struct DataSet {
  std::string name;
  CaseData data;              // no verdicts: the methods learn without gold
  ingest::GoldAnswers gold;   // question data sets: question -> value
  std::vector<int8_t> labels; // Emergent: per claim 1 true, 0 false, -1 unlabelled
  bool binary() const { return !labels.empty(); }
};

// Reads `relative` below the data folder; nullopt (with a note on stderr) when absent.
std::optional<std::string> ReadData(const std::string& root, const std::string& relative) {
  Result<std::string> text = ReadFile(root + "/" + relative);
  if (!text.ok()) {
    std::cerr << "evaluate: " << relative << " is absent; its data set is skipped\n";
    return std::nullopt;
  }
  return text.value();
}

template <typename T>
std::optional<T> OrReport(Result<T> result) {
  if (result.ok()) return std::move(result.value());
  std::cerr << result.status().message() << "\n";
  return std::nullopt;
}

std::optional<DataSet> LoadQuestions(const std::string& root, const std::string& name,
                                     const std::string& claims_file, const std::string& gold_file,
                                     bool csv, ValueNormaliser normaliser) {
  std::optional<std::string> claims = ReadData(root, claims_file), gold = ReadData(root, gold_file);
  if (!claims || !gold) return std::nullopt;
  std::optional<ImportResult> imported =
      csv ? OrReport(ImportFlightsCsv(claims_file, *claims, {.normaliser = normaliser}))
          : OrReport(ImportDafna(claims_file, *claims, {.normaliser = normaliser}));
  std::optional<ingest::GoldAnswers> answers =
      name == "books"    ? OrReport(ingest::ReadBooksGold(gold_file, *gold))
      : csv              ? OrReport(ingest::ReadFlightsCsvGold(gold_file, *gold))
                         : OrReport(ingest::ReadDafnaFlightTruth(gold_file, *gold, "2011-12-04"));
  if (!imported || !answers) return std::nullopt;
  return DataSet{name, std::move(imported->data), std::move(*answers), {}};
}

std::optional<DataSet> LoadEmergent(const std::string& root, bool source_per_outlet) {
  const std::string file = "emergent/emergent-train.csv";
  std::optional<std::string> text = ReadData(root, file);
  if (!text) return std::nullopt;
  std::optional<ImportResult> imported = OrReport(
      ImportEmergent(file, *text, {.with_verdicts = true, .source_per_outlet = source_per_outlet}));
  if (!imported) return std::nullopt;
  DataSet set{"emergent", std::move(imported->data), {}, {}};
  set.labels.assign(set.data.claims.size(), -1);
  for (const Verdict& verdict : set.data.verdicts) set.labels[verdict.claim] = verdict.rating == Rating::kTrue;
  set.data.verdicts.clear();
  return set;
}

struct Prediction {
  std::vector<double> belief;   // per claim; within a question the highest wins
  std::vector<int8_t> binary;   // per claim: predicted true (1) or false (0)
};

// Our own baseline, to check the normalisation against the published figures: the number
// of distinct sources supporting a claim; a claim without alternatives is true when more
// sources support than refute it (ties false, the more common label on Emergent).
Prediction CountVotes(const CaseData& data) {
  std::vector<std::vector<Index>> supporters(data.claims.size()), refuters(data.claims.size());
  for (const Assertion& assertion : data.assertions) {
    if (assertion.stance == Stance::kSupports) supporters[assertion.claim].push_back(assertion.source);
    if (assertion.stance == Stance::kRefutes) refuters[assertion.claim].push_back(assertion.source);
  }
  Prediction prediction;
  for (size_t c = 0; c < data.claims.size(); ++c) {
    for (auto* sources : {&supporters[c], &refuters[c]}) {
      std::sort(sources->begin(), sources->end());
      sources->erase(std::unique(sources->begin(), sources->end()), sources->end());
    }
    prediction.belief.push_back(static_cast<double>(supporters[c].size()));
    prediction.binary.push_back(supporters[c].size() > refuters[c].size());
  }
  return prediction;
}

// Runs `method` on `data`. `training` (may be null) holds the labels a method may use, per
// claim as in DataSet::labels; the graph then carries them as verdicts and the vote
// arrays as fact labels.
Result<Prediction> Predict(const std::string& method, const CaseData& data,
                           const std::vector<int8_t>* training) {
  if (method == "baseline") return CountVotes(data);
  CaseData with_verdicts = data;
  if (training != nullptr) {
    for (Index c = 0; c < training->size(); ++c) {
      if ((*training)[c] >= 0) with_verdicts.verdicts.push_back({.claim = c, .rating = (*training)[c] ? Rating::kTrue : Rating::kFalse});
    }
  }
  const ProvenanceGraph graph(std::move(with_verdicts));
  Prediction prediction;
  if (method == "corroboration") {
    ScoreOptions options;
    options.record_chains = false;
    options.use_verdicts = training != nullptr;
    Result<CorroborationResult> scored = Score(graph, options);
    if (!scored.ok()) return scored.status();
    for (const ClaimScore& claim : scored->claims) {
      prediction.belief.push_back(claim.score);
      prediction.binary.push_back(claim.score > 0.5);
    }
    return prediction;
  }
  const score::VoteArrays votes = score::BuildVoteArrays(graph);
  score::FactLabels labels;
  if (training != nullptr) {
    labels.assign(votes.fact_count, -1);
    for (Index c = 0; c < training->size(); ++c) labels[votes.fact_of_claim[c]] = (*training)[c];
  }
  Result<score::TruthDiscoveryResult> result =
      score::RunTruthDiscovery(method, votes, training != nullptr ? &labels : nullptr);
  if (!result.ok()) return result.status();
  ClaimBeliefs beliefs = BeliefsOfClaims(votes, result->fact_belief);
  prediction.belief = beliefs.claim;
  for (size_t c = 0; c < beliefs.claim.size(); ++c) {
    const double against = std::isnan(beliefs.negation[c]) ? 0.5 : beliefs.negation[c];
    prediction.binary.push_back(beliefs.claim[c] > against);
  }
  return prediction;
}

// A figure as "0.812" (locale-independent for these values: no thousands, one decimal point).
std::string Cell(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

std::vector<std::string> EvaluateWithoutLabels(const std::string& method, const DataSet& set) {
  Result<Prediction> prediction = Predict(method, set.data, nullptr);
  if (!prediction.ok()) {
    std::cerr << "evaluate: " << method << " on " << set.name << ": " << prediction.status().message() << "\n";
    return set.binary() ? std::vector<std::string>{"error", "error"} : std::vector<std::string>{"error"};
  }
  if (!set.binary()) return {Cell(ScoreQuestions(set.data, prediction->belief, set.gold).accuracy())};
  BinaryOutcome outcome = ScoreBinary(prediction->binary, set.labels);
  return {Cell(outcome.accuracy()), Cell(outcome.macro_f1)};
}

// k-fold cross-validation over the labelled claims (fold = rank of the claim id mod k): each
// fold is predicted with the labels of the other folds only.
std::vector<std::string> EvaluateWithPastVerdicts(const std::string& method, const DataSet& set) {
  std::vector<Index> labelled;
  for (Index c = 0; c < set.labels.size(); ++c) {
    if (set.labels[c] >= 0) labelled.push_back(c);
  }
  std::sort(labelled.begin(), labelled.end(),
            [&](Index a, Index b) { return set.data.claims[a].id < set.data.claims[b].id; });
  std::vector<int8_t> predicted(set.labels.size(), 0);
  for (size_t fold = 0; fold < kFolds; ++fold) {
    std::vector<int8_t> training = set.labels;
    for (size_t rank = fold; rank < labelled.size(); rank += kFolds) training[labelled[rank]] = -1;
    Result<Prediction> prediction = Predict(method, set.data, &training);
    if (!prediction.ok()) {
      std::cerr << "evaluate: " << method << " on " << set.name << " with past verdicts: "
                << prediction.status().message() << "\n";
      return {"error", "error"};
    }
    for (size_t rank = fold; rank < labelled.size(); rank += kFolds) {
      predicted[labelled[rank]] = prediction->binary[labelled[rank]];
    }
  }
  BinaryOutcome outcome = ScoreBinary(predicted, set.labels);
  return {Cell(outcome.accuracy()), Cell(outcome.macro_f1)};
}

// Prints rows as a Markdown table whose columns are as wide as their widest cell; the first
// row is the header.
void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(rows.front().size(), 3);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  auto print = [&](const std::vector<std::string>& cells, char fill) {
    std::string line = "|";
    for (size_t i = 0; i < cells.size(); ++i) {
      line += " " + cells[i] + std::string(widths[i] - cells[i].size(), fill) + " |";
    }
    std::cout << line << "\n";
  };
  print(rows.front(), ' ');
  print(std::vector<std::string>(widths.size(), "-"), '-');
  for (size_t r = 1; r < rows.size(); ++r) print(rows[r], ' ');
}

int Main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--source-per-article")) {
    std::cerr << "usage: evaluate DATA_DIR [--source-per-article]\n"
                 "  DATA_DIR holds books/, flight/ and emergent/ (see docs/evaluation.md)\n";
    return 2;
  }
  const std::string root = argv[1];
  const bool source_per_outlet = argc == 2;
  std::vector<DataSet> sets;
  auto add = [&sets](std::optional<DataSet> set) { if (set) sets.push_back(std::move(*set)); };
  add(LoadQuestions(root, "books", "books/EA_books_claims_pipe.txt", "books/EA_book_golden.txt", false,
                    ValueNormaliser::kAuthors));
  add(LoadQuestions(root, "flight/pclean", "flight/pclean/flights_dirty.csv",
                    "flight/pclean/flights_clean.csv", true, ValueNormaliser::kFlightTimes));
  add(LoadQuestions(root, "flight/dafna", "flight/dafna/flight-claims-2011-12-04.txt",
                    "flight/dafna/flight-truth-2011-12-04.txt", false, ValueNormaliser::kFlightTimes));
  add(LoadEmergent(root, source_per_outlet));
  if (sets.empty()) {
    std::cerr << "evaluate: no data set found under " << root << "\n";
    return 0;
  }

  std::vector<std::string> methods = {"baseline"};
  for (const std::string& method : score::TruthDiscoveryMethods()) methods.push_back(method);
  methods.push_back("corroboration");

  std::vector<std::string> header = {"method"}, counts = {"(items)"};
  for (const DataSet& set : sets) {
    if (!set.binary()) {
      header.push_back(set.name);
      counts.push_back(std::to_string(ScoreQuestions(set.data, std::vector<double>(set.data.claims.size()), set.gold).evaluated));
      continue;
    }
    const size_t labelled = ScoreBinary(std::vector<int8_t>(set.labels.size(), 0), set.labels).evaluated;
    for (std::string column : {"acc", "F1", "verdicts acc", "verdicts F1"}) {
      header.push_back(set.name + " " + column);
      counts.push_back(std::to_string(labelled));
    }
  }
  std::vector<std::vector<std::string>> rows = {header, counts};
  for (const std::string& method : methods) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> row = {method};
    for (const DataSet& set : sets) {
      for (std::string& cell : EvaluateWithoutLabels(method, set)) row.push_back(std::move(cell));
      if (set.binary()) {
        for (std::string& cell : EvaluateWithPastVerdicts(method, set)) row.push_back(std::move(cell));
      }
    }
    rows.push_back(std::move(row));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "evaluate: " << method << " took " << Cell(seconds) << " s\n";
  }
  PrintTable(rows);
  return 0;
}

}  // namespace
}  // namespace claimgraph::eval

int main(int argc, char** argv) { return claimgraph::eval::Main(argc, argv); }
