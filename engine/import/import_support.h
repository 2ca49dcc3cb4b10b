// Shared by the importers: casefile ids made from data set names, and notes that sum up
// what was skipped instead of printing one line per skipped row.
#ifndef CLAIMGRAPH_INGEST_IMPORT_SUPPORT_H_
#define CLAIMGRAPH_INGEST_IMPORT_SUPPORT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/model.h"
#include "claimgraph/status.h"

namespace claimgraph::importers {

// Hands out casefile ids (1 to 200 bytes, no white space or control characters) that are
// unique across every record kind of one import.
class IdRegistry {
 public:
  // `wanted` with each run of white space or control characters (Unicode ones too, as
  // ingest/value_checks.h WhiteSpaceOrControlLength) replaced by one '-', cut to
  // 180 bytes at a UTF-8 boundary, "id" if nothing is left, then "-2", "-3", ... appended
  // while the id is taken. The same `wanted` twice gives two different ids.
  std::string Take(std::string_view wanted);

 private:
  std::set<std::string, std::less<>> taken_;
};

// Counts lines by what was done with them (skipped, or kept without a field), keeping the
// first line of each.
class SkipNotes {
 public:
  // What is counted: "line"/"lines" by default, or e.g. "time field"/"time fields".
  SkipNotes(std::string singular = "line", std::string plural = "lines")
      : singular_(std::move(singular)), plural_(std::move(plural)) {}
  // `what` completes "N lines ...", e.g. "skipped (the value is absent)".
  void Add(std::string_view what, int line);
  // One note per `what`, in order of first occurrence:
  // "FILE: note: 3 lines skipped (the value is absent); first at line 12".
  std::vector<std::string> Lines(std::string_view file) const;

 private:
  struct Count {
    size_t order = 0;
    size_t lines = 0;
    int first_line = 0;
  };
  std::string singular_, plural_;
  std::map<std::string, Count, std::less<>> counts_;
};

// Records for data sets of questions and answers (DAFNA, the flight CSV): one claim per
// distinct (object, property, normalised value), one source per name, one `supports`
// assertion per (source, claim).
class AnswerBuilder {
 public:
  // REQUIRES: `data` and `ids` outlive the builder.
  AnswerBuilder(CaseData& data, IdRegistry& ids) : data_(data), ids_(ids) {}
  // The claim answering `property` of `object` with `value`; created on first use with the
  // question "OBJECT/PROPERTY", the id "OBJECT/PROPERTY=VALUE" and a text quoting `raw`,
  // the first spelling seen.
  Index Claim(std::string_view object, std::string_view property, const std::string& value,
              std::string_view raw);
  // The source named `name` (kind "other"), created on first use.
  Index Source(const std::string& name);
  // Adds "source supports claim"; false (and nothing added) when it is already there.
  bool Support(Index source, Index claim);

 private:
  CaseData& data_;
  IdRegistry& ids_;
  std::map<std::string, Index, std::less<>> claims_, sources_;  // by question + '\n' + value, by name
  std::set<std::pair<Index, Index>> supports_;
};

// The last part of a path ("data/x.csv" -> "x.csv"), for titles that must not carry a
// machine's directories.
std::string BaseName(std::string_view path);

// Calls `visit(line_number, line)` for each line of `text` that is not blank (spaces and
// tabs only), with a final CR removed; line numbers count from 1 and include blank lines.
// Stops at, and returns, the first error `visit` returns.
template <typename Visit>
Status ForEachLine(std::string_view text, Visit visit) {
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (Status status = visit(line_number, line); !status.ok()) return status;
  }
  return Status::Ok();
}

// An error at FILE:LINE (column unknown) as a Status.
Status LineError(std::string_view file, int line, std::string message);

}  // namespace claimgraph::importers

#endif  // CLAIMGRAPH_INGEST_IMPORT_SUPPORT_H_
