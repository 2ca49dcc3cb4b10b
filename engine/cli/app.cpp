// The tool's entry: dispatches to one command and turns uncaught programming errors
// into exit code 1 with a message, never a crash with a half-written output.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <new>

#include "cli/commands.h"
#include "cli/output.h"

namespace claimgraph::cli {
namespace {

struct CommandEntry {
  const char* name;
  ExitCode (*run)(const Args&, std::ostream&, std::ostream&);
  const char* summary;
};

constexpr CommandEntry kCommands[] = {
    {"check", RunCheck, "validate casefiles; report every error with file:line:column"},
    {"stats", RunStats, "count sources, claims, entities, assertions and citations"},
    {"score", RunScore, "corroboration score and verdict for every claim"},
    {"explain", RunExplain, "show how one claim's score is made: groups, chains, weights"},
    {"render", RunRender, "draw the graph as DOT, SVG, PNG or PDF"},
    {"query", RunQuery, "answer a fact-checker's questions about the graph"},
    {"export", RunExport, "write PROV-JSON, ClaimReview JSON-LD, GraphML or GEXF"},
    {"report", RunReport, "write one self-contained HTML report a newsroom can publish"},
    {"extract", RunExtract, "draft a casefile from news articles (text, HTML, JSON Lines)"},
    {"import", RunImport, "turn Emergent, DAFNA, flight CSV or PROV-JSON data into a casefile"},
    {"store", RunStore, "keep a case in an SQLite store with an audit trail: init, add, export, history"},
    {"serve", RunServe, "serve the desk's web page and JSON API over HTTP"},
    {"shard", RunShard, "cut casefiles into K parts for mpirun -np K claimgraph score --shards"},
};

std::string ToolHelp() {
  std::string text =
      "Usage: claimgraph COMMAND [OPTIONS] [FILE...]\n\n"
      "claimgraph records which sources assert which claims, who they took them from and who\n"
      "controls them, then scores each claim by its independent origins.\n\nCommands:\n";
  for (const CommandEntry& command : kCommands) {
    std::string name = command.name;
    name.resize(10, ' ');
    text += "  " + name + command.summary + "\n";
  }
  text +=
      "\nWherever a command reads casefiles, a store (claimgraph store) may stand in for one.\n"
      "'claimgraph COMMAND --help' describes one command.\n"
      "Exit codes: 0 success, 1 internal error, 2 invalid input or usage.\n";
  return text;
}

}  // namespace

ExitCode Run(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << ToolHelp();
    return ExitCode::kInvalidInput;
  }
  const std::string& name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    out << ToolHelp();
    return ExitCode::kOk;
  }
  if (name == "--version") {
    out << "claimgraph " << CLAIMGRAPH_VERSION << "\n";
    return ExitCode::kOk;
  }
  for (const CommandEntry& command : kCommands) {
    if (name == command.name) return command.run(Args(args.begin() + 1, args.end()), out, err);
  }
  err << "claimgraph: unknown command '" << name << "' (see 'claimgraph --help')\n";
  return ExitCode::kInvalidInput;
}

int Main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Every command's standard output goes through this one checked stream, and Main looks
  // at it last: "score case.json > /dev/full" is exit 1 with the reason, never a silent 0.
  CheckedDescriptorBuffer standard_output(STDOUT_FILENO);
  std::ostream out(&standard_output);
  ExitCode exit_code = ExitCode::kInternalError;
  try {
    Args args(argv + 1, argv + argc);
    exit_code = Run(args, out, std::cerr);
  } catch (const std::bad_alloc&) {
    std::cerr << "claimgraph: internal error: out of memory\n";
  } catch (const std::exception& error) {
    std::cerr << "claimgraph: internal error: " << error.what() << "\n";
  }
  return static_cast<int>(FinishStandardOutput(out, standard_output, std::cerr, exit_code));
}

}  // namespace claimgraph::cli
