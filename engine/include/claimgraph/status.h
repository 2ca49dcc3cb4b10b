// Errors as values. Bad input is the normal case for a hand-written casefile, so every
// failure a user can cause is reported as a Diagnostic (file, line:column, JSON pointer,
// what is wrong) rather than thrown. Exceptions are kept for programming errors.
#ifndef CLAIMGRAPH_STATUS_H_
#define CLAIMGRAPH_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace claimgraph {

// The process exit codes of the command line tool.
enum class ExitCode : int {
  kOk = 0,            // success; for `check`, the casefiles are valid
  kInternalError = 1, // a bug or an environment failure (out of memory, a library failed)
  kInvalidInput = 2,  // the casefiles, the command line or an input file is wrong
};

enum class Severity : uint8_t { kError, kWarning };

// One finding about an input file. `line` and `column` are 1-based; 0 means unknown.
// `pointer` is the RFC 6901 JSON pointer of the offending value ("" for the document).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string pointer;
  std::string message;

  // "FILE:LINE:COLUMN: error: POINTER: MESSAGE"; the location and pointer parts are left
  // out when unknown ("FILE: error: MESSAGE").
  std::string ToString() const;
};

// The result of an operation that either succeeds or fails with a message a person can
// act on. A Status built from diagnostics fails when any of them is an error.
class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message, ExitCode code = ExitCode::kInvalidInput);
  static Status FromDiagnostics(std::vector<Diagnostic> diagnostics);

  bool ok() const { return code_ == ExitCode::kOk; }
  ExitCode code() const { return code_; }
  // The whole message: one line per diagnostic, or the error text.
  std::string message() const;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ExitCode code_ = ExitCode::kOk;
  std::string message_;
  std::vector<Diagnostic> diagnostics_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}       // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  // REQUIRES: ok()
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // The error; Status::Ok() when ok().
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_STATUS_H_
