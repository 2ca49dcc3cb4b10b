// What JSON allows but claimgraph's inputs must not have, found in one pass that does not
// recurse: nesting deeper than kMaxJsonNesting levels (RapidJSON's DOM parser, Accept and
// the schema validator recurse once per level, so 100,000 nested arrays overflowed the
// stack), and a key given twice in one object (RFC 8259 section 4 leaves the meaning open;
// RapidJSON's lookups take the first, its SAX consumers the last, so "stance": "supports",
// "stance": "refutes" silently read as refutes). Both the casefile loader's error path and
// the PROV-JSON importer run this before they build a DOM.
#ifndef CLAIMGRAPH_INGEST_JSON_STRUCTURE_H_
#define CLAIMGRAPH_INGEST_JSON_STRUCTURE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::ingest {

// The deepest nesting of arrays and objects accepted (the root container is level 1).
// A casefile needs 4 levels and a PROV-JSON document 5; 256 leaves room for any
// hand-written document while bounding every recursion in RapidJSON.
inline constexpr size_t kMaxJsonNesting = 256;

struct JsonStructureProblem {
  std::string pointer;  // of the duplicate member or of the container too deep
  size_t offset = 0;    // byte offset of the key's opening quote or the container's bracket
  std::string message;  // e.g. duplicate key "stance" (first at 3:18)
};

struct JsonStructureScan {
  // In document order: every duplicate key up to `max_problems`, and at most one nesting
  // problem, which is always the last (the scan stops there).
  std::vector<JsonStructureProblem> problems;
  bool too_deep = false;
  // True when the text is not JSON: the scan stopped at the syntax error, which the
  // caller's own parse reports (that parse cannot recurse deeper than the scan got).
  bool syntax_error = false;
};

// Scans the JSON document that starts at text[start], reading it as
// rapidjson::Document::Parse reads the same bytes (one byte order mark skipped). Offsets,
// and the lines and columns in messages (as ingest/text_locator.h counts them), are in
// `text`. REQUIRES: start <= text.size()
JsonStructureScan ScanJsonStructure(std::string_view text, size_t start, size_t max_problems);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_JSON_STRUCTURE_H_
