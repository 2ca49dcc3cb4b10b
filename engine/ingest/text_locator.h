// Finds where JSON pointers point in a casefile's text, and turns byte offsets into
// 1-based lines and columns (columns count characters, not bytes). Used only on the error
// path: the fast path keeps no positions.
#ifndef CLAIMGRAPH_INGEST_TEXT_LOCATOR_H_
#define CLAIMGRAPH_INGEST_TEXT_LOCATOR_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::ingest {

struct LineColumn {
  int line = 0;
  int column = 0;
};

// The byte offset at which the value named by each pointer in `offsets` starts (the key
// itself for a pointer whose last token is a member name). One pass over `text`. A
// pointer that names nothing keeps the offset of its deepest existing ancestor.
// REQUIRES: every value of `offsets` is SIZE_MAX on entry.
void LocatePointers(std::string_view text, std::map<std::string, size_t>& offsets);

// REQUIRES: offset <= text.size()
LineColumn LineColumnAt(std::string_view text, size_t offset);

// The lines and columns of many offsets in one pass over `text` (LineColumnAt for each
// would re-read the text from the start every time: quadratic in the findings).
// REQUIRES: `offsets` sorted ascending
std::vector<LineColumn> LineColumnsAt(std::string_view text, const std::vector<size_t>& offsets);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_TEXT_LOCATOR_H_
