// The scoring options shared by `claimgraph score` and `claimgraph explain` (defined in
// score_command.cpp): --method, --reliability, --interested-weight, --no-verdicts.
#ifndef CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_
#define CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_

#include <string>
#include <vector>

#include "claimgraph/score.h"
#include "cli/arguments.h"

namespace claimgraph::cli {

// The option specs, for a command's CommandSpec.
std::vector<OptionSpec> ScoreOptionSpecs();

// The options given, validated; errors start with "claimgraph COMMAND: ".
Result<ScoreOptions> ScoreOptionsFromArguments(const ParsedArguments& parsed, const std::string& command);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_SCORE_ARGUMENTS_H_
