// The last step of every `claimgraph import`: the records an importer read are written as a
// casefile only once the loader accepts them.
#ifndef CLAIMGRAPH_CLI_IMPORTED_CASEFILE_H_
#define CLAIMGRAPH_CLI_IMPORTED_CASEFILE_H_

#include <ostream>
#include <string>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/status.h"

namespace claimgraph::cli {

// Writes `data`, read from `input`, to `output` ('-' for `out`) as casefile text, then says
// what was written ("wrote OUT: 2 sources, 1 claims, ..."). The importers are built never to
// produce what `check` rejects (tests/fuzz/import_round_trip.h); should one still, that is
// claimgraph's fault: exit 1, the loader's errors, and nothing written.
ExitCode WriteImportedCasefile(const std::string& command, const std::string& input, const CaseData& data,
                               const std::string& output, std::ostream& out, std::ostream& err);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_IMPORTED_CASEFILE_H_
