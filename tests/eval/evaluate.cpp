// scripts/eval: runs every scoring method on the data sets with gold labels and prints one
// table, method by data set (docs/evaluation.md explains the data, the modelling and the
// figures), then the gold items each left tied. Every figure is what `claimgraph query
// CASEFILE answers --method M` answers (the same library calls; --check-cli runs the command
// and checks it agrees on every item). Methods never see gold labels, except in the
// "verdicts" columns, where k-fold cross-validation gives the casefile the labels of the
// other folds only, as past verdicts.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <cstdio>
#include <iostream>
#include <optional>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/files.h"
#include "claimgraph/graph.h"
#include "claimgraph/import.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "eval/error_analysis.h"
#include "eval/metrics.h"
#include "import/csv_reader.h"
#include "import/gold.h"
#include "score/truth_discovery.h"

namespace claimgraph::eval {
namespace {

constexpr size_t kFolds = 5;

struct DataSet {
  std::string name;
  CaseData data;              // no verdicts: the methods learn without gold
  importers::GoldAnswers gold;   // question data sets: question -> value
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
  std::optional<importers::GoldAnswers> answers =
      name == "books"    ? OrReport(importers::ReadBooksGold(gold_file, *gold))
      : csv              ? OrReport(importers::ReadFlightsCsvGold(gold_file, *gold))
                         : OrReport(importers::ReadDafnaFlightTruth(gold_file, *gold, "2011-12-04"));
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

// The casefile a user would score: the data set's records, with `training` (may be null;
// per claim 1 true, 0 false, -1 none) as past verdicts.
ProvenanceGraph CasefileWith(const CaseData& data, const std::vector<int8_t>* training) {
  CaseData with_verdicts = data;
  if (training != nullptr) {
    for (Index c = 0; c < training->size(); ++c) {
      if ((*training)[c] >= 0) {
        with_verdicts.verdicts.push_back({.claim = c, .rating = (*training)[c] ? Rating::kTrue : Rating::kFalse});
      }
    }
  }
  return ProvenanceGraph(std::move(with_verdicts));
}

// The gold questions the casefile has at least one claim for: those that are evaluated.
size_t GoldQuestionsWithClaims(const DataSet& set) {
  std::set<std::string_view> asked;
  for (const Claim& claim : set.data.claims) asked.insert(claim.question);
  return static_cast<size_t>(std::count_if(set.gold.begin(), set.gold.end(),
                                           [&](const auto& entry) { return asked.count(entry.first) > 0; }));
}

// A figure as "0.812" (locale-independent for these values: no thousands, one decimal point).
std::string Cell(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

// The cells of one data set for one method: accuracy (and for Emergent macro-F1), without
// and then with past verdicts, and the gold items left tied in each.
struct Cells {
  std::vector<std::string> figures;
  double accuracy = 0.0, accuracy_with_verdicts = 0.0;
  size_t ties = 0, ties_with_verdicts = 0;
};

// Fold of each labelled unit (question or claim): its rank by name, mod kFolds.
template <typename Name>
std::vector<size_t> FoldsByName(size_t count, Name name) {
  std::vector<size_t> order(count), fold(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return name(a) < name(b); });
  for (size_t rank = 0; rank < count; ++rank) fold[order[rank]] = rank % kFolds;
  return fold;
}

// Question data sets. With past verdicts (k-fold over the gold questions), the claims of the
// other folds' questions are rated: the gold value's claim true, or every claim false when
// no source gives the gold value.
// `only` (may be null) limits the gold items counted, by question or claim id.
Result<Cells> EvaluateQuestions(const std::string& method, const DataSet& set, const std::set<std::string>* only) {
  Cells cells;
  Result<AnswersByItem> answers = CommandAnswers(CasefileWith(set.data, nullptr), OptionsFor(method, false));
  if (!answers.ok()) return answers.status();
  std::vector<std::string> counted;
  for (const auto& [question, value] : set.gold) {
    if (only == nullptr || only->count(question) > 0) counted.push_back(question);
  }
  const QuestionOutcome plain = ScoreQuestions(answers.value(), set.gold, &counted);
  cells.ties = plain.ties;
  cells.accuracy = plain.accuracy();
  cells.figures.push_back(Cell(plain.accuracy()));

  std::vector<std::string> questions;
  for (const auto& [question, value] : set.gold) questions.push_back(question);  // sorted (a map)
  const std::vector<size_t> fold = FoldsByName(questions.size(), [&](size_t i) { return questions[i]; });
  std::map<std::string_view, std::vector<Index>> claims_of;
  for (Index c = 0; c < set.data.claims.size(); ++c) claims_of[set.data.claims[c].question].push_back(c);
  QuestionOutcome held_out;
  for (size_t k = 0; k < kFolds; ++k) {
    std::vector<int8_t> training(set.data.claims.size(), -1);
    std::vector<std::string> tested;
    for (size_t q = 0; q < questions.size(); ++q) {
      if (fold[q] == k) {
        if (only == nullptr || only->count(questions[q]) > 0) tested.push_back(questions[q]);
        continue;
      }
      auto found = claims_of.find(questions[q]);
      if (found == claims_of.end()) continue;
      const std::string& gold = set.gold.at(questions[q]);
      const bool given = std::any_of(found->second.begin(), found->second.end(),
                                     [&](Index c) { return set.data.claims[c].value == gold; });
      for (Index c : found->second) training[c] = given ? set.data.claims[c].value == gold : 0;
    }
    Result<AnswersByItem> fold_answers = CommandAnswers(CasefileWith(set.data, &training), OptionsFor(method, true));
    if (!fold_answers.ok()) return fold_answers.status();
    const QuestionOutcome outcome = ScoreQuestions(fold_answers.value(), set.gold, &tested);
    held_out.evaluated += outcome.evaluated;
    held_out.correct += outcome.correct;
    held_out.ties += outcome.ties;
  }
  cells.ties_with_verdicts = held_out.ties;
  cells.accuracy_with_verdicts = held_out.accuracy();
  cells.figures.push_back(Cell(held_out.accuracy()));
  return cells;
}

// Emergent: each claim stands alone; k-fold over the labelled claims for past verdicts.
Result<Cells> EvaluateBinary(const std::string& method, const DataSet& set, const std::set<std::string>* only) {
  Cells cells;
  const ProvenanceGraph graph = CasefileWith(set.data, nullptr);
  Result<AnswersByItem> answers = CommandAnswers(graph, OptionsFor(method, false));
  if (!answers.ok()) return answers.status();
  std::vector<int8_t> counted = set.labels;  // the labels of the claims counted
  for (Index c = 0; c < counted.size(); ++c) {
    if (only != nullptr && only->count(set.data.claims[c].id) == 0) counted[c] = -1;
  }
  const BinaryOutcome plain = ScoreBinary(BinaryPredictions(graph, answers.value()), counted);
  cells.ties = plain.ties;
  cells.accuracy = plain.accuracy();
  cells.figures = {Cell(plain.accuracy()), Cell(plain.macro_f1)};

  std::vector<Index> labelled;
  for (Index c = 0; c < set.labels.size(); ++c) {
    if (set.labels[c] >= 0) labelled.push_back(c);
  }
  const std::vector<size_t> fold =
      FoldsByName(labelled.size(), [&](size_t i) { return set.data.claims[labelled[i]].id; });
  std::vector<int8_t> predicted(set.labels.size(), -1);
  for (size_t k = 0; k < kFolds; ++k) {
    std::vector<int8_t> training = set.labels;
    for (size_t i = 0; i < labelled.size(); ++i) {
      if (fold[i] == k) training[labelled[i]] = -1;
    }
    const ProvenanceGraph with_verdicts = CasefileWith(set.data, &training);
    Result<AnswersByItem> fold_answers = CommandAnswers(with_verdicts, OptionsFor(method, true));
    if (!fold_answers.ok()) return fold_answers.status();
    const std::vector<int8_t> fold_predicted = BinaryPredictions(with_verdicts, fold_answers.value());
    for (size_t i = 0; i < labelled.size(); ++i) {
      if (fold[i] == k) predicted[labelled[i]] = fold_predicted[labelled[i]];
    }
  }
  const BinaryOutcome held_out = ScoreBinary(predicted, counted);
  cells.ties_with_verdicts = held_out.ties;
  cells.accuracy_with_verdicts = held_out.accuracy();
  cells.figures.push_back(Cell(held_out.accuracy()));
  cells.figures.push_back(Cell(held_out.macro_f1));
  return cells;
}

// --check-cli: runs `claimgraph query CASEFILE answers --method M --no-verdicts --format csv`
// on the data set written as a casefile, and checks that it answers every item as the
// library path did. Returns the number of items that differ (or -1 when it could not run).
long CheckCommand(const std::string& binary, const std::string& casefile, const std::string& method,
                  const AnswersByItem& expected) {
  const std::string command = "'" + binary + "' query '" + casefile + "' answers --method " + method +
                              " --no-verdicts --format csv 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::string text;
  char buffer[65536];
  for (size_t read; (read = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, read);
  if (pclose(pipe) != 0) return -1;
  Result<std::vector<importers::CsvRecord>> records = importers::ReadCsv("answers.csv", text);
  if (!records.ok() || records->empty()) return -1;
  Result<std::vector<size_t>> columns = importers::FindColumns("answers.csv", records->front(), {"item", "answer", "tie"});
  if (!columns.ok()) return -1;
  AnswersByItem printed;
  for (size_t r = 1; r < records->size(); ++r) {
    const std::vector<std::string>& fields = records.value()[r].fields;
    const std::string& tie = fields[columns.value()[2]];
    printed[fields[columns.value()[0]]] = {tie.empty() ? fields[columns.value()[1]] : std::string(), !tie.empty()};
  }
  long differing = 0;
  for (const auto& [item, answer] : expected) {
    auto found = printed.find(item);
    if (found == printed.end() || !(found->second == answer)) ++differing;
  }
  return differing + static_cast<long>(printed.size() > expected.size() ? printed.size() - expected.size() : 0);
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

// The gold items of a data set by name (questions, or labelled claim ids), split by rank of
// name mod kFolds: folds 0 and 1 are the development items, the others the check.
std::set<std::string> Split(const DataSet& set, bool development) {
  std::vector<std::string> names;
  if (set.binary()) {
    for (Index c = 0; c < set.labels.size(); ++c) {
      if (set.labels[c] >= 0) names.push_back(set.data.claims[c].id);
    }
  } else {
    for (const auto& [question, value] : set.gold) names.push_back(question);
  }
  std::sort(names.begin(), names.end());
  std::set<std::string> chosen;
  for (size_t rank = 0; rank < names.size(); ++rank) {
    if ((rank % kFolds < 2) == development) chosen.insert(names[rank]);
  }
  return chosen;
}

// --choose-default: the default score's reliability method, chosen on the development items
// and never on the figures docs/evaluation.md reports. Each candidate (the default score with
// trust from the casefile priors or from one method) is compared with majority vote on the
// development items of every data set, without and with past verdicts; the candidate whose
// smallest lead is largest wins, then the larger mean lead, then the first in the list. Its
// leads on the other items are printed as the check.
int ChooseDefault(const std::vector<DataSet>& sets) {
  std::vector<std::string> candidates = {"corroboration/priors"};
  for (const std::string& method : score::TruthDiscoveryMethods()) candidates.push_back("corroboration/" + method);
  auto leads = [&](const std::string& candidate, bool development) -> Result<std::vector<double>> {
    std::vector<double> result;
    for (const DataSet& set : sets) {
      const std::set<std::string> only = Split(set, development);
      Result<Cells> mine = set.binary() ? EvaluateBinary(candidate, set, &only) : EvaluateQuestions(candidate, set, &only);
      Result<Cells> majority = set.binary() ? EvaluateBinary("majority", set, &only) : EvaluateQuestions("majority", set, &only);
      if (!mine.ok()) return mine.status();
      if (!majority.ok()) return majority.status();
      result.push_back(mine->accuracy - majority->accuracy);
      result.push_back(mine->accuracy_with_verdicts - majority->accuracy_with_verdicts);
    }
    return result;
  };
  std::vector<std::string> header = {"candidate (development items)"};
  for (const DataSet& set : sets) {
    header.push_back(set.name + " lead");
    header.push_back(set.name + " verdicts lead");
  }
  header.push_back("smallest lead");
  std::vector<std::vector<std::string>> rows = {header};
  std::string best;
  double best_smallest = -HUGE_VAL, best_mean = -HUGE_VAL;
  for (const std::string& candidate : candidates) {
    Result<std::vector<double>> lead = leads(candidate, true);
    if (!lead.ok()) {
      std::cerr << "evaluate: " << candidate << ": " << lead.status().message() << "\n";
      return 1;
    }
    std::vector<std::string> row = {candidate};
    double smallest = HUGE_VAL, sum = 0.0;
    for (double value : lead.value()) {
      row.push_back(Cell(value));
      smallest = std::min(smallest, value);
      sum += value;
    }
    row.push_back(Cell(smallest));
    rows.push_back(std::move(row));
    const double mean = sum / static_cast<double>(lead->size());
    if (smallest > best_smallest || (smallest == best_smallest && mean > best_mean)) {
      best = candidate;
      best_smallest = smallest;
      best_mean = mean;
    }
    std::cerr << "evaluate: " << candidate << " done\n";
  }
  PrintTable(rows);
  std::cout << "\nchosen: " << best << "\n\n";
  // The check: every candidate's leads on the other items, the chosen one first.
  std::vector<std::vector<std::string>> check_rows = {header};
  check_rows[0][0] = "candidate (the other items)";
  std::vector<std::string> order = {best};
  for (const std::string& candidate : candidates) {
    if (candidate != best) order.push_back(candidate);
  }
  for (const std::string& candidate : order) {
    Result<std::vector<double>> check = leads(candidate, false);
    if (!check.ok()) return 1;
    std::vector<std::string> row = {candidate};
    double smallest = HUGE_VAL;
    for (double value : check.value()) {
      row.push_back(Cell(value));
      smallest = std::min(smallest, value);
    }
    row.push_back(Cell(smallest));
    check_rows.push_back(std::move(row));
  }
  PrintTable(check_rows);
  return 0;
}

int Main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  bool source_per_outlet = true, choose_default = false;
  std::string binary, casefile_dir, errors_of;
  std::string root;
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i] == "--source-per-article") {
      source_per_outlet = false;
    } else if (arguments[i] == "--choose-default") {
      choose_default = true;
    } else if (arguments[i] == "--errors" && i + 1 < arguments.size()) {
      errors_of = arguments[++i];
    } else if (arguments[i] == "--check-cli" && i + 2 < arguments.size()) {
      binary = arguments[++i];
      casefile_dir = arguments[++i];
    } else if (root.empty() && arguments[i].rfind("--", 0) != 0) {
      root = arguments[i];
    } else {
      root.clear();
      break;
    }
  }
  if (root.empty()) {
    std::cerr << "usage: evaluate DATA_DIR [--source-per-article] [--choose-default] [--errors METHOD] [--check-cli CLAIMGRAPH CASEFILE_DIR]\n"
                 "  DATA_DIR holds books/, flight/ and emergent/ (see docs/evaluation.md)\n";
    return 2;
  }
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

