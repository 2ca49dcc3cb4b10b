// evaluate --errors: why each method gets the gold items it gets wrong (issue 13: "study
// the errors, not the figures"). Each wrong item, without verdicts, is put in the first
// class that fits, from what the votes alone say of it:
//   question sets: tie (the answer is left blank); unreachable (no source gives the gold
//   value); against the vote (the gold value has fewer votes than the most voted value,
//   so a method must trust the minority to be right); with the vote (the gold value is the
//   most voted, or ties for it, and the method moved away from it).
//   Emergent: tie; no stance (only `observing` articles); against the stance (more articles
//   for the wrong answer than for the gold one); even (as many for as against); with the
//   stance.
// Per data set it prints, per method, the count in each class; then for each data set the
// wrong items of `detail_method` with their vote counts.
#include "eval/error_analysis.h"

#include <iostream>
#include <map>

#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "eval/metrics.h"

namespace claimgraph::eval {
namespace {

struct Votes {
  std::map<std::string, size_t> by_value;  // question sets: supporting assertions per value
  size_t for_articles = 0, against_articles = 0, observing = 0;  // a claim standing alone
};

// Votes per question (question sets) or per claim id (a claim standing alone).
std::map<std::string, Votes> CountVotes(const CaseData& data) {
  std::map<std::string, Votes> votes;
  for (const Assertion& assertion : data.assertions) {
    const Claim& claim = data.claims[assertion.claim];
    if (!claim.question.empty()) {
      if (assertion.stance == Stance::kSupports) ++votes[claim.question].by_value[claim.value];
      continue;
    }
    Votes& alone = votes[claim.id];
    if (assertion.stance == Stance::kSupports) ++alone.for_articles;
    else if (assertion.stance == Stance::kRefutes) ++alone.against_articles;
    else ++alone.observing;
  }
  return votes;
}

std::string QuestionClass(const Votes& votes, const std::string& gold, const ItemAnswer& answer) {
  if (answer.tie) return "tie";
  auto found = votes.by_value.find(gold);
  if (found == votes.by_value.end()) return "unreachable";
  size_t most = 0;
  for (const auto& [value, count] : votes.by_value) most = std::max(most, count);
  return found->second < most ? "against the vote" : "with the vote";
}

std::string BinaryClass(const Votes& votes, bool gold, const ItemAnswer& answer) {
  if (answer.tie) return "tie";
  if (votes.for_articles + votes.against_articles == 0) return "no stance";
  const size_t for_gold = gold ? votes.for_articles : votes.against_articles;
  const size_t for_other = gold ? votes.against_articles : votes.for_articles;
  if (for_other > for_gold) return "against the stance";
  if (for_other == for_gold) return "even";
  return "with the stance";
}

std::string VotesText(const Votes& votes, bool binary) {
  if (binary) {
    return "for " + std::to_string(votes.for_articles) + ", against " + std::to_string(votes.against_articles) +
           ", observing " + std::to_string(votes.observing);
  }
  std::string text;
  for (const auto& [value, count] : votes.by_value) {
    text += (text.empty() ? "" : "; ") + value + " x" + std::to_string(count);
  }
  return text;
}

}  // namespace

int PrintErrors(const std::vector<ErrorSet>& sets, const std::vector<std::string>& methods,
                const std::string& detail_method) {
  for (const ErrorSet& set : sets) {
    const std::map<std::string, Votes> votes = CountVotes(set.data);
    const ProvenanceGraph graph{CaseData(set.data)};
    const std::vector<std::string> classes =
        set.labels.empty() ? std::vector<std::string>{"tie", "unreachable", "against the vote", "with the vote"}
                           : std::vector<std::string>{"tie", "no stance", "against the stance", "even", "with the stance"};
    std::cout << "## " << set.name << ": wrong gold items by class (without verdicts)\n\n| method |";
    for (const std::string& name : classes) std::cout << " " << name << " |";
    std::cout << " wrong |\n|---|";
    for (size_t i = 0; i <= classes.size(); ++i) std::cout << "---|";
    std::cout << "\n";
    std::string detail;
    for (const std::string& method : methods) {
      Result<AnswersByItem> answers = CommandAnswers(graph, OptionsFor(method, false));
      if (!answers.ok()) {
        std::cerr << "evaluate: " << method << ": " << answers.status().message() << "\n";
        return 1;
      }
      std::map<std::string, size_t> count;
      size_t wrong = 0;
      auto judge = [&](const std::string& item, const std::string& kind, const std::string& gold_text,
                       const ItemAnswer& answer, bool binary) {
        ++count[kind];
        ++wrong;
        if (method != detail_method) return;
        auto found = votes.find(item);
        detail += "- " + item + ": gold " + gold_text + ", answered " + (answer.tie ? "(tie)" : answer.answer) +
                  " [" + kind + "] votes: " + (found == votes.end() ? "none" : VotesText(found->second, binary)) +
                  "\n";
      };
      if (set.labels.empty()) {
        for (const auto& [question, gold] : set.gold) {
          auto found = answers->find(question);
          if (found == answers->end() || (!found->second.tie && found->second.answer == gold)) continue;
          auto item_votes = votes.find(question);
          judge(question, QuestionClass(item_votes == votes.end() ? Votes{} : item_votes->second, gold, found->second),
                gold, found->second, false);
        }
      } else {
        for (Index c = 0; c < set.labels.size(); ++c) {
          if (set.labels[c] < 0) continue;
          const std::string& id = set.data.claims[c].id;
          const std::string gold = set.labels[c] ? "true" : "false";
          auto found = answers->find(id);
          const ItemAnswer answer = found == answers->end() ? ItemAnswer{"", true} : found->second;
          if (!answer.tie && answer.answer == gold) continue;
          auto item_votes = votes.find(id);
          judge(id, BinaryClass(item_votes == votes.end() ? Votes{} : item_votes->second, set.labels[c] == 1, answer),
                gold, answer, true);
        }
      }
      std::cout << "| " << method << " |";
      for (const std::string& name : classes) std::cout << " " << count[name] << " |";
      std::cout << " " << wrong << " |\n";
    }
    std::cout << "\n" << detail_method << " on " << set.name << ", each wrong item:\n" << detail << "\n";
  }
  return 0;
}

}  // namespace claimgraph::eval
