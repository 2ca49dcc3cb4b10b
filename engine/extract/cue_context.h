// The state the cue stages share while they read one unit, and the small token helpers of
// attributions.cpp (verbs of saying) and channels.cpp (according to, citing, quoted as;
// where contents end).
#ifndef CLAIMGRAPH_EXTRACT_CUE_CONTEXT_H_
#define CLAIMGRAPH_EXTRACT_CUE_CONTEXT_H_

#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

struct CueContext {
  const Article& article;
  const Unit& unit;
  const Lexicon& lexicon;
  std::vector<bool> quoted;   // token inside quotation marks
  std::vector<bool> hedge;    // token part of a hedge phrase
  bool hedged = false;
};

inline bool Matches(const Unit& unit, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > unit.tokens.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (unit.tokens[at + k].lower != words[k]) return false;
  }
  return true;
}

inline Span TokenSpan(const Unit& unit, size_t first, size_t end) {  // tokens [first, end)
  if (first >= end) return {};
  return {unit.tokens[first].span.begin, unit.tokens[end - 1].span.end};
}

inline bool IsClosing(const Token& token) { return token.close_quote; }

// A comma just before token `i`, also inside a closing quote (`processes,” according`).
inline bool CommaBefore(const Unit& unit, size_t i) {
  if (i > 0 && unit.tokens[i - 1].lower == ",") return true;
  return i > 1 && IsClosing(unit.tokens[i - 1]) && unit.tokens[i - 2].lower == ",";
}

// The content of a quotation that ends at token `close` (the close quote): from the unit's
// start, or from the open quote when the unit starts with it, up to the quote.
inline Span QuoteBefore(const CueContext& context, size_t close, size_t from) {
  const Unit& unit = context.unit;
  size_t first = from;
  if (first < unit.tokens.size() && unit.tokens[first].open_quote) ++first;
  size_t end = close;
  while (end > first && !unit.tokens[end - 1].word) --end;  // the "," or "." inside the quote
  return TokenSpan(unit, first, end);
}

// "According to X, C", "C, according to X" (or a channel of the unit's last attribution),
// "Y, citing X, said C" and "“C,” Y quoted X as saying": adds to `found`, with the token
// where each new attribution's speaker zone starts in `zones`.
void ApplyChannels(CueContext& context, std::vector<Attribution>& found, std::vector<size_t>& zones);

// Cuts each content at the next attribution's zone and at ", without" / ", according to" /
// ", citing" / ", adding", then trims punctuation at both ends.
void CutContents(CueContext& context, std::vector<Attribution>& found, const std::vector<size_t>& zones);

// Splits a content that joins two propositions, each with its own verb, into two
// attributions of the same speaker (compounds.cpp says how a second verb is recognised).
void SplitCompoundContents(CueContext& context, std::vector<Attribution>& found);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_CUE_CONTEXT_H_
