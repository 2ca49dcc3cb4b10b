// Scoring what `claimgraph query FILE... answers` answers against gold labels, shared by
// tests/eval/evaluate.cpp (scripts/eval) and tests/score_evaluation_test.cpp. Every figure
// comes from the library path the command runs (Score, then QueryAnswers), so that a user
// can reproduce it with the command; evaluate --check-cli runs the command itself and
// checks that it answers every item the same way. Header-only because the test binary
// globs only tests/*_test.cpp and must not depend on the evaluation program's build.
#ifndef CLAIMGRAPH_TESTS_EVAL_METRICS_H_
#define CLAIMGRAPH_TESTS_EVAL_METRICS_H_

#include <algorithm>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "import/gold.h"

namespace claimgraph::eval {

// What `query answers` prints for one item: its answer, or that it is a tie (no answer).
struct ItemAnswer {
  std::string answer;
  bool tie = false;
  friend bool operator==(const ItemAnswer&, const ItemAnswer&) = default;
};
using AnswersByItem = std::map<std::string, ItemAnswer>;  // by the `item` column

inline std::string CellString(const QueryValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  return text == nullptr ? std::string() : *text;
}

// The answers of a QueryAnswers table (columns item, answer, ..., tie, answers).
inline AnswersByItem AnswersOf(const QueryTable& table) {
  AnswersByItem answers;
  for (const std::vector<QueryValue>& row : table.rows) {
    const std::string tie = CellString(row[8]);
    answers[CellString(row[0])] = {tie.empty() ? CellString(row[1]) : std::string(), !tie.empty()};
  }
  return answers;
}

// The options `claimgraph query FILE answers --method METHOD [--no-verdicts]` uses:
// "corroboration" is the default score; "corroboration/M" the default score with source
// trust learned by M (`--reliability M`, "priors" for the casefile priors alone).
inline ScoreOptions OptionsFor(const std::string& method, bool use_verdicts) {
  ScoreOptions options;
  options.method = method;
  if (const size_t slash = method.find('/'); slash != std::string::npos) {
    options.method = method.substr(0, slash);
    const std::string reliability = method.substr(slash + 1);
    options.reliability_method = reliability == "priors" ? "" : reliability;
  }
  options.use_verdicts = use_verdicts;
  options.record_chains = false;  // changes nothing in the scores, saves memory
  return options;
}

// Exactly what the command computes: Score, then QueryAnswers.
inline Result<AnswersByItem> CommandAnswers(const ProvenanceGraph& graph, const ScoreOptions& options) {
  Result<CorroborationResult> scored = Score(graph, options);
  if (!scored.ok()) return scored.status();
  return AnswersOf(QueryAnswers(graph, scored.value()));
}

struct QuestionOutcome {
  size_t evaluated = 0;  // gold questions the casefile has claims for
  size_t correct = 0;    // answered with the gold value (a tie is never correct)
  size_t ties = 0;       // gold questions left tied
  double accuracy() const { return evaluated == 0 ? 0.0 : static_cast<double>(correct) / evaluated; }
};

// Each gold question against the answer printed for it; a tie counts as wrong.
inline QuestionOutcome ScoreQuestions(const AnswersByItem& answers, const importers::GoldAnswers& gold,
                                      const std::vector<std::string>* only = nullptr) {
  QuestionOutcome outcome;
  for (const auto& [question, value] : gold) {
    if (only != nullptr && !std::binary_search(only->begin(), only->end(), question)) continue;
    auto found = answers.find(question);
    if (found == answers.end()) continue;
    ++outcome.evaluated;
    if (found->second.tie) ++outcome.ties;
    else if (found->second.answer == value) ++outcome.correct;
  }
  return outcome;
}

struct BinaryOutcome {
  size_t evaluated = 0;
  size_t correct = 0;
  size_t ties = 0;
  double macro_f1 = 0.0;  // mean of the F1 of "true" and of "false"; a tie predicts neither
  double accuracy() const { return evaluated == 0 ? 0.0 : static_cast<double>(correct) / evaluated; }
};

// `predicted` and `gold` per claim: 1 true, 0 false; predicted -1 is a tie (wrong whatever
// the gold), gold -1 unlabelled (skipped).
inline BinaryOutcome ScoreBinary(const std::vector<int8_t>& predicted, const std::vector<int8_t>& gold) {
  BinaryOutcome outcome;
  size_t confusion[2][3] = {{0, 0, 0}, {0, 0, 0}};  // [gold][predicted: 0, 1, tie]
  for (size_t c = 0; c < gold.size(); ++c) {
    if (gold[c] < 0) continue;
    ++outcome.evaluated;
    const int column = predicted[c] < 0 ? 2 : predicted[c];
    ++confusion[gold[c]][column];
    if (predicted[c] < 0) ++outcome.ties;
    else if (gold[c] == predicted[c]) ++outcome.correct;
  }
  double f1_sum = 0.0;
  for (int label = 0; label < 2; ++label) {
    const double true_positive = static_cast<double>(confusion[label][label]);
    const double predicted_count = static_cast<double>(confusion[0][label] + confusion[1][label]);
    const double gold_count =
        static_cast<double>(confusion[label][0] + confusion[label][1] + confusion[label][2]);
    if (predicted_count + gold_count > 0) f1_sum += 2.0 * true_positive / (predicted_count + gold_count);
  }
  outcome.macro_f1 = f1_sum / 2.0;
  return outcome;
}

// Per claim, what the answers say of a claim standing alone (its item is its id): 1 for
// "true", 0 for "false", -1 for a tie or a claim with no such answer.
inline std::vector<int8_t> BinaryPredictions(const ProvenanceGraph& graph, const AnswersByItem& answers) {
  std::vector<int8_t> predicted(graph.claims().size(), -1);
  for (Index c = 0; c < graph.claims().size(); ++c) {
    auto found = answers.find(graph.claims()[c].id);
    if (found == answers.end() || found->second.tie) continue;
    if (found->second.answer == "true") predicted[c] = 1;
    if (found->second.answer == "false") predicted[c] = 0;
  }
  return predicted;
}

}  // namespace claimgraph::eval

#endif  // CLAIMGRAPH_TESTS_EVAL_METRICS_H_
