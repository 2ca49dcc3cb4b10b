#include "extract/units.h"

#include "extract/icu_adapter.h"
#include "model/utf8.h"

namespace claimgraph::extract {
namespace {

constexpr uint32_t kLeftDoubleQuote = 0x201C, kRightDoubleQuote = 0x201D,
                   kLowDoubleQuote = 0x201E, kRightSingleQuote = 0x2019,
                   kNoBreakSpace = 0x00A0;
// A quotation longer than this many sentences is taken to be unbalanced quote marks.
constexpr int kMaxSentencesInQuote = 5;

uint32_t CodePointAt(std::string_view text, size_t at, size_t& length) {
  uint32_t code_point = 0;
  length = Utf8SequenceLength(text, at, &code_point);
  if (length == 0) {  // unreachable for checked text; treat a stray byte as punctuation
    length = 1;
    return 0xFFFD;
  }
  return code_point;
}

bool IsSpace(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == kNoBreakSpace || c == 0x2009 ||
         c == 0x202F || c == 0x3000 || c == 0x200B;
}

bool IsWordCharacter(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;        // Latin-1 punctuation, signs
  if (c >= 0x2000 && c <= 0x206F) return false;                 // general punctuation
  if (c >= 0x20A0 && c <= 0x2BFF) return false;                 // currency, arrows, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;                 // CJK punctuation
  return true;
}

bool IsInnerJoiner(uint32_t c) { return c == '\'' || c == kRightSingleQuote || c == '-' || c == '.'; }

}  // namespace

std::vector<Token> Tokenise(std::string_view text, Span span, const Lexicon& lexicon) {
  std::vector<Token> tokens;
  // About one token per five bytes of prose: reserved so the vector is not regrown per word.
  tokens.reserve((span.end - span.begin) / 5 + 1);
  size_t at = span.begin;
  uint32_t previous = ' ';
  while (at < span.end) {
    size_t length = 0;
    const uint32_t c = CodePointAt(text, at, length);
    if (IsSpace(c)) {
      previous = ' ';
      at += length;
      continue;
    }
    Token token;
    token.span.begin = static_cast<uint32_t>(at);
    if (IsWordCharacter(c)) {
      token.word = true;
      token.capitalised = c >= 'A' && c <= 'Z';
      size_t end = at + length;
      bool inner_stop = false;
      while (end < span.end) {
        size_t next_length = 0;
        const uint32_t next = CodePointAt(text, end, next_length);
        if (IsWordCharacter(next)) {
          end += next_length;
          continue;
        }
        if (IsInnerJoiner(next) && end + next_length < span.end) {
          size_t after_length = 0;
          const uint32_t after = CodePointAt(text, end + next_length, after_length);
          if (IsWordCharacter(after)) {
            inner_stop = inner_stop || next == '.';
            end += next_length;
            continue;
          }
        }
        break;
      }
      // A trailing full stop belongs to an abbreviation ("U.S.", "Gen.") or an initial ("J.").
      if (end < span.end && text[end] == '.') {
        // The word with its full stop is a slice of the text: looked up as it stands, with no
        // string built per word.
        const std::string_view word_with_stop = text.substr(at, end + 1 - at);
        const bool initial = word_with_stop.size() == 2 && token.capitalised;
        if (inner_stop || initial || lexicon.abbreviations.find(word_with_stop) != lexicon.abbreviations.end()) {
          ++end;
        }
      }
      token.span.end = static_cast<uint32_t>(end);
      token.lower.reserve(end - at);  // folding never lengthens a word: one allocation at most
      for (size_t i = at; i < end;) {
        const unsigned char byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {  // ASCII, one byte: no decoding
          token.lower += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a') : static_cast<char>(byte);
          ++i;
          continue;
        }
        size_t part = 0;
        const uint32_t code_point = CodePointAt(text, i, part);
        if (code_point == kRightSingleQuote) {
          token.lower += '\'';
        } else if (code_point >= 'A' && code_point <= 'Z') {
          token.lower += static_cast<char>(code_point - 'A' + 'a');
        } else {
          token.lower.append(text.substr(i, part));
        }
        i += part;
      }
      at = end;
      previous = 'a';
    } else {
      token.span.end = static_cast<uint32_t>(at + length);
      token.lower = std::string(text.substr(at, length));
      if (c == kLeftDoubleQuote || c == kLowDoubleQuote) token.open_quote = true;
      if (c == kRightDoubleQuote) token.close_quote = true;
      if (c == '"') {
        // A straight quote opens after a space or an opening bracket, and closes otherwise.
        const bool opens = previous == ' ' || previous == '(' || previous == '[' ||
                           previous == 0x2014 || previous == 0x2013;
        token.open_quote = opens;
        token.close_quote = !opens;
      }
      at += length;
      previous = c;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

Result<std::vector<Unit>> SplitUnits(std::string_view text, const Lexicon& lexicon) {
  Result<std::vector<uint32_t>> breaks = SentenceBreaks(text);
  if (!breaks.ok()) return breaks.status();
  std::vector<Unit> pieces;
  uint32_t start = 0;
  bool line_break_before = true;
  for (uint32_t end : breaks.value()) {
    uint32_t begin = start, stop = end;
    for (size_t length = 0; begin < stop; begin += static_cast<uint32_t>(length)) {
      const uint32_t c = CodePointAt(text, begin, length);
      if (!IsSpace(c)) break;
      if (c == '\n') line_break_before = true;
    }
    bool line_break_after = false;
    while (stop > begin) {
      size_t back = 1;
      while (back < stop - begin && (static_cast<unsigned char>(text[stop - back]) & 0xC0) == 0x80) ++back;
      size_t length = 0;
      const uint32_t c = CodePointAt(text, stop - back, length);
      if (!IsSpace(c)) break;
      if (c == '\n') line_break_after = true;
      stop -= static_cast<uint32_t>(back);
    }
    if (begin < stop) {
      Unit piece;
      piece.span = {begin, stop};
      piece.paragraph_start = line_break_before;
      pieces.push_back(std::move(piece));
      line_break_before = false;
    }
    if (line_break_after) line_break_before = true;
    start = end;
  }
  std::vector<Unit> units;
  int open_quotes = 0, joined = 0;
  bool straight_open = false;
  for (Unit& piece : pieces) {
    piece.tokens = Tokenise(text, piece.span, lexicon);
    bool join = false;
    if (!units.empty() && !piece.paragraph_start) {
      const Unit& last = units.back();
      const Token& tail = last.tokens.back();
      const bool abbreviation = tail.word && !tail.lower.empty() && tail.lower.back() == '.';
      join = abbreviation || ((open_quotes > 0 || straight_open) && joined < kMaxSentencesInQuote);
    }
    if (!join) {
      open_quotes = 0;
      straight_open = false;
      joined = 0;
    }
    for (const Token& token : piece.tokens) {
      if (token.lower == "\"") straight_open = !straight_open;
      else if (token.open_quote) ++open_quotes;
      else if (token.close_quote && open_quotes > 0) --open_quotes;
    }
    if (join) {
      Unit& last = units.back();
      last.span.end = piece.span.end;
      last.tokens.insert(last.tokens.end(), piece.tokens.begin(), piece.tokens.end());
      ++joined;
    } else {
      units.push_back(std::move(piece));
    }
  }
  return units;
}

}  // namespace claimgraph::extract
