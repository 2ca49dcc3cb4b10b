// Checks on single field values that JSON Schema draft-04 cannot express, or that
// RapidJSON's validator ignores (`format`): ids, calendar dates and URLs.
#ifndef CLAIMGRAPH_INGEST_VALUE_CHECKS_H_
#define CLAIMGRAPH_INGEST_VALUE_CHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::ingest {

// A point in time as written: an ISO 8601 date covers a whole UTC day, a date-time a
// single second. `earliest` and `latest` are UTC seconds since 1970.
struct TimeSpan {
  int64_t earliest = 0;
  int64_t latest = 0;
};

// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM]", checking that
// the day exists in the proleptic Gregorian calendar (2017-02-30 fails). A date-time with no
// zone is read as UTC. On failure, returns nullopt and sets `problem` to a sentence
// fragment ("February 2017 has 28 days").
std::optional<TimeSpan> ParseIsoTime(std::string_view text, std::string& problem);

// Empty when `text` is an absolute http(s) URL by RFC 3986 (model/uri.h, HttpUrlProblem);
// otherwise what is wrong with it.
std::string UrlProblem(std::string_view text);

// The byte length of the character at text[at] when it is white space (Unicode's
// White_Space: ASCII spaces, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
// U+205F, U+3000), an invisible space that creeps in from copied web text (U+200B, U+2060,
// U+FEFF) or a control character (C0, DEL, C1); 0 for any other character or a byte that
// does not start a well-formed UTF-8 sequence.
size_t WhiteSpaceOrControlLength(std::string_view text, size_t at);

// Empty when `text` is a valid id (1 to 200 characters, none of them whitespace or control
// characters as WhiteSpaceOrControlLength counts them); otherwise what is wrong with it.
std::string IdProblem(std::string_view text);

// True when `text` has no character other than spaces, tabs and line breaks.
bool IsBlank(std::string_view text);

// `text` as a JSON string literal, quotes included, with control characters escaped, cut
// after `max_characters` bytes with "..." so that a message stays one readable line.
std::string Quoted(std::string_view text, size_t max_characters = 60);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_VALUE_CHECKS_H_
