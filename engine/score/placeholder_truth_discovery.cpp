// PLACEHOLDER so that the tool links while the methods are written; deleted by their owner.
#include "score/truth_discovery.h"

namespace claimgraph::score {

VoteArrays BuildVoteArrays(const ProvenanceGraph&) { return {}; }
const std::vector<std::string>& TruthDiscoveryMethods() {
  static const std::vector<std::string> methods;
  return methods;
}
Result<TruthDiscoveryResult> RunTruthDiscovery(std::string_view, const VoteArrays&, const FactLabels*) {
  return Status::Error("truth discovery is not built yet", ExitCode::kInternalError);
}

}  // namespace claimgraph::score
