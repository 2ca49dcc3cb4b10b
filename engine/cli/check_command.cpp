// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.h"

namespace claimgraph::cli {

ExitCode RunCheck(const Args&, std::ostream&, std::ostream& err) {
  err << "claimgraph check: not built yet\n";
  return ExitCode::kInternalError;
}

}  // namespace claimgraph::cli
