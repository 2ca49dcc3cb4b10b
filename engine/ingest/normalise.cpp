#include "ingest/normalise.h"

#include <algorithm>
#include <array>
#include <vector>

namespace claimgraph::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Bytes of multi-byte UTF-8 sequences count as letters: "Stützle" stays one word.
bool IsWordByte(char c) { return IsAsciiLetter(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80; }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char UpperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = LowerAscii(c);
  return lower;
}

bool StartsWithNoCase(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// Titles, roles and words of affiliations that are never a last name.
bool IsDroppedWord(std::string_view word) {
  static constexpr std::array<std::string_view, 31> kDropped = {
      "jr", "sr", "ii", "iii", "iv", "phd", "dr", "mr", "mrs", "ms", "prof",
      "md", "editor", "editors", "ed", "eds", "author", "authors", "et", "al", "by",
      "edited", "with", "foreword", "introduction", "translated", "press", "certification",
      "inc", "staff", "ltd"};
  return std::find(kDropped.begin(), kDropped.end(), word) != kDropped.end();
}

// The replacement for an HTML entity name, or nullopt when it is not one we decode.
std::optional<std::string> EntityReplacement(std::string_view name) {
  if (name == "apos" || name == "#39") return "'";
  if (name == "amp") return "&";  // a separator between authors
  if (name == "quot" || name == "nbsp") return " ";
  if (name == "szlig") return "ss";
  static constexpr std::array<std::string_view, 8> kAccents = {
      "acute", "grave", "uml", "circ", "tilde", "cedil", "ring", "slash"};
  for (std::string_view accent : kAccents) {
    if (name.size() == accent.size() + 1 && IsAsciiLetter(name[0]) && name.substr(1) == accent) {
      return std::string(1, name[0]);
    }
  }
  return std::nullopt;
}

// Decodes "&eacute;" and the mangled "andeacute;" (some sellers' feeds replaced '&' by
// "and"): "St&uuml;tzle" -> "Stutzle", "Oandapos;Leary" -> "O'Leary".
std::string DecodeEntities(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t prefix = text[i] == '&' ? 1 : StartsWithNoCase(text, i, "and") ? 3 : 0;
    if (prefix > 0) {
      size_t end = i + prefix;
      while (end < text.size() && end - i - prefix < 8 && (IsAsciiLetter(text[end]) || IsDigit(text[end]) || text[end] == '#')) ++end;
      if (end < text.size() && text[end] == ';' && end > i + prefix) {
        if (auto replacement = EntityReplacement(text.substr(i + prefix, end - i - prefix))) {
          out += *replacement;
          i = end + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

// Lower-case words of a name, apostrophes and hyphens removed first ("Ben-Ari" -> "benari",
// "O'Leary" -> "oleary"), without dropped words.
std::vector<std::string> NameWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto finish = [&] {
    if (!word.empty() && !IsDroppedWord(word)) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'' || c == '`' || c == '-') continue;
    if (text.substr(i, 3) == "\xe2\x80\x99") {  // U+2019 right single quotation mark
      i += 2;
      continue;
    }
    if (IsWordByte(c)) word += LowerAscii(c);
    else finish();
  }
  finish();
  return words;
}

std::string Join(const std::vector<std::string>& words, std::string_view separator) {
  std::string joined;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) joined += separator;
    joined += words[i];
  }
  return joined;
}

// One author as the normaliser sees it: the last name, and the first letter of the first
// name ('\0' when not given), which only serves to tell apart two co-authors who share a
// last name from one author listed twice.
struct Author {
  std::string last;
  char initial = '\0';
};

char InitialOf(const std::vector<std::string>& words) { return words.empty() ? '\0' : words.front()[0]; }

// One author: "Last, First" when `comma_form` and there is a comma, else "First Last" with
// the last word longer than one letter as the last name (initials are not last names).
std::optional<Author> ParseAuthor(std::string_view author, bool comma_form) {
  if (size_t comma = author.find(','); comma_form && comma != std::string_view::npos) {
    std::vector<std::string> words = NameWords(author.substr(0, comma));
    if (words.empty()) return std::nullopt;
    return Author{Join(words, " "), InitialOf(NameWords(author.substr(comma + 1)))};
  }
  std::vector<std::string> words = NameWords(author);
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (it->size() <= 1) continue;
    const bool has_first = it + 1 != words.rend();
    return Author{*it, has_first ? words.front()[0] : '\0'};
  }
  return std::nullopt;
}

