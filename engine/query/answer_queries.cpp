// The answer to every question (issue 13, item 2): what a data-fusion user reads. Each data
// item (claimgraph/score.h, DataItems) is one question: the claims of one `question`, or a
// claim standing alone against its negation. Its answers are ranked by score, the
// probability of being true; a tie at the top is reported as a tie and never broken by
// file order.
#include <algorithm>
#include <cmath>

#include "claimgraph/query.h"

namespace claimgraph {
namespace {

// Two probabilities closer than this are a tie: equal up to the rounding of the sums that
// produced them (methods add the same terms in different orders for different facts).
constexpr double kTieTolerance = 1e-12;

struct Answer {
  std::string label;  // the value (else the claim id), or for a claim alone "true"/"false" or VALUE/"not VALUE"
  std::string claim;  // the claim id; for a negation the claim it negates
  double probability = 0.0;
};

std::string Label(const Claim& claim) { return claim.value.empty() ? "true" : claim.value.str(); }
std::string NegationLabel(const Claim& claim) { return claim.value.empty() ? "false" : "not " + claim.value; }

std::vector<Answer> AnswersOf(const ProvenanceGraph& graph, const CorroborationResult& scores,
                              const std::vector<Index>& item) {
  std::vector<Answer> answers;
  for (Index c : item) {
    const Claim& claim = graph.claims()[c];
    // Claims that compete without values (joined by `excludes`) are told apart by id.
    const std::string label = item.size() > 1 && claim.value.empty() ? claim.id.str() : Label(claim);
    answers.push_back({label, claim.id.str(), scores.claims[c].score});
  }
  if (item.size() == 1) {
    const Claim& claim = graph.claims()[item.front()];
    answers.push_back({NegationLabel(claim), claim.id.str(), 1.0 - scores.claims[item.front()].score});
  }
  // Most probable first; equal probabilities by label, then claim id, so that the order
  // never depends on where a claim stands in the casefile.
  std::sort(answers.begin(), answers.end(), [](const Answer& a, const Answer& b) {
    if (a.probability != b.probability) return a.probability > b.probability;
    if (a.label != b.label) return a.label < b.label;
    return a.claim < b.claim;
  });
  return answers;
}

std::string QuestionOf(const ProvenanceGraph& graph, const std::vector<Index>& item) {
  for (Index c : item) {
    if (!graph.claims()[c].question.empty()) return graph.claims()[c].question.str();
  }
  return "";
}

std::string SmallestId(const ProvenanceGraph& graph, const std::vector<Index>& item) {
  std::string_view smallest = graph.claims()[item.front()].id;
  for (Index c : item) smallest = std::min(smallest, graph.claims()[c].id.view());
  return std::string(smallest);
}

}  // namespace

QueryTable QueryAnswers(const ProvenanceGraph& graph, const CorroborationResult& scores) {
  QueryTable table;
  table.columns = {"item", "answer", "claim", "probability", "runner_up", "runner_up_claim",
                   "runner_up_probability", "margin", "tie", "answers"};
  std::vector<std::vector<Index>> items = DataItems(graph);
  std::vector<std::pair<std::string, std::string>> keys;
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    keys.emplace_back(QuestionOf(graph, items[i]), SmallestId(graph, items[i]));
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  size_t ties = 0;
  for (size_t i : order) {
    const std::vector<Answer> answers = AnswersOf(graph, scores, items[i]);
    const Answer& best = answers[0];
    size_t tied = 1;
    while (tied < answers.size() && std::fabs(best.probability - answers[tied].probability) <= kTieTolerance) ++tied;
    std::vector<QueryValue> row = {keys[i].first.empty() ? keys[i].second : keys[i].first};
    if (tied > 1) {
      ++ties;
      std::vector<std::string> labels;
      for (size_t k = 0; k < tied; ++k) labels.push_back(answers[k].label);
      std::sort(labels.begin(), labels.end());
      std::string text;
      for (const std::string& label : labels) text += (text.empty() ? "" : " | ") + label;
      row.insert(row.end(), {QueryValue{}, QueryValue{}, best.probability, QueryValue{}, QueryValue{},
                             QueryValue{}, 0.0, text});
    } else {
      const bool has_runner_up = answers.size() > 1;
      row.insert(row.end(), {best.label, best.claim, best.probability,
                             has_runner_up ? QueryValue{answers[1].label} : QueryValue{},
                             has_runner_up ? QueryValue{answers[1].claim} : QueryValue{},
                             has_runner_up ? QueryValue{answers[1].probability} : QueryValue{},
                             best.probability - (has_runner_up ? answers[1].probability : 0.0), QueryValue{}});
    }
    // Constructed in place: g++ 12 at -O2 takes a moved temporary variant's string member for
    // uninitialised (a false -Wmaybe-uninitialized).
    row.emplace_back(std::in_place_type<int64_t>, static_cast<int64_t>(answers.size()));
    table.rows.push_back(std::move(row));
  }
  if (ties > 0) {
    table.notes.push_back(std::to_string(ties) + " of " + std::to_string(items.size()) +
                          " questions are tied at the top; their answer is left blank");
  }
  return table;
}

}  // namespace claimgraph
