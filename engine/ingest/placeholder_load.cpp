// PLACEHOLDER so that the tool links while the loader is written; deleted by its owner.
#include "claimgraph/load.h"

namespace claimgraph {

Status LoadResult::status() const { return Status::FromDiagnostics(diagnostics); }

LoadResult LoadCasefileTexts(const std::vector<std::string>& names,
                             const std::vector<std::string_view>&, const LoadOptions&) {
  LoadResult result;
  result.diagnostics.push_back({Severity::kError, names.empty() ? "" : names[0], 0, 0, "",
                                "the loader is not built yet"});
  return result;
}

LoadResult LoadCasefiles(const std::vector<std::string>& paths, const LoadOptions& options) {
  return LoadCasefileTexts(paths, {}, options);
}

}  // namespace claimgraph
