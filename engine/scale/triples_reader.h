// Triples (issue 11, item 5): the compact input for data at the scale of web extraction,
// one assertion a line, tab-separated:
//     SOURCE <TAB> ITEM <TAB> VALUE [<TAB> STANCE]
// as Knowledge-Based Trust (Dong et al., VLDB 2015) and the truth-discovery literature
// write their (source, data item, value) observations. Each ITEM is a question, each
// distinct (ITEM, VALUE) one claim answering it, each SOURCE one source; STANCE is
// supports (the default), refutes or reports. Blank lines and lines starting with '#' are
// skipped; a final CR is removed.
#ifndef CLAIMGRAPH_SCALE_TRIPLES_READER_H_
#define CLAIMGRAPH_SCALE_TRIPLES_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"
#include "claimgraph/status.h"

namespace claimgraph::scale {

struct TriplesImport {
  CaseData data;
  // Notes for standard error ("FILE: note: 2 lines repeat an earlier line; first at line 7").
  std::vector<std::string> notes;
};

// Reads triples text. Sources get the ids s1, s2, ... (title: the name), claims c1, c2, ...
// (question: the item, value: the value, text "ITEM: VALUE"), both in order of first
// appearance, so the same text always gives the same casefile. A line repeating an earlier
// (source, item, value) with the same stance is skipped and counted in a note.
// Errors name FILE:LINE:COLUMN (columns in bytes from 1) and what is wrong: a line without
// 3 or 4 fields, an empty field, an unknown stance, a field that is not UTF-8 or holds a
// control character, or a source giving two stances for one value.
Result<TriplesImport> ReadTriples(std::string_view file, std::string_view text);

}  // namespace claimgraph::scale

#endif  // CLAIMGRAPH_SCALE_TRIPLES_READER_H_