// Replaces "(...)" notes, '&', and the whole words "and" and "by" with ';'.
std::string MarkSeparators(std::string_view text) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') { ++depth; continue; }
    if (c == ')') { if (depth > 0) --depth; out += ';'; continue; }
    if (depth > 0) continue;
    const bool word_start = i == 0 || !IsWordByte(text[i - 1]);
    auto whole_word = [&](std::string_view word) {
      return word_start && StartsWithNoCase(text, i, word) &&
             (i + word.size() == text.size() || !IsWordByte(text[i + word.size()]));
    };
    if (c == '&') { out += ';'; continue; }
    if (whole_word("and")) { out += ';'; i += 2; continue; }
    if (whole_word("by")) { out += ';'; i += 1; continue; }
    out += c;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || separators.find(text[i]) != std::string_view::npos) {
      std::string_view part = text.substr(start, i - start);
      if (!NameWords(part).empty()) parts.push_back(part);
      start = i + 1;
    }
  }
  return parts;
}

// "Last, First Last, First Last, First": a list of "Last, First" names run together
// without separators, as some sellers print them. True when the first part is one word and
// each middle part is a first name followed by a last name (its last word is not an initial).
bool IsRunTogetherCommaForm(const std::vector<std::string_view>& parts) {
  if (parts.size() < 3 || NameWords(parts[0]).size() != 1) return false;
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    std::vector<std::string> words = NameWords(parts[i]);
    if (words.size() < 2 || words.back().size() <= 1) return false;
  }
  return true;
}

std::vector<std::optional<Author>> ParseAuthors(std::string_view list) {
  std::vector<std::optional<Author>> authors;
  if (list.find_first_of(";/") != std::string_view::npos) {
    for (std::string_view author : Split(list, ";/")) authors.push_back(ParseAuthor(author, true));
    return authors;
  }
  if (list.find(',') == std::string_view::npos) return {ParseAuthor(list, false)};
  std::vector<std::string_view> parts = Split(list, ",");
  if (parts.empty()) return authors;
  std::vector<std::string> first_words = NameWords(parts[0]);
  if (first_words.size() == 1 && parts.size() == 2) {  // "Last, First"
    return {Author{first_words[0], InitialOf(NameWords(parts[1]))}};
  }
  if (IsRunTogetherCommaForm(parts)) {
    authors.push_back(Author{first_words[0], InitialOf(NameWords(parts[1]))});
    for (size_t i = 1; i + 1 < parts.size(); ++i) {
      authors.push_back(Author{NameWords(parts[i]).back(), InitialOf(NameWords(parts[i + 1]))});
    }
    return authors;
  }
  if (first_words.size() == 1 && parts.size() % 2 == 0) {  // "Last, First, Last, First"
    for (size_t i = 0; i < parts.size(); i += 2) {
      authors.push_back(Author{Join(NameWords(parts[i]), " "), InitialOf(NameWords(parts[i + 1]))});
    }
    return authors;
  }
  for (std::string_view author : parts) authors.push_back(ParseAuthor(author, false));  // "First Last, ..."
  return authors;
}

// Drops an author listed twice ("James T. Perry; ...; James Perry"): same last name and
// the same first initial, or no initial on one side. Two co-authors who share a last name
// keep their different initials ("O'Leary, Timothy; O'Leary, Linda").
std::vector<std::string> DistinctLastNames(std::vector<Author> authors) {
  std::sort(authors.begin(), authors.end(), [](const Author& a, const Author& b) {
    return a.last != b.last ? a.last < b.last : a.initial < b.initial;
  });
  std::vector<std::string> names;
  for (size_t i = 0; i < authors.size(); ++i) {
    bool repeated = false;
    for (size_t j = i; j-- > 0 && authors[j].last == authors[i].last;) {
      if (authors[j].initial == authors[i].initial || authors[j].initial == '\0' ||
          authors[i].initial == '\0') {
        repeated = true;
      }
    }
    if (!repeated) names.push_back(authors[i].last);
  }
  return names;
}

}  // namespace

bool IsAbsentValue(std::string_view value) {
  const std::string lower = Lower(Trim(value));
  static constexpr std::array<std::string_view, 8> kAbsent = {
      "", "not available", "n/a", "null", "none", "unknown", "-", "--"};
  return std::find(kAbsent.begin(), kAbsent.end(), lower) != kAbsent.end();
}

std::optional<std::string> NormalisePlain(std::string_view value) {
  if (IsAbsentValue(value)) return std::nullopt;
  return std::string(Trim(value));
}

std::optional<std::string> NormaliseAuthorList(std::string_view value) {
  if (IsAbsentValue(value)) return std::nullopt;
  std::vector<Author> authors;
  for (auto& author : ParseAuthors(MarkSeparators(DecodeEntities(value)))) {
    if (author && !author->last.empty()) authors.push_back(std::move(*author));
  }
  if (authors.empty()) return std::nullopt;
  return Join(DistinctLastNames(std::move(authors)), ";");
}

