// Diagnostics as the loader collects them: a file index, a JSON pointer and, where already
// known, a byte offset. Lines and columns are worked out once at the end by re-scanning
// only the files that have findings (ingest/text_locator.h), so the fast path never
// tracks positions.
#ifndef CLAIMGRAPH_INGEST_DIAGNOSTICS_H_
#define CLAIMGRAPH_INGEST_DIAGNOSTICS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::ingest {

inline constexpr size_t kUnknownOffset = SIZE_MAX;
inline constexpr uint32_t kNoFile = UINT32_MAX;

// A place in a casefile named by JSON pointer (and byte offset when known).
struct PendingPlace {
  uint32_t file = kNoFile;
  std::string pointer;
  size_t offset = kUnknownOffset;
};

struct PendingDiagnostic {
  Severity severity = Severity::kError;
  PendingPlace place;
  std::string message;
  // When set, "{place}" in `message` is replaced by "FILE:LINE:COLUMN (POINTER)" of this
  // place: used to name the other half of a duplicate.
  std::optional<PendingPlace> related;
};

// Collects diagnostics up to the error limit. Warnings never count towards the limit.
class DiagnosticSink {
 public:
  // REQUIRES: max_errors > 0
  explicit DiagnosticSink(size_t max_errors) : max_errors_(max_errors) {}

  // False once the limit is reached; further errors are dropped (and counted as such).
  bool accepting() const { return error_count_ < max_errors_; }
  size_t error_count() const { return error_count_; }
  // True once an error was dropped because of the limit.
  bool limit_reached() const { return limit_reached_; }

  void Error(uint32_t file, std::string pointer, std::string message,
             size_t offset = kUnknownOffset);
  void ErrorWithRelated(uint32_t file, std::string pointer, std::string message,
                        PendingPlace related);
  void Warning(uint32_t file, std::string pointer, std::string message);

  std::vector<PendingDiagnostic>& diagnostics() { return diagnostics_; }

 private:
  void Add(PendingDiagnostic diagnostic);

  size_t max_errors_;
  size_t error_count_ = 0;
  bool limit_reached_ = false;
  std::vector<PendingDiagnostic> diagnostics_;
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_DIAGNOSTICS_H_
