// Compound contents: one attributed content that joins two propositions, each with its own
// verb ("threatens X as well as damages Y", "discourage X because it will tilt Y"), becomes
// two contents of the same speaker and sentence, so that each can join its own claim. Without
// a parser a verb is recognised by its shape: after "as well as" / "and also", a lower-case
// word in -s or -ed followed by a determiner or a name ("damages China's"); after "because",
// a subject pronoun or "the" phrase followed within a few words by an auxiliary ("it will").
#include <algorithm>
#include <array>

#include "extract/cue_context.h"

namespace claimgraph::extract {
namespace {

constexpr std::array<std::string_view, 11> kDeterminers = {"the", "a", "an", "its", "their", "his",
                                                           "her", "this", "that", "these", "those"};
constexpr std::array<std::string_view, 7> kSubjects = {"it", "they", "he", "she", "we", "this", "the"};
constexpr std::array<std::string_view, 14> kAuxiliaries = {"will", "would", "is", "are", "was", "were", "has",
                                                           "have", "can", "could", "may", "might", "does", "do"};
// How many words a "because" clause's subject may have before its auxiliary.
constexpr size_t kSubjectWindow = 4;

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool EndsWith(const std::string& word, std::string_view suffix) {
  return word.size() > suffix.size() + 2 && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The token where a second proposition starts after a joint at token `i`, or 0 for none.
size_t SecondProposition(const Unit& unit, size_t i, size_t end) {
  const auto& t = unit.tokens;
  size_t after = 0;
  if (Matches(unit, i, {"as", "well", "as"})) after = i + 3;
  else if (Matches(unit, i, {"and", "also"})) after = i + 2;
  if (after > 0) {
    if (after + 1 >= end || t[after].capitalised || !t[after].word) return 0;
    const bool verb_shape = EndsWith(t[after].lower, "s") || EndsWith(t[after].lower, "ed");
    const bool object = OneOf(kDeterminers, t[after + 1].lower) || t[after + 1].capitalised;
    return verb_shape && object ? after : 0;
  }
  if (t[i].lower == "because" && i + 2 < end && OneOf(kSubjects, t[i + 1].lower)) {
    for (size_t k = i + 2; k < end && k <= i + 1 + kSubjectWindow; ++k) {
      if (OneOf(kAuxiliaries, t[k].lower)) return i + 1;
      if (!t[k].word) return 0;
    }
  }
  return 0;
}

}  // namespace

void SplitCompoundContents(CueContext& context, std::vector<Attribution>& found) {
  const Unit& unit = context.unit;
  std::vector<Attribution> added;
  for (Attribution& attribution : found) {
    if (attribution.content.empty() || attribution.direct_quote) continue;
    size_t first = 0;
    while (first < unit.tokens.size() && unit.tokens[first].span.begin < attribution.content.begin) ++first;
    size_t end = first;
    while (end < unit.tokens.size() && unit.tokens[end].span.end <= attribution.content.end) ++end;
    for (size_t i = first + 2; i + 1 < end; ++i) {
      if (context.quoted[i]) continue;
      const size_t second = SecondProposition(unit, i, end);
      if (second == 0) continue;
      size_t left_end = i;
      while (left_end > first && !unit.tokens[left_end - 1].word) --left_end;  // a comma before the joint
      Attribution right = attribution;
      right.content = {unit.tokens[second].span.begin, attribution.content.end};
      right.rule += "+compound-second";
      attribution.content = TokenSpan(unit, first, left_end);
      attribution.rule += "+compound-first";
      added.push_back(std::move(right));
      break;  // one split per content: the second part is not split again
    }
  }
  found.insert(found.end(), added.begin(), added.end());
}

}  // namespace claimgraph::extract
