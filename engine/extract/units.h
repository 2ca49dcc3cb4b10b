// Stage 1: sentence split. ICU's sentence rules (icu_adapter.h), then two corrections of our
// own: no break after an abbreviation of the lexicon ("U.S.", "Gen.", "Dec.") or a single
// initial, since ICU breaks there (../shared/notes/toolchain.md); and sentences joined while
// a quotation is open, so that a quote that runs over two sentences stays one unit. A line
// break always ends a unit (headlines and captions have no full stop).
#ifndef CLAIMGRAPH_EXTRACT_UNITS_H_
#define CLAIMGRAPH_EXTRACT_UNITS_H_

#include <string_view>
#include <vector>

#include "claimgraph/status.h"
#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

// The units of `text`, in order, each with its tokens.
Result<std::vector<Unit>> SplitUnits(std::string_view text, const Lexicon& lexicon);

// The tokens of text[span): words (letters and digits, with inner apostrophes, hyphens and
// the full stops of abbreviations) and single punctuation characters.
std::vector<Token> Tokenise(std::string_view text, Span span, const Lexicon& lexicon);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_UNITS_H_
