// The questions a fact-checker asks of a provenance graph ("where did this claim first
// appear?", "which claims rest on one origin?"), answered as tables of named columns that
// the command line prints as text, JSON or CSV. Queries that need verdicts, scores or
// evidence groups take the CorroborationResult of Score() (claimgraph/score.h); the others
// read the graph alone.
#ifndef CLAIMGRAPH_QUERY_H_
#define CLAIMGRAPH_QUERY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "claimgraph/status.h"

namespace claimgraph {

// One cell: empty (an unknown date, no speaker), text, a count, or a score. Scores and
// other reals are printed with three decimals so that outputs are byte-identical.
using QueryValue = std::variant<std::monostate, std::string, int64_t, double>;

// A query's answer. Rows are in a documented, deterministic order (see each query).
struct QueryTable {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;  // each row has columns.size() cells
  // Remarks for the reader that are not rows ("2 supporting sources have no date"); the
  // command line prints them to standard error.
  std::vector<std::string> notes;
};

// Which claims `claims` lists; every set condition must hold.
struct ClaimFilter {
  std::string entity;                  // "" = any; else only claims whose `about` names this entity id
  std::optional<VerdictBand> verdict;  // unset = any verdict band
  double min_score = 0.0;              // keep claims with min_score <= score <= max_score
  double max_score = 1.0;
  std::string text;                    // "" = any; else every word must occur in the claim text, ignoring ASCII case
  // Fails when a bound is outside [0, 1] or min_score > max_score.
  Status Validate() const;
};

// The band whose Name() is `text` ("single origin"), reading '-' and '_' as spaces on both
// sides ("single-origin", "self-reported-only").
std::optional<VerdictBand> ParseVerdictBand(std::string_view text);

// The names under which a front end takes a ClaimFilter's fields: `query claims --verdict`
// on the command line, `GET /api/claims?verdict=` over HTTP.
struct ClaimFilterNames {
  std::string entity, text, verdict, min_score, max_score;
};

// Reads a ClaimFilter from named text parameters; `value(name)` gives a parameter's text, or
// nothing when it was not given. The error names the parameter as `names` spells it
// ("unknown verdict 'x' (use ...)", "--min-score 'a' is not a number"), and is the same
// for every front end; the front end adds its own prefix.
Result<ClaimFilter> ParseClaimFilter(
    const ClaimFilterNames& names,
    const std::function<std::optional<std::string>(const std::string& name)>& value);

// Claims passing `filter`, by id: claim, score, verdict, supporting_reports,
// refuting_reports, independent_origins, text. Fails when `filter` is invalid or names an
// entity the graph does not have.
// REQUIRES: scores was computed by Score(graph).
Result<QueryTable> QueryClaims(const ProvenanceGraph& graph, const CorroborationResult& scores,
                               const ClaimFilter& filter);

// The earliest source that supports the claim: claim, source, published, url, publisher,
// speaker, title. Citations come before dates: a supporting source that cites, or names as
// speaker, another supporting source took the claim from it and is not compared (counted
// in a note); among the rest, sources published at the same earliest instant are all
// listed, by id. Supporting sources without a publication date cannot be ordered: they are
// left out and counted in a note. Fails when no claim has this id.
Result<QueryTable> QueryFirstAppearance(const ProvenanceGraph& graph, std::string_view claim_id);

// The origins of a claim and the chain to each, one row per chain in the order of the
// claim's evidence groups: group (1-based), stance, origin, origin_kind, interested,
// reporting_source, chain ("r2 -[quotes]-> r1 -[speaker]-> ministry"). `stance` is the
// report's own: "supports", "refutes", or "supports OTHER" for support of a claim that
// excludes this one (evidence against it). At most ScoreOptions::max_chains chains per
// group are listed; a note counts the others.
// REQUIRES: scores was computed by Score(graph).
Result<QueryTable> QueryOrigins(const ProvenanceGraph& graph, const CorroborationResult& scores,
                                std::string_view claim_id);

// Claims whose verdict band is "single origin" (all support traces back to one independent
// origin, however many reports repeat it), by id: claim, score, verdict, origins,
// supporting_reports, text.
QueryTable QuerySingleOrigin(const ProvenanceGraph& graph, const CorroborationResult& scores);

// Claims whose verdict band is "self-reported only" (every supporting origin is, or is
// controlled by, an entity the claim is about), by id: claim, score, verdict, origins,
// supporting_reports, text.
QueryTable QuerySelfReported(const ProvenanceGraph& graph, const CorroborationResult& scores);

// Claims that at least one evidence group supports and at least one other refutes (groups
// are independent of each other by construction), by id: claim, score, verdict,
// supporting_groups, refuting_groups, supporting_reports, refuting_reports, text.
QueryTable QueryContested(const ProvenanceGraph& graph, const CorroborationResult& scores);

// Every assertion of one source, in casefile order: source, claim, stance, speaker,
// confidence, quote, claim_text. Fails when no source has this id.
Result<QueryTable> QuerySource(const ProvenanceGraph& graph, std::string_view source_id);

// Every assertion of every source the entity published (sources by id, then their
// assertions in casefile order): publisher, source, published, claim, stance, speaker,
// quote. Fails when no entity has this id.
Result<QueryTable> QueryPublisher(const ProvenanceGraph& graph, std::string_view entity_id);

// The answer to every question: one row per data item (DataItems in claimgraph/score.h: the
// claims of one `question`, or a claim standing alone against its negation), ordered by
// question then smallest claim id: question, answer (the claim's value; without one, its id
// when it competes with other claims, "true" when it stands alone, and "false" for its
// negation, or "not VALUE" when it has a value), claim, probability (the claim's score; a negation's is 1
// minus it), runner_up, runner_up_claim, runner_up_probability, margin, tie, answers (how
// many compete). When two or more answers share the top probability (within 1e-12), tie lists
// them ("A | B", sorted) and answer, claim and the runner-up are empty; a note counts ties.
// REQUIRES: scores was computed by Score(graph).
QueryTable QueryAnswers(const ProvenanceGraph& graph, const CorroborationResult& scores);

// When the claim's score or verdict changed: the case is scored as of each instant at which a
// dated source was published (claimgraph/as_of.h), and a row is given for the start (undated
// sources only, date empty) and for every instant that changed the score (as printed, 4
// decimals) or the verdict: date, score, verdict, previous_score, previous_verdict,
// new_sources (every source published then, by id), new_assertions (theirs on this claim:
// "r2 supports, r3 refutes"). A note counts the undated sources present throughout. Fails
// when no claim has this id, or when scoring fails.
Result<QueryTable> QueryTimeline(const ProvenanceGraph& graph, std::string_view claim_id,
                                 const ScoreOptions& options);

enum class TableFormat : uint8_t {
  kTable,  // aligned text columns for a terminal, a header line, then the rows
  kJson,   // an array of objects, one per row, keys in column order
  kCsv,    // RFC 4180: a header row, CRLF line ends, fields quoted when needed
};
std::optional<TableFormat> ParseTableFormat(std::string_view text);  // "table", "json", "csv"

// The table as text in `format`. Deterministic: same table, same bytes.
std::string FormatQueryTable(const QueryTable& table, TableFormat format);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_QUERY_H_
