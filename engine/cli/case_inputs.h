// The one way every command reads its casefiles: each path is a casefile or a case store
// (claimgraph/store.h), which is read as the casefile it exports, its diagnostics naming the
// store's path. Commands never call LoadCasefiles themselves.
#ifndef CLAIMGRAPH_CLI_CASE_INPUTS_H_
#define CLAIMGRAPH_CLI_CASE_INPUTS_H_

#include <string>
#include <vector>

#include "claimgraph/load.h"

namespace claimgraph::cli {

// LoadCasefiles when no path is a store (the streaming reader, and its "given twice" check);
// otherwise every path is read whole (stores exported, read-only) and given to
// LoadCasefileTexts. A store that cannot be opened is an error diagnostic naming it.
LoadResult LoadCaseInputs(const std::vector<std::string>& paths, const LoadOptions& options = {});

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_CASE_INPUTS_H_
