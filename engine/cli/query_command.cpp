// `claimgraph query FILE... WHAT [ARGUMENT]`: loads, scores when the question needs it, asks
// the query library (claimgraph/query.h) and prints its table. All answers come from the
// library; this file only reads options and formats.
#include <sys/stat.h>

#include <cstdlib>

#include "claimgraph/load.h"
#include "claimgraph/query.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/output.h"
#include "cli/process_exit.h"
#include "cli/suggestions.h"
#include "cli/score_arguments.h"

namespace claimgraph::cli {
namespace {

struct QueryKind {
  const char* name;
  bool takes_argument;  // the claim, source or entity id after WHAT
  bool needs_scores;
  const char* help;
};

constexpr QueryKind kQueries[] = {
    {"claims", false, true, "claims with score and verdict (filters: --entity --verdict --min-score --max-score --text)"},
    {"first-appearance", true, false, "CLAIM: the earliest source that supports it, with date and url"},
    {"origins", true, true, "CLAIM: its evidence groups' origins and the chain to each"},
    {"single-origin", false, true, "claims whose support traces back to one independent origin"},
    {"self-reported", false, true, "claims supported only by origins with a stake in them"},
    {"contested", false, true, "claims that independent groups both support and refute"},
    {"source", true, false, "SOURCE: every claim the source asserts, with stance, speaker, quote"},
    {"publisher", true, false, "ENTITY: every assertion of every source the entity publishes"},
    {"answers", false, true, "the answer to every question: value, probability, runner-up, margin, tie"},
    {"timeline", true, false, "CLAIM: the dates its score or verdict changed, and the sources that did it"},
};

CommandSpec QuerySpec() {
  std::string summary =
      "Answers one question about the casefiles. WHAT is one of:\n";
  for (const QueryKind& kind : kQueries) {
    std::string name = kind.name;
    name.resize(18, ' ');
    summary += "  " + name + kind.help + "\n";
  }
  summary += "The first argument that names a query ends the list of casefiles.";
  CommandSpec spec = {"query", "FILE... WHAT [ID] [OPTIONS]", summary,
                      {{"--format", "", "FORMAT", "table (default), json or csv"},
                       {"--entity", "", "ID", "claims: only claims about this entity"},
                       {"--verdict", "", "VERDICT", "claims: only this verdict band (corroborated, single-origin, ...)"},
                       {"--min-score", "", "X", "claims: only scores >= X (default 0)"},
                       {"--max-score", "", "Y", "claims: only scores <= Y (default 1)"},
                       {"--text", "", "WORDS", "claims: only claims whose text has every word (any case)"},
                       {"--max-chains", "", "N", "origins: list N chains per group, then count the rest (default 10)"}}};
  for (OptionSpec& option : ScoreOptionSpecs()) spec.options.push_back(std::move(option));
  return spec;
}

Result<ClaimFilter> FilterFrom(const ParsedArguments& parsed) {
  static const ClaimFilterNames kOptions{"--entity", "--text", "--verdict", "--min-score", "--max-score"};
  Result<ClaimFilter> filter = ParseClaimFilter(kOptions, [&](const std::string& name) {
    return parsed.Has(name) ? std::optional<std::string>(parsed.Value(name)) : std::nullopt;
  });
  if (!filter.ok()) return Status::Error("claimgraph query: " + filter.status().message());
  return filter;
}

std::string QueryNames() {
  std::string names;
  for (const QueryKind& kind : kQueries) names += std::string(names.empty() ? "" : ", ") + kind.name;
  return names;
}

// No argument names a query. The first one that is not a file, and not named like a
// casefile (a missing "case.json" is the loader's to report), is taken for a misspelt query
// ("orgins"); when there is none, the query was left out.
Status NoQueryNamed(const std::vector<std::string>& positional) {
  const std::string usage = " (see 'claimgraph query --help')";
  std::vector<std::string> names;
  for (const QueryKind& kind : kQueries) names.push_back(kind.name);
  for (const std::string& word : positional) {
    struct stat information {};
    const bool named_like_a_casefile = word.size() > 5 && word.compare(word.size() - 5, 5, ".json") == 0;
    if (named_like_a_casefile || ::stat(word.c_str(), &information) == 0) continue;
    const std::string closest = ClosestWord(word, names);
    return Status::Error("claimgraph query: unknown query '" + word + "'; " +
                         (closest.empty() ? "" : "did you mean '" + closest + "'? ") + "The queries are " +
                         QueryNames() + usage);
  }
  return Status::Error("claimgraph query: name a query after the casefiles: " + QueryNames() + usage);
}

}  // namespace

ExitCode RunQuery(const Args& args, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = QuerySpec();
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(spec, args, out, err, parsed, exit_code)) return exit_code;

