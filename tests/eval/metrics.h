// Scoring predictions against gold labels, shared by tests/eval/evaluate.cpp and
// tests/score_evaluation_test.cpp. Header-only because the test binary globs only
// tests/*_test.cpp and must not depend on the evaluation program's build.
#ifndef CLAIMGRAPH_TESTS_EVAL_METRICS_H_
#define CLAIMGRAPH_TESTS_EVAL_METRICS_H_

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "claimgraph/model.h"
#include "ingest/gold.h"
#include "score/truth_discovery.h"

namespace claimgraph::eval {

// Per claim: the belief in it, and in its implicit negation (NaN for a claim that has
// alternatives and so no negation), from a truth-discovery result.
struct ClaimBeliefs {
  std::vector<double> claim;
  std::vector<double> negation;
};

inline ClaimBeliefs BeliefsOfClaims(const score::VoteArrays& votes, const std::vector<double>& fact_belief) {
  ClaimBeliefs beliefs;
  const size_t claims = votes.fact_of_claim.size();
  beliefs.claim.assign(claims, 0.0);
  beliefs.negation.assign(claims, std::nan(""));
  for (size_t c = 0; c < claims; ++c) beliefs.claim[c] = fact_belief[votes.fact_of_claim[c]];
  for (size_t f = 0; f < votes.fact_count; ++f) {
    if (votes.fact_is_negation[f]) beliefs.negation[votes.claim_of_fact[f]] = fact_belief[f];
  }
  return beliefs;
}

struct QuestionOutcome {
  size_t evaluated = 0;  // questions with gold and at least one claim
  size_t correct = 0;
  double accuracy() const { return evaluated == 0 ? 0.0 : static_cast<double>(correct) / evaluated; }
};

// For each question with a gold answer, the claim with the highest belief (ties: the claim
// that comes first in the casefile) is the prediction; right when its value is the gold.
inline QuestionOutcome ScoreQuestions(const CaseData& data, const std::vector<double>& belief,
                                      const ingest::GoldAnswers& gold) {
  std::map<std::string_view, Index> best;
  for (Index c = 0; c < data.claims.size(); ++c) {
    auto [found, added] = best.emplace(data.claims[c].question, c);
    if (!added && belief[c] > belief[found->second]) found->second = c;
  }
  QuestionOutcome outcome;
  for (const auto& [question, value] : gold) {
    auto found = best.find(question);
    if (found == best.end()) continue;
    ++outcome.evaluated;
    if (data.claims[found->second].value == value) ++outcome.correct;
  }
  return outcome;
}

struct BinaryOutcome {
  size_t evaluated = 0;
  size_t correct = 0;
  double macro_f1 = 0.0;  // mean of the F1 of "true" and of "false"
  double accuracy() const { return evaluated == 0 ? 0.0 : static_cast<double>(correct) / evaluated; }
};

// `predicted` and `gold` per claim: 1 true, 0 false; gold -1 means unlabelled (skipped).
inline BinaryOutcome ScoreBinary(const std::vector<int8_t>& predicted, const std::vector<int8_t>& gold) {
  BinaryOutcome outcome;
  size_t confusion[2][2] = {{0, 0}, {0, 0}};  // [gold][predicted]
  for (size_t c = 0; c < gold.size(); ++c) {
    if (gold[c] < 0) continue;
    ++outcome.evaluated;
    ++confusion[gold[c]][predicted[c]];
    if (gold[c] == predicted[c]) ++outcome.correct;
  }
  double f1_sum = 0.0;
  for (int label = 0; label < 2; ++label) {
    const double true_positive = static_cast<double>(confusion[label][label]);
    const double predicted_count = static_cast<double>(confusion[0][label] + confusion[1][label]);
    const double gold_count = static_cast<double>(confusion[label][0] + confusion[label][1]);
    if (predicted_count + gold_count > 0) f1_sum += 2.0 * true_positive / (predicted_count + gold_count);
  }
  outcome.macro_f1 = f1_sum / 2.0;
  return outcome;
}

}  // namespace claimgraph::eval

#endif  // CLAIMGRAPH_TESTS_EVAL_METRICS_H_
