#include "cli/case_inputs.h"

#include <algorithm>

#include "claimgraph/files.h"
#include "claimgraph/store.h"

namespace claimgraph::cli {
namespace {

// A Status whose message is "PATH: error: WHAT" as one diagnostic of file PATH.
Diagnostic FileDiagnostic(const std::string& path, const Status& status) {
  std::string message = status.message();
  const std::string prefix = path + ": error: ";
  if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
  return {Severity::kError, path, 0, 0, "", std::move(message)};
}

}  // namespace

LoadResult LoadCaseInputs(const std::vector<std::string>& paths, const LoadOptions& options) {
  if (std::none_of(paths.begin(), paths.end(), [](const std::string& path) { return IsCaseStoreFile(path); })) {
    return LoadCasefiles(paths, options);
  }
  std::vector<std::string> texts;
  texts.reserve(paths.size());
  LoadResult failed;
  for (const std::string& path : paths) {
    if (IsCaseStoreFile(path)) {
      Result<CaseStore> store = CaseStore::Open(path, false);
      Result<std::string> text = store.ok() ? store->ExportCasefile() : Result<std::string>(store.status());
      if (!text.ok()) {
        failed.diagnostics.push_back(FileDiagnostic(path, text.status()));
        continue;
      }
      texts.push_back(std::move(text.value()));
    } else {
      Result<std::string> text = ReadFile(path);
      if (!text.ok()) {
        failed.diagnostics.push_back(FileDiagnostic(path, text.status()));
        continue;
      }
      texts.push_back(std::move(text.value()));
    }
  }
  if (!failed.diagnostics.empty()) return failed;
  return LoadCasefileTexts(paths, std::vector<std::string_view>(texts.begin(), texts.end()), options);
}

}  // namespace claimgraph::cli
