// When did this claim become corroborated, and by whom? (issue 13, item 6). The case is
// scored as it stood at each instant a dated source was published, with the same filter as
// --as-of (claimgraph/as_of.h), and the instants that changed the claim's printed score or
// its verdict are listed with the sources that appeared then.
#include <algorithm>
#include <cstdio>
#include <map>

#include "claimgraph/as_of.h"
#include "claimgraph/query.h"

namespace claimgraph {
namespace {

// The score as the table prints it: a change below the fourth decimal is not a change a
// reader could see.
std::string Printed(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.4f", score);
  return text;
}

struct State {
  double score = 0.5;
  VerdictBand verdict = VerdictBand::kUnsupported;
};

Result<State> StateAt(const ProvenanceGraph& graph, int64_t cutoff, Index claim, const ScoreOptions& options) {
  const GraphAsOf then = FilterAsOfCutoff(graph, cutoff, "");
  Result<CorroborationResult> scored = Score(then.graph, options);
  if (!scored.ok()) return scored.status();
  return State{scored->claims[claim].score, scored->claims[claim].verdict};
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

}  // namespace

Result<QueryTable> QueryTimeline(const ProvenanceGraph& graph, std::string_view claim_id,
                                 const ScoreOptions& options) {
  std::optional<NodeRef> found = graph.Find(claim_id);
  if (!found || found->kind != NodeKind::kClaim) {
    return Status::Error("no claim has id '" + std::string(claim_id) + "'");
  }
  const Index claim = found->index;
  ScoreOptions quiet = options;
  quiet.record_chains = false;

  // The sources published at each instant, by id; the instants in time order.
  std::map<int64_t, std::vector<Index>> published_at;
  size_t undated = 0;
  for (Index s = 0; s < graph.sources().size(); ++s) {
    if (graph.sources()[s].published.empty()) {
      ++undated;
    } else {
      published_at[graph.sources()[s].published_seconds].push_back(s);
    }
  }
  QueryTable table;
  table.columns = {"date", "score", "verdict", "previous_score", "previous_verdict", "new_sources", "new_assertions"};
  const int64_t start = published_at.empty() ? 0 : published_at.begin()->first - 1;
  Result<State> before = StateAt(graph, start, claim, quiet);
  if (!before.ok()) return before.status();
  table.rows.push_back({QueryValue{}, before->score, std::string(Name(before->verdict)), QueryValue{}, QueryValue{},
                        QueryValue{}, QueryValue{}});
  for (auto& [instant, sources] : published_at) {
    Result<State> now = StateAt(graph, instant, claim, quiet);
    if (!now.ok()) return now.status();
    if (Printed(now->score) == Printed(before->score) && now->verdict == before->verdict) continue;
    std::sort(sources.begin(), sources.end(),
              [&](Index a, Index b) { return graph.sources()[a].id < graph.sources()[b].id; });
    std::vector<std::string> ids, assertions;
    for (Index s : sources) {
      ids.push_back(graph.sources()[s].id);
      for (Index a : graph.AssertionsOfSource(s)) {
        const Assertion& assertion = graph.assertions()[a];
        if (assertion.claim == claim) assertions.push_back(graph.sources()[s].id + " " + std::string(Name(assertion.stance)));
      }
    }
    // The date as the first source published then writes it (sources by id).
    table.rows.push_back({graph.sources()[sources.front()].published, now->score, std::string(Name(now->verdict)),
                          before->score, std::string(Name(before->verdict)), Joined(ids), Joined(assertions)});
    before = now;
  }
  if (undated > 0) {
    table.notes.push_back(std::to_string(undated) +
                          (undated == 1 ? " source has no date and counts" : " sources have no date and count") +
                          " from the start");
  }
  return table;
}

}  // namespace claimgraph
