// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.h"

namespace claimgraph::cli {

ExitCode RunRender(const Args&, std::ostream&, std::ostream& err) {
  err << "claimgraph render: not built yet\n";
  return ExitCode::kInternalError;
}

}  // namespace claimgraph::cli