  if (choose_default) return ChooseDefault(sets);
  std::vector<std::string> methods = score::TruthDiscoveryMethods();
  methods.push_back("corroboration");
  if (!errors_of.empty()) {
    std::vector<ErrorSet> error_sets;
    for (const DataSet& set : sets) error_sets.push_back({set.name, set.data, set.gold, set.labels});
    return PrintErrors(error_sets, methods, errors_of);
  }

  std::vector<std::string> header = {"method"}, counts = {"(items)"};
  std::vector<std::string> tie_header = {"gold items tied"};
  for (const DataSet& set : sets) {
    const size_t evaluated = set.binary()
        ? ScoreBinary(std::vector<int8_t>(set.labels.size(), 0), set.labels).evaluated
        : GoldQuestionsWithClaims(set);
    const std::vector<std::string> columns = set.binary()
        ? std::vector<std::string>{" acc", " F1", " verdicts acc", " verdicts F1"}
        : std::vector<std::string>{"", " verdicts"};
    for (const std::string& column : columns) {
      header.push_back(set.name + column);
      counts.push_back(std::to_string(evaluated));
    }
    tie_header.push_back(set.name);
    tie_header.push_back(set.name + " verdicts");
  }
  std::vector<std::vector<std::string>> rows = {header, counts}, tie_rows = {tie_header};
  bool failed = false;
  for (const std::string& method : methods) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> row = {method}, tie_row = {method};
    for (const DataSet& set : sets) {
      Result<Cells> cells = set.binary() ? EvaluateBinary(method, set, nullptr) : EvaluateQuestions(method, set, nullptr);
      if (!cells.ok()) {
        std::cerr << "evaluate: " << method << " on " << set.name << ": " << cells.status().message() << "\n";
        failed = true;
        continue;
      }
      row.insert(row.end(), cells->figures.begin(), cells->figures.end());
      tie_row.push_back(std::to_string(cells->ties));
      tie_row.push_back(std::to_string(cells->ties_with_verdicts));
    }
    rows.push_back(std::move(row));
    tie_rows.push_back(std::move(tie_row));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "evaluate: " << method << " took " << Cell(seconds) << " s\n";
  }
  if (failed) return 1;
  PrintTable(rows);
  std::cout << "\n";
  PrintTable(tie_rows);
  if (binary.empty()) return 0;

  // The command itself, on each data set written as a casefile: every item's answer must be
  // the one the figures above counted.
  for (const DataSet& set : sets) {
    std::string name = set.name;
    std::replace(name.begin(), name.end(), '/', '-');
    const std::string casefile = casefile_dir + "/" + name + ".json";
    if (Status written = WriteFileAtomically(casefile, CasefileText(set.data)); !written.ok()) {
      std::cerr << "evaluate: " << written.message() << "\n";
      return 1;
    }
    const ProvenanceGraph graph = CasefileWith(set.data, nullptr);
    for (const std::string& method : methods) {
      Result<AnswersByItem> expected = CommandAnswers(graph, OptionsFor(method, false));
      if (!expected.ok()) return 1;
      const long differing = CheckCommand(binary, casefile, method, expected.value());
      std::cerr << "evaluate: claimgraph query " << casefile << " answers --method " << method << ": "
                << (differing == 0 ? "agrees on all " + std::to_string(expected->size()) + " items"
                                   : differing < 0 ? std::string("could not be run")
                                                   : std::to_string(differing) + " items differ")
                << "\n";
      if (differing != 0) failed = true;
    }
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace claimgraph::eval

int main(int argc, char** argv) { return claimgraph::eval::Main(argc, argv); }
