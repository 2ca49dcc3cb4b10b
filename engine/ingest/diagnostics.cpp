#include "ingest/diagnostics.h"

#include <utility>

namespace claimgraph::ingest {

void DiagnosticSink::Add(PendingDiagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) {
    if (!accepting()) {
      limit_reached_ = true;
      return;
    }
    ++error_count_;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Error(uint32_t file, std::string pointer, std::string message,
                           size_t offset) {
  Add({Severity::kError, {file, std::move(pointer), offset}, std::move(message), std::nullopt});
}

void DiagnosticSink::ErrorWithRelated(uint32_t file, std::string pointer, std::string message,
                                      PendingPlace related) {
  Add({Severity::kError, {file, std::move(pointer), kUnknownOffset}, std::move(message),
       std::move(related)});
}

void DiagnosticSink::Warning(uint32_t file, std::string pointer, std::string message) {
  Add({Severity::kWarning, {file, std::move(pointer), kUnknownOffset}, std::move(message),
       std::nullopt});
}

}  // namespace claimgraph::ingest
