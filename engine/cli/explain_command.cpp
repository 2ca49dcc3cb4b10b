// `claimgraph explain FILE... CLAIM [--format text|json]`: how one claim's score is made:
// every evidence group, each chain from a report to its origin, the weights, and the
// arithmetic that combines them.
#include <algorithm>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/output.h"
#include "cli/process_exit.h"
#include "cli/score_arguments.h"
#include "cli/suggestions.h"
#include "score/explanation.h"

namespace claimgraph::cli {
namespace {

CommandSpec MakeSpec() {
  CommandSpec spec = {
      .name = "explain",
      .usage = "FILE... CLAIM [--format text|json] [-o OUT]",
      .summary =
          "Explains the score of the claim with id CLAIM: its independent evidence groups\n"
          "(supporting, then against), each chain from a report through citations and\n"
          "speakers to an origin, each group's reliability, confidence and interest weight,\n"
          "and the arithmetic that turns them into the score and the verdict band.",
      .options = ScoreOptionSpecs()};
  spec.options.push_back({"--format", "", "FORMAT", "text (default) or json"});
  spec.options.push_back({"--max-chains", "", "N", "show N chains per group, then count the rest (default 10)"});
  spec.options.push_back({"--output", "-o", "OUT", "write to OUT instead of standard output"});
  return spec;
}

const CommandSpec& Spec() {
  static const CommandSpec spec = MakeSpec();
  return spec;
}

// Up to three claim ids close to `id`: within a third of its length in edits (at least 2),
// or containing it. Closest first, then by id.
std::vector<std::string> CloseClaimIds(const ProvenanceGraph& graph, const std::string& id) {
  std::vector<std::pair<size_t, std::string>> close;
  const size_t limit = std::max<size_t>(2, id.size() / 3);
  for (const Claim& claim : graph.claims()) {
    size_t distance = EditDistance(id, claim.id);
    if (distance <= limit || (id.size() >= 3 && claim.id.view().find(id) != std::string_view::npos)) {
      close.emplace_back(distance, claim.id);
    }
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> ids;
  for (size_t i = 0; i < close.size() && i < 3; ++i) ids.push_back(close[i].second);
  return ids;
}

Status UnknownClaim(const ProvenanceGraph& graph, const std::string& id) {
  const std::string prefix = "claimgraph explain: ";
  const std::string listing = " ('claimgraph score FILE...' lists every claim)";
  if (std::optional<NodeRef> node = graph.Find(id)) {
    return Status::Error(prefix + "'" + id + "' is " + (node->kind == NodeKind::kSource ? "a source" : "an entity") +
                         ", not a claim" + listing);
  }
  std::vector<std::string> close = CloseClaimIds(graph, id);
  if (close.empty()) return Status::Error(prefix + "no claim '" + id + "' in the casefiles" + listing);
  std::string suggestion;
  for (size_t i = 0; i < close.size(); ++i) {
    suggestion += (i == 0 ? "" : i + 1 == close.size() ? " or " : ", ") + ("'" + close[i] + "'");
  }
  return Status::Error(prefix + "no claim '" + id + "' in the casefiles; did you mean " + suggestion + "?");
}

}  // namespace

ExitCode RunExplain(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(Spec(), args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().size() < 2) {
    return Report(Status::Error("claimgraph explain: give one or more casefiles and then a claim id "
                                "(see 'claimgraph explain --help')"),
                  err);
  }
  std::string format = parsed.Value("--format", "text");
  if (format != "text" && format != "json") {
    return Report(Status::Error("claimgraph explain: unknown format '" + format + "' (choose text or json)"), err);
  }
  Result<ScoreOptions> options = ScoreOptionsFromArguments(parsed, "explain");
  if (!options.ok()) return Report(options.status(), err);
  if (Status as_of = CheckAsOfArgument(parsed, "explain"); !as_of.ok()) return Report(as_of, err);
  options->record_chains = true;
  Result<size_t> max_chains = CountOption(parsed, "--max-chains", options->max_chains, "explain");
  if (!max_chains.ok()) return Report(max_chains.status(), err);
  options->max_chains = max_chains.value();

  std::vector<std::string> files(parsed.positional().begin(), parsed.positional().end() - 1);
  const std::string& claim_id = parsed.positional().back();
  const std::string output = parsed.Value("--output", "-");
  if (!OutputIsNotAnInput(output, files, err, exit_code)) return exit_code;
  LoadResult loaded = LoadCaseInputs(files);
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  ApplyAsOf(parsed, "explain", loaded.graph, err);
  const ProvenanceGraph& graph = *loaded.graph;
  std::optional<NodeRef> claim = graph.Find(claim_id);
  if (!claim || claim->kind != NodeKind::kClaim) return Report(UnknownClaim(graph, claim_id), err);

  Result<CorroborationResult> result = Score(graph, options.value());
  if (!result.ok()) return Report(result.status(), err);
  const std::string text = format == "json" ? score::ExplainJson(graph, result.value(), claim->index)
                                            : score::ExplainText(graph, result.value(), claim->index);
  const ExitCode written = WriteOutput(output, text, out, err);
  LeaveToProcessExit(result);
  LeaveToProcessExit(loaded);
  return written;
}

}  // namespace claimgraph::cli
