#include "ingest/value_checks.h"

#include <array>
#include <cstdio>

#include "model/uri.h"
#include "model/utf8.h"

namespace claimgraph::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` digits at `position`; false if any is not a digit.
bool ReadDigits(std::string_view text, size_t position, size_t count, int& value) {
  if (position + count > text.size()) return false;
  value = 0;
  for (size_t i = position; i < position + count; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given civil date (Howard Hinnant's days_from_civil,
// http://howardhinnant.github.io/date_algorithms.html).
int64_t DaysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};

}  // namespace

std::optional<TimeSpan> ParseIsoTime(std::string_view text, std::string& problem) {
  const std::string expected =
      "is not an ISO 8601 date (2017-12-11) or date-time (2017-12-11T09:30:00Z)";
  int year = 0, month = 0, day = 0;
  if (!ReadDigits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !ReadDigits(text, 5, 2, month) || text[7] != '-' || !ReadDigits(text, 8, 2, day)) {
    problem = expected;
    return std::nullopt;
  }
  if (month < 1 || month > 12) {
    problem = "has no month " + std::to_string(month) + " (months are 01 to 12)";
    return std::nullopt;
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    problem = "is not a calendar date: " + std::string(kMonthNames[month - 1]) + " " +
              std::to_string(year) + " has " + std::to_string(DaysInMonth(year, month)) + " days";
    return std::nullopt;
  }
  const int64_t day_start = DaysFromCivil(year, month, day) * 86400;
  if (text.size() == 10) return TimeSpan{day_start, day_start + 86399};

  int hour = 0, minute = 0, second = 0;
  size_t position = 11;
  if (text[10] != 'T' || !ReadDigits(text, 11, 2, hour) || text.size() < 16 || text[13] != ':' ||
      !ReadDigits(text, 14, 2, minute)) {
    problem = expected;
    return std::nullopt;
  }
  position = 16;
  if (position < text.size() && text[position] == ':') {
    if (!ReadDigits(text, position + 1, 2, second)) {
      problem = expected;
      return std::nullopt;
    }
    position += 3;
    if (position < text.size() && (text[position] == '.' || text[position] == ',')) {
      size_t digits = 0;
      for (++position; position < text.size() && IsDigit(text[position]); ++position) ++digits;
      if (digits == 0) {
        problem = expected;
        return std::nullopt;
      }
    }
  }
  // 24:00 and leap seconds are rare enough in fact-checks that rejecting them is clearer.
  if (hour > 23 || minute > 59 || second > 59) {
    problem = "has no time of day " + std::string(text.substr(11, position - 11));
    return std::nullopt;
  }
  int64_t offset_seconds = 0;
  if (position < text.size()) {
    const char zone = text[position];
    int offset_hour = 0, offset_minute = 0;
    if (zone == 'Z' && position + 1 == text.size()) {
      // UTC
    } else if ((zone == '+' || zone == '-') && position + 6 == text.size() &&
               ReadDigits(text, position + 1, 2, offset_hour) && text[position + 3] == ':' &&
               ReadDigits(text, position + 4, 2, offset_minute) && offset_hour <= 23 &&
               offset_minute <= 59) {
      offset_seconds = (offset_hour * 3600 + offset_minute * 60) * (zone == '+' ? 1 : -1);
    } else {
      problem = expected;
      return std::nullopt;
    }
  }
  const int64_t instant = day_start + hour * 3600 + minute * 60 + second - offset_seconds;
  return TimeSpan{instant, instant};
}

std::string UrlProblem(std::string_view text) { return HttpUrlProblem(text); }

size_t WhiteSpaceOrControlLength(std::string_view text, size_t at) {
  uint32_t code_point = 0;
  const size_t length = Utf8SequenceLength(text, at, &code_point);
  if (length == 0) return 0;
  const bool breaks =
      code_point <= 0x20 || (code_point >= 0x7F && code_point <= 0xA0) ||  // C0, DEL, C1, NBSP
      code_point == 0x1680 || (code_point >= 0x2000 && code_point <= 0x200B) ||
      code_point == 0x2028 || code_point == 0x2029 || code_point == 0x202F ||
      code_point == 0x205F || code_point == 0x2060 || code_point == 0x3000 || code_point == 0xFEFF;
  return breaks ? length : 0;
}

std::string IdProblem(std::string_view text) {
  if (text.empty()) return "an id must not be empty";
  size_t characters = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if ((byte & 0xC0) != 0x80) ++characters;  // count UTF-8 lead bytes only
    if ((byte & 0xC0) != 0x80 && WhiteSpaceOrControlLength(text, at) > 0) {
      return "an id must not contain whitespace or control characters";
    }
  }
  if (characters > 200) return "an id must be at most 200 characters long";
  return "";
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

std::string Quoted(std::string_view text, size_t max_characters) {
  std::string quoted = "\"";
  size_t count = 0;
  for (char c : text) {
    if (count++ == max_characters) {
      // Do not cut inside a UTF-8 sequence.
      while (!quoted.empty() && (static_cast<unsigned char>(quoted.back()) & 0xC0) == 0x80) {
        quoted.pop_back();
      }
      if (!quoted.empty() && static_cast<unsigned char>(quoted.back()) >= 0xC0) quoted.pop_back();
      quoted += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", byte);
      quoted += escape;
    } else {
      quoted += c;
    }
  }
  quoted += '"';
  return quoted;
}

}  // namespace claimgraph::ingest
