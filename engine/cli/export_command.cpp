// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.h"

namespace claimgraph::cli {

ExitCode RunExport(const Args&, std::ostream&, std::ostream& err) {
  err << "claimgraph export: not built yet\n";
  return ExitCode::kInternalError;
}

ExitCode RunImportProvJson(const Args&, std::ostream&, std::ostream& err) {
  err << "claimgraph import prov-json: not built yet\n";
  return ExitCode::kInternalError;
}
}  // namespace claimgraph::cli
