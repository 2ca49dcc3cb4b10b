#include "claimgraph/status.h"

namespace claimgraph {

std::string Diagnostic::ToString() const {
  std::string text = file;
  if (line > 0) {
    text += ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  text += severity == Severity::kError ? ": error: " : ": warning: ";
  if (!pointer.empty()) text += pointer + ": ";
  text += message;
  return text;
}

Status Status::Error(std::string message, ExitCode code) {
  Status status;
  status.code_ = code == ExitCode::kOk ? ExitCode::kInternalError : code;
  status.message_ = std::move(message);
  return status;
}

Status Status::FromDiagnostics(std::vector<Diagnostic> diagnostics) {
  Status status;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::kError) status.code_ = ExitCode::kInvalidInput;
  }
  status.diagnostics_ = std::move(diagnostics);
  return status;
}

std::string Status::message() const {
  if (diagnostics_.empty()) return message_;
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics_) {
    if (!text.empty()) text += '\n';
    text += diagnostic.ToString();
  }
  return text;
}

}  // namespace claimgraph
