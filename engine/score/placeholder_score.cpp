// PLACEHOLDER so that the tool links while the scorer is written; deleted by its owner.
#include "claimgraph/score.h"

namespace claimgraph {

std::string_view Name(VerdictBand) { return "unscored"; }
Status ScoreOptions::Validate() const { return Status::Ok(); }
Result<CorroborationResult> Score(const ProvenanceGraph&, const ScoreOptions&) {
  return Status::Error("claimgraph: scoring is not built yet", ExitCode::kInternalError);
}

}  // namespace claimgraph
