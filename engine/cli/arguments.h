// A small, strict argument parser shared by every command: options are declared up front,
// so an unknown or misspelt option is an error that names itself, never silently ignored.
#ifndef CLAIMGRAPH_CLI_ARGUMENTS_H_
#define CLAIMGRAPH_CLI_ARGUMENTS_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/status.h"
#include "cli/commands.h"

namespace claimgraph::cli {

struct OptionSpec {
  std::string name;        // "--format"
  std::string short_name;  // "-o", or ""
  std::string value_name;  // "FORMAT"; empty for a flag without a value
  std::string help;        // one line
};

struct CommandSpec {
  std::string name;        // "render"
  std::string usage;       // "FILE... -o OUT"
  std::string summary;     // one paragraph
  std::vector<OptionSpec> options;
  std::string HelpText() const;
};

class ParsedArguments {
 public:
  // Fails on an unknown option or a missing value: "claimgraph render: unknown option
  // '--fromat' (see 'claimgraph render --help')". `--help` sets help().
  static Result<ParsedArguments> Parse(const CommandSpec& spec, const Args& args);

  bool help() const { return help_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // The last value given for the option, or `fallback`.
  std::string Value(const std::string& name, const std::string& fallback = "") const;
  // Every value given for a repeatable option, in order.
  std::vector<std::string> Values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  bool help_ = false;
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// Parses, prints help or the usage error, and tells the caller whether to go on:
// returns nullopt-like false with `exit_code` set when the command should stop now.
bool ParseOrExplain(const CommandSpec& spec, const Args& args, std::ostream& out,
                    std::ostream& err, ParsedArguments& parsed, ExitCode& exit_code);

// The whole number given for option `name` (0 or more), or `fallback` when it is absent;
// fails with "claimgraph COMMAND: --NAME needs a whole number, not 'x' (see ...)".
Result<size_t> CountOption(const ParsedArguments& parsed, const std::string& name, size_t fallback,
                           const std::string& command);

// Prints a Status's message to `err` and returns its exit code.
ExitCode Report(const Status& status, std::ostream& err);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_ARGUMENTS_H_
