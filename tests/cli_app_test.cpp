// The tool's entry point: --help, --version, and what it says to a wrong first word.
#include <doctest/doctest.h>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

const char* const kToolHelp =
    "Usage: claimgraph COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "claimgraph records which sources assert which claims, who they took them from and who\n"
    "controls them, then scores each claim by its independent origins.\n"
    "\n"
    "Commands:\n"
    "  check     validate casefiles; report every error with file:line:column\n"
    "  stats     count sources, claims, entities, assertions and citations\n"
    "  score     corroboration score and verdict for every claim\n"
    "  explain   show how one claim's score is made: groups, chains, weights\n"
    "  render    draw the graph as DOT, SVG, PNG or PDF\n"
    "  query     answer a fact-checker's questions about the graph\n"
    "  export    write PROV-JSON, ClaimReview JSON-LD, GraphML or GEXF\n"
    "  report    write one self-contained HTML report a newsroom can publish\n"
    "  extract   draft a casefile from news articles (text, HTML, JSON Lines)\n"
    "  import    turn Emergent, DAFNA, flight CSV or PROV-JSON data into a casefile\n"
    "  store     keep a case in an SQLite store with an audit trail: init, add, export, history\n"
    "  serve     serve the desk's web page and JSON API over HTTP\n"
    "  shard     cut casefiles into K parts for mpirun -np K claimgraph score --shards\n"
    "\n"
    "Wherever a command reads casefiles, a store (claimgraph store) may stand in for one.\n"
    "'claimgraph COMMAND --help' describes one command.\n"
    "Exit codes: 0 success, 1 internal error, 2 invalid input or usage.\n";

TEST_CASE("--help lists every command on standard output and exits 0") {
  for (const char* flag : {"--help", "-h", "help"}) {
    CAPTURE(flag);
    const CommandOutput result = RunTool({flag});
    CHECK(result.exit_code == 0);
    CHECK(result.out == kToolHelp);
    CHECK(result.err.empty());
  }
}

TEST_CASE("no command prints the help on standard error and exits 2") {
  const CommandOutput result = RunTool({});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == kToolHelp);
}

TEST_CASE("--version prints the project version") {
  const CommandOutput result = RunTool({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "claimgraph 0.1.0\n");
}

TEST_CASE("an unknown command is named, with where to look") {
  const CommandOutput result = RunTool({"scores", "case.json"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "claimgraph: unknown command 'scores' (see 'claimgraph --help')\n");
}

TEST_CASE("every command answers --help on standard output with exit 0") {
  for (const char* command : {"check", "stats", "score", "explain", "render", "query", "export", "extract", "import"}) {
    CAPTURE(command);
    const CommandOutput result = RunTool({command, "--help"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.rfind(std::string("Usage: claimgraph ") + command + " ", 0) == 0);
    CHECK(result.err.empty());
  }
}

}  // namespace
}  // namespace claimgraph::testing
