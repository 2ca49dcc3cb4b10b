// Loading casefiles: parse, validate against schemas/casefile.schema.json, check what a
// schema cannot (references, duplicate ids, citation cycles, dates), and build the graph.
#ifndef CLAIMGRAPH_LOAD_H_
#define CLAIMGRAPH_LOAD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

struct LoadOptions {
  // Stop collecting after this many errors (a truncated file can otherwise produce
  // thousands of follow-on errors). Warnings do not count.
  size_t max_errors = 50;
  // Report likely mistakes that are not errors (colliding entity names, a claim that no
  // source asserts, a source that asserts nothing).
  bool warnings = true;
  // List at most this many warnings (the first, in file order), then one line with the
  // count of the others: "... and N more warnings (see --max-warnings)".
  size_t max_warnings = 20;
};

struct LoadResult {
  std::optional<ProvenanceGraph> graph;  // present exactly when there is no error
  std::vector<Diagnostic> diagnostics;   // errors and warnings, in file order
  bool ok() const { return graph.has_value(); }
  Status status() const;  // the errors and warnings as one Status
};

// Loads several casefiles into one graph; ids are global across them. A file named twice
// (same device and inode, by any path or link) is an error for each later path
// ("FILE: error: given twice") and nothing is read.
LoadResult LoadCasefiles(const std::vector<std::string>& paths, const LoadOptions& options = {});

// As LoadCasefiles, for casefile texts already in memory; `names` label the diagnostics.
// REQUIRES: names.size() == texts.size()
LoadResult LoadCasefileTexts(const std::vector<std::string>& names,
                             const std::vector<std::string_view>& texts,
                             const LoadOptions& options = {});

}  // namespace claimgraph

#endif  // CLAIMGRAPH_LOAD_H_