  const std::vector<std::string>& positional = parsed.positional();
  const QueryKind* kind = nullptr;
  size_t at = 0;
  for (; at < positional.size() && kind == nullptr; ++at) {
    for (const QueryKind& candidate : kQueries) {
      if (positional[at] == candidate.name) kind = &candidate;
    }
  }
  const std::string usage = " (see 'claimgraph query --help')";
  if (kind == nullptr) return Report(NoQueryNamed(positional), err);
  const std::vector<std::string> files(positional.begin(), positional.begin() + static_cast<long>(at - 1));
  const std::vector<std::string> rest(positional.begin() + static_cast<long>(at), positional.end());
  if (files.empty()) return Report(Status::Error("claimgraph query: give at least one casefile before '" + std::string(kind->name) + "'" + usage), err);
  if (kind->takes_argument && rest.size() != 1) {
    return Report(Status::Error("claimgraph query: '" + std::string(kind->name) + "' takes one id" + usage), err);
  }
  if (!kind->takes_argument && !rest.empty()) {
    return Report(Status::Error("claimgraph query: '" + std::string(kind->name) + "' takes no argument, got '" + rest.front() + "'" + usage), err);
  }
  std::optional<TableFormat> format = ParseTableFormat(parsed.Value("--format", "table"));
  if (!format) {
    return Report(Status::Error("claimgraph query: unknown format '" + parsed.Value("--format") + "' (use table, json or csv)"), err);
  }
  const std::string name = kind->name;
  const bool filters = parsed.Has("--entity") || parsed.Has("--verdict") || parsed.Has("--min-score") ||
                       parsed.Has("--max-score") || parsed.Has("--text");
  if (filters && name != "claims") {
    return Report(Status::Error("claimgraph query: --entity, --verdict, --min-score, --max-score and --text filter 'claims' only" + usage), err);
  }
  Result<ClaimFilter> filter = FilterFrom(parsed);
  if (!filter.ok()) return Report(filter.status(), err);
  Result<ScoreOptions> score_options = ScoreOptionsFromArguments(parsed, "query");
  if (!score_options.ok()) return Report(score_options.status(), err);
  if (Status as_of = CheckAsOfArgument(parsed, "query"); !as_of.ok()) return Report(as_of, err);
  Result<size_t> max_chains = CountOption(parsed, "--max-chains", score_options->max_chains, "query");
  if (!max_chains.ok()) return Report(max_chains.status(), err);
  score_options->max_chains = max_chains.value();

  if (!OutputIsNotAnInput("-", files, err, exit_code)) return exit_code;

  LoadResult loaded = LoadCaseInputs(files);
  if (!loaded.ok()) return Report(loaded.status(), err);
  ApplyAsOf(parsed, "query", loaded.graph, err);
  const ProvenanceGraph& graph = *loaded.graph;
  std::optional<CorroborationResult> scores;
  if (kind->needs_scores) {
    Result<CorroborationResult> scored = Score(graph, score_options.value());
    if (!scored.ok()) return Report(scored.status(), err);
    scores = std::move(scored.value());
  }
  Result<QueryTable> table = Status::Error("claimgraph query: internal error: unhandled query", ExitCode::kInternalError);
  if (name == "claims") table = QueryClaims(graph, *scores, filter.value());
  else if (name == "first-appearance") table = QueryFirstAppearance(graph, rest[0]);
  else if (name == "origins") table = QueryOrigins(graph, *scores, rest[0]);
  else if (name == "single-origin") table = QuerySingleOrigin(graph, *scores);
  else if (name == "self-reported") table = QuerySelfReported(graph, *scores);
  else if (name == "contested") table = QueryContested(graph, *scores);
  else if (name == "source") table = QuerySource(graph, rest[0]);
  else if (name == "publisher") table = QueryPublisher(graph, rest[0]);
  else if (name == "answers") table = QueryAnswers(graph, *scores);
  else if (name == "timeline") table = QueryTimeline(graph, rest[0], score_options.value());
  if (!table.ok()) {
    const Status& status = table.status();
    return Report(status.code() == ExitCode::kInvalidInput ? Status::Error("claimgraph query: " + status.message()) : status, err);
  }
  out << FormatQueryTable(table.value(), *format);
  for (const std::string& note : table->notes) err << "claimgraph query: note: " << note << "\n";
  LeaveToProcessExit(scores);
  LeaveToProcessExit(loaded);
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
