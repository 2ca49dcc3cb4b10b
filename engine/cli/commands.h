// The command line: one function per command, each taking its arguments (after the
// command name) and the two output streams, so that tests run commands in-process.
#ifndef CLAIMGRAPH_CLI_COMMANDS_H_
#define CLAIMGRAPH_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::cli {

using Args = std::vector<std::string>;

int Main(int argc, char** argv);
// Runs `claimgraph ARGS...` (without the program name); returns the exit code.
ExitCode Run(const Args& args, std::ostream& out, std::ostream& err);

ExitCode RunCheck(const Args& args, std::ostream& out, std::ostream& err);    // check_command.cpp
ExitCode RunStats(const Args& args, std::ostream& out, std::ostream& err);    // stats_command.cpp
ExitCode RunScore(const Args& args, std::ostream& out, std::ostream& err);    // score_command.cpp
ExitCode RunExplain(const Args& args, std::ostream& out, std::ostream& err);  // explain_command.cpp
ExitCode RunImport(const Args& args, std::ostream& out, std::ostream& err);   // import_command.cpp
ExitCode RunRender(const Args& args, std::ostream& out, std::ostream& err);   // render_command.cpp
ExitCode RunQuery(const Args& args, std::ostream& out, std::ostream& err);    // query_command.cpp
ExitCode RunExport(const Args& args, std::ostream& out, std::ostream& err);   // export_command.cpp
ExitCode RunExtract(const Args& args, std::ostream& out, std::ostream& err);  // extract_command.cpp
ExitCode RunReport(const Args& args, std::ostream& out, std::ostream& err);   // report_command.cpp
ExitCode RunStore(const Args& args, std::ostream& out, std::ostream& err);    // store_command.cpp
ExitCode RunServe(const Args& args, std::ostream& out, std::ostream& err);    // serve_command.cpp
ExitCode RunShard(const Args& args, std::ostream& out, std::ostream& err);    // shard_command.cpp
// `claimgraph import prov-json FILE -o OUT`, reached through RunImport.
ExitCode RunImportProvJson(const Args& args, std::ostream& out, std::ostream& err);  // export_command.cpp
// `claimgraph import triples FILE -o OUT`, reached through RunImport.
ExitCode RunImportTriples(const Args& args, std::ostream& out, std::ostream& err);  // import_triples_command.cpp

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_COMMANDS_H_
