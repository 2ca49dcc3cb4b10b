// Writing records back out as a casefile (docs/casefile-format.md): what the importers
// produce and what `import prov-json` writes. The text is deterministic (records in vector
// order, fields in a fixed order, numbers in shortest round-trip form) so that the same
// input always gives byte-identical output, and readable: the top level and each array are
// indented, one record a line, so that a large imported casefile still diffs line by line.
#ifndef CLAIMGRAPH_CASEFILE_WRITER_H_
#define CLAIMGRAPH_CASEFILE_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"
#include "claimgraph/status.h"

namespace claimgraph {

struct CasefileWriteOptions {
  // The top-level "description"; left out when empty.
  std::string description = "";
  // Write empty arrays ("citations": []) rather than leaving them out. The format accepts
  // both; leaving them out keeps imported casefiles short.
  bool write_empty_arrays = false;
  // The top-level "shard" member's JSON value, written right after "claimgraph" so that a
  // reader can stop early (a part written by `claimgraph shard`, docs/distributed.md);
  // left out when empty. REQUIRES: empty, or one JSON object.
  std::string shard_json = "";
  Status Validate() const { return Status::Ok(); }  // every value is acceptable
};

// The casefile JSON text of `data` (UTF-8, ends with a newline). Optional fields that are
// empty are left out, as is an assertion's confidence of 1 (the format's default). A
// claim's `excludes` is written as stored (after loading, both sides of each pair).
// `files` and record places are not written: they describe where records came from.
// REQUIRES: every index in `data` is valid (as after loading or importing), and every
// string is valid UTF-8 (the writer escapes, it does not repair encodings).
std::string CasefileText(const CaseData& data, const CasefileWriteOptions& options = {});

// Each record of `data` as the one-line JSON object CasefileText writes for it, by collection
// in casefile order: the case store (claimgraph/store.h) keeps one row per record in this form.
struct CasefileRecordTexts {
  std::vector<std::string> entities, sources, claims, assertions, citations, verdicts;
};
// REQUIRES: as CasefileText.
CasefileRecordTexts RecordTexts(const CaseData& data);

// Appends `text` to `out` as a JSON string literal with quotes: `"`, `\` and control
// characters are escaped, everything else (including non-ASCII UTF-8) is copied.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CASEFILE_WRITER_H_