std::optional<std::string> NormaliseFlightTime(std::string_view value) {
  std::optional<std::string> first_without_marker;
  for (size_t i = 0; i < value.size(); ++i) {
    if (!IsDigit(value[i]) || (i > 0 && IsDigit(value[i - 1]))) continue;
    size_t at = i;
    int hour = 0;
    while (at < value.size() && IsDigit(value[at]) && at - i < 2) hour = hour * 10 + (value[at++] - '0');
    if (at >= value.size() || value[at] != ':' || at + 2 >= value.size() ||
        !IsDigit(value[at + 1]) || !IsDigit(value[at + 2]) ||
        (at + 3 < value.size() && IsDigit(value[at + 3]))) {
      continue;
    }
    const int minute = (value[at + 1] - '0') * 10 + (value[at + 2] - '0');
    size_t marker = at + 3;
    while (marker < value.size() && IsSpace(value[marker])) ++marker;
    const char half = marker < value.size() ? LowerAscii(value[marker]) : '\0';
    if (minute > 59) continue;
    char text[6] = {};
    auto format = [&text](int h, int m) {
      text[0] = static_cast<char>('0' + h / 10);
      text[1] = static_cast<char>('0' + h % 10);
      text[2] = ':';
      text[3] = static_cast<char>('0' + m / 10);
      text[4] = static_cast<char>('0' + m % 10);
      return std::string(text, 5);
    };
    if ((half == 'a' || half == 'p') && hour >= 1 && hour <= 12) {
      return format(hour % 12 + (half == 'p' ? 12 : 0), minute);
    }
    if (!first_without_marker && hour <= 23) first_without_marker = format(hour, minute);
  }
  return first_without_marker;
}

std::optional<std::string> NormaliseFlightTimeStrictly(std::string_view value,
                                                       std::string& problem) {
  problem.clear();
  if (std::optional<std::string> time = NormaliseFlightTime(value)) return time;
  const std::string lower = Lower(Trim(value));
  if (IsAbsentValue(value) || lower.find("not available") != std::string::npos ||
      lower.find("contact airline") != std::string::npos) {
    return std::nullopt;
  }
  // HH:MM that NormaliseFlightTime refused: the hour or the minute is out of range.
  for (size_t i = 0; i + 2 < value.size(); ++i) {
    if (value[i] == ':' && i > 0 && IsDigit(value[i - 1]) && IsDigit(value[i + 1]) &&
        IsDigit(value[i + 2])) {
      problem = "has no such time of day (hours are 0 to 23, or 1 to 12 with AM/PM; minutes 00 to 59)";
      return std::nullopt;
    }
  }
  problem = "is not a time of day (expected a clock time such as 7:10 AM, or Not Available)";
  return std::nullopt;
}

std::optional<std::string> NormaliseGate(std::string_view value) {
  if (IsAbsentValue(value)) return std::nullopt;
  std::string gate;
  for (char c : Trim(value)) gate += UpperAscii(c);
  if (gate.find("NOT PROVIDED") != std::string::npos || gate == "TBD") return std::nullopt;
  for (std::string_view prefix : {std::string_view("GATE"), std::string_view("TERMINAL")}) {
    if (gate.rfind(prefix, 0) == 0) gate = std::string(Trim(std::string_view(gate).substr(prefix.size())));
  }
  if (gate.empty()) return std::nullopt;
  return gate;
}

std::optional<std::string> NormaliseValue(ValueNormaliser normaliser, std::string_view property,
                                          std::string_view value) {
  switch (normaliser) {
    case ValueNormaliser::kNone: return NormalisePlain(value);
    case ValueNormaliser::kAuthors: return NormaliseAuthorList(value);
    case ValueNormaliser::kFlightTimes:
      if (Lower(property).find("gate") != std::string::npos) return NormaliseGate(value);
      return NormaliseFlightTime(value);
  }
  return std::nullopt;
}

}  // namespace claimgraph::ingest

namespace claimgraph {

std::string_view Name(ValueNormaliser normaliser) {
  switch (normaliser) {
    case ValueNormaliser::kNone: return "none";
    case ValueNormaliser::kAuthors: return "authors";
    case ValueNormaliser::kFlightTimes: return "flight-times";
  }
  return "unknown";
}

std::optional<ValueNormaliser> ParseValueNormaliser(std::string_view text) {
  for (ValueNormaliser normaliser :
       {ValueNormaliser::kNone, ValueNormaliser::kAuthors, ValueNormaliser::kFlightTimes}) {
    if (Name(normaliser) == text) return normaliser;
  }
  return std::nullopt;
}

}  // namespace claimgraph
