// The scoring options shared by `claimgraph score`, `explain` and `query` (defined in
// score_command.cpp): --method, --reliability, --interested-weight, --no-verdicts; and
// --as-of, which score, explain, query and render take.
#ifndef CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_
#define CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/as_of.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"

namespace claimgraph::cli {

// The option specs, for a command's CommandSpec.
std::vector<OptionSpec> ScoreOptionSpecs();

// The options given, validated; errors start with "claimgraph COMMAND: ".
Result<ScoreOptions> ScoreOptionsFromArguments(const ParsedArguments& parsed, const std::string& command);

// --threads N, for a command's CommandSpec (ScoreOptionSpecs() includes it), and its value:
// N from 1 to 256, or 0 (every core) when not given; errors start with "claimgraph COMMAND: ".
OptionSpec ThreadsOptionSpec();
Result<size_t> ThreadsFromArguments(const ParsedArguments& parsed, const std::string& command);

// --as-of DATE, for a command's CommandSpec (ScoreOptionSpecs() includes it).
OptionSpec AsOfOptionSpec();

// Checks --as-of before anything is loaded; errors start with "claimgraph COMMAND: ".
Status CheckAsOfArgument(const ParsedArguments& parsed, const std::string& command);

// With --as-of: replaces `graph` by the case as it stood then (claimgraph/as_of.h), writes
// "claimgraph COMMAND: note: as of ..." to `err`, and returns what was left out; without it,
// leaves `graph` alone and returns nullopt. REQUIRES: graph has a value, and
// CheckAsOfArgument passed.
std::optional<AsOfReport> ApplyAsOf(const ParsedArguments& parsed, const std::string& command,
                                    std::optional<ProvenanceGraph>& graph, std::ostream& err);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_
