#include "extract/speakers.h"

#include <array>

namespace claimgraph::extract {
namespace {

constexpr std::array<std::string_view, 6> kConnectors = {"of", "and", "the", "for", "&", "de"};
constexpr std::array<std::string_view, 9> kDeterminers = {"a", "an", "both", "two", "its",
                                                          "their", "his", "her", "the"};
// Capitalised words that open a sentence without naming anyone.
constexpr std::array<std::string_view, 24> kSentenceOpeners = {
    "although", "while", "however", "but", "meanwhile", "on", "in", "last", "after", "before",
    "when", "as", "if", "though", "since", "and", "also", "then", "so", "yet", "still",
    "moreover", "upon", "this"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& words, std::string_view word) {
  for (std::string_view candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

bool Allowed(const Unit& unit, size_t i, const Lexicon& lexicon) {
  const Token& token = unit.tokens[i];
  if (!token.word) return false;
  if (token.capitalised) {
    return !(i == 0 && (OneOf(kSentenceOpeners, token.lower) || lexicon.stopwords.count(token.lower)));
  }
  return lexicon.Is("speaker-noun", token.lower) || lexicon.Is("unnamed", token.lower) ||
         OneOf(kConnectors, token.lower) || OneOf(kDeterminers, token.lower);
}

// The anaphor of the lexicon that ends at token `end` (exclusive), longest first; returns
// how many tokens it covers (0: none) and its class.
size_t AnaphorEndingAt(const Unit& unit, size_t end, const Lexicon& lexicon, std::string& kind) {
  size_t best = 0;
  for (const CueEntry& entry : lexicon.Entries("anaphor")) {
    const size_t n = entry.words.size();
    if (n > end || n <= best) continue;
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) match = unit.tokens[end - n + k].lower == entry.words[k];
    if (match) {
      best = n;
      kind = entry.flags.empty() ? "" : *entry.flags.begin();
    }
  }
  return best;
}

size_t AnaphorStartingAt(const Unit& unit, size_t start, const Lexicon& lexicon, std::string& kind) {
  size_t best = 0;
  for (const CueEntry& entry : lexicon.Entries("anaphor")) {
    const size_t n = entry.words.size();
    if (start + n > unit.tokens.size() || n <= best) continue;
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) match = unit.tokens[start + k].lower == entry.words[k];
    // "it" only as a whole phrase: "it said", not "it is said to".
    if (match) {
      best = n;
      kind = entry.flags.empty() ? "" : *entry.flags.begin();
    }
  }
  return best;
}

SpeakerMention MakeMention(const Article& article, const Unit& unit, size_t first, size_t last,
                           const Lexicon& lexicon) {
  // Leading determiners and connectors are not part of the name.
  while (first < last && (OneOf(kDeterminers, unit.tokens[first].lower) ||
                          OneOf(kConnectors, unit.tokens[first].lower))) {
    ++first;
  }
  while (last > first && OneOf(kConnectors, unit.tokens[last].lower)) --last;
  SpeakerMention mention;
  size_t name_first = first;
  for (size_t i = first; i <= last; ++i) {
    const Token& token = unit.tokens[i];
    if (lexicon.Is("unnamed", token.lower)) mention.unnamed = true;
    if (lexicon.Is("media", token.lower)) mention.media = true;
    if (lexicon.Is("title", token.lower) && i < last && unit.tokens[i + 1].capitalised) {
      name_first = i + 1;
    }
  }
  if (name_first > first) {
    mention.role = std::string(article.At({unit.tokens[first].span.begin,
                                           unit.tokens[name_first - 1].span.end}));
  }
  mention.span = {unit.tokens[name_first].span.begin, unit.tokens[last].span.end};
  mention.text = std::string(article.At(mention.span));
  return mention;
}

// Splits the phrase [first, last] at "and" between names: "Lavrov and Wang Yi" is two
// speakers, "the Russian and Chinese foreign ministers" is one (a lone qualifier before
// "and" shares the head after it).
std::vector<SpeakerMention> SplitCoordination(const Article& article, const Unit& unit,
                                              size_t first, size_t last, const Lexicon& lexicon) {
  std::vector<SpeakerMention> mentions;
  size_t part_first = first;
  for (size_t i = first; i <= last; ++i) {
    if (unit.tokens[i].lower != "and" || i == part_first || i == last) continue;
    const size_t left_words = i - part_first;
    const bool lowercase_head = !unit.tokens[last].capitalised;
    const bool left_is_name = unit.tokens[i - 1].capitalised || lexicon.Is("speaker-noun", unit.tokens[i - 1].lower);
    if ((left_words == 1 && lowercase_head) || !left_is_name || !unit.tokens[i + 1].word) continue;
    // "Ministry of Defense and Security" stays one name when the right side is one word.
    if (i + 1 == last && !OneOf(kDeterminers, unit.tokens[part_first].lower) && left_words > 2 &&
        unit.tokens[i - 2].lower == "of") {
      continue;
    }
    mentions.push_back(MakeMention(article, unit, part_first, i - 1, lexicon));
    part_first = i + 1;
  }
  mentions.push_back(MakeMention(article, unit, part_first, last, lexicon));
  return mentions;
}

bool Names(const Unit& unit, size_t first, size_t last, const Lexicon& lexicon) {
  for (size_t i = first; i <= last; ++i) {
    const Token& token = unit.tokens[i];
    if (token.capitalised || lexicon.Is("speaker-noun", token.lower) ||
        lexicon.Is("unnamed", token.lower)) {
      if (!OneOf(kDeterminers, token.lower) && !OneOf(kConnectors, token.lower)) return true;
    }
  }
  return false;
}

}  // namespace

SpeakerPhrase PhraseBefore(const Article& article, const Unit& unit, size_t end,
                           const Lexicon& lexicon) {
  SpeakerPhrase phrase;
  if (end == 0) return phrase;
  std::string kind;
  const size_t anaphor = AnaphorEndingAt(unit, end, lexicon, kind);
  if (anaphor > 0) {
    SpeakerMention mention;
    mention.span = {unit.tokens[end - anaphor].span.begin, unit.tokens[end - 1].span.end};
    mention.text = std::string(article.At(mention.span));
    mention.anaphor = kind;
    phrase.mentions.push_back(std::move(mention));
    phrase.first = end - anaphor;
    phrase.last = end - 1;
    return phrase;
  }
  size_t first = end;
  while (first > 0 && Allowed(unit, first - 1, lexicon)) --first;
  bool lowercase_run = first < end;
  for (size_t i = first; i < end; ++i) {
    lowercase_run = lowercase_run && !unit.tokens[i].capitalised && !lexicon.Is("unnamed", unit.tokens[i].lower);
  }
  const bool open_on_left = first > 0 && unit.tokens[first - 1].word && !unit.tokens[first - 1].capitalised;
  if (first == end || !Names(unit, first, end - 1, lexicon) || (lowercase_run && open_on_left)) {
    // A definite description: "the" and up to three lower-case words before a speaker noun
    // ("the port authority", "the city council").
    const std::string& head = unit.tokens[end - 1].lower;
    if (!lexicon.Is("speaker-noun", head) && !lexicon.Is("organisation-head", head)) return phrase;
    size_t the = end - 1;
    while (the > 0 && end - the <= 4 && unit.tokens[the - 1].word && !unit.tokens[the - 1].capitalised &&
           unit.tokens[the - 1].lower != "the") {
      --the;
    }
    if (the == 0 || (unit.tokens[the - 1].lower != "the" || the - 1 == end - 1)) return phrase;
    phrase.first = the - 1;
    phrase.last = end - 1;
    phrase.mentions.push_back(MakeMention(article, unit, the - 1, end - 1, lexicon));
    return phrase;
  }
  phrase.first = first;
  phrase.last = end - 1;
  phrase.mentions = SplitCoordination(article, unit, first, end - 1, lexicon);
  return phrase;
}

SpeakerPhrase PhraseAfter(const Article& article, const Unit& unit, size_t start,
                          const Lexicon& lexicon) {
  SpeakerPhrase phrase;
  if (start >= unit.tokens.size()) return phrase;
  std::string kind;
  const size_t anaphor = AnaphorStartingAt(unit, start, lexicon, kind);
  if (anaphor > 0) {
    SpeakerMention mention;
    mention.span = {unit.tokens[start].span.begin, unit.tokens[start + anaphor - 1].span.end};
    mention.text = std::string(article.At(mention.span));
    mention.anaphor = kind;
    phrase.mentions.push_back(std::move(mention));
    phrase.first = start;
    phrase.last = start + anaphor - 1;
    return phrase;
  }
  size_t last = start;
  while (last < unit.tokens.size() && Allowed(unit, last, lexicon)) ++last;
  if (last == start || !Names(unit, start, last - 1, lexicon)) return phrase;
  phrase.first = start;
  phrase.last = last - 1;
  phrase.mentions = SplitCoordination(article, unit, start, last - 1, lexicon);
  return phrase;
}

}  // namespace claimgraph::extract
