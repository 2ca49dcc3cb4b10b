#include "score/value_similarity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace claimgraph::score {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of `text[from, from + count)` as digits, or -1 when any is not a digit.
int Digits(std::string_view text, size_t from, size_t count) {
  int number = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (!IsDigit(text[i])) return -1;
    number = number * 10 + (text[i] - '0');
  }
  return number;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days from 1970-01-01 to a proleptic Gregorian date, counting whole 400-year eras of
// 146,097 days from 0000-03-01 (a year that starts in March puts the leap day last).
int64_t DaysSinceEpoch(int year, int month, int day) {
  const int64_t shifted_year = month <= 2 ? year - 1 : year;
  const int64_t era = (shifted_year >= 0 ? shifted_year : shifted_year - 399) / 400;
  const int64_t year_of_era = shifted_year - era * 400;
  const int64_t month_from_march = month > 2 ? month - 3 : month + 9;
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::optional<Quantity> ReadClockTime(std::string_view value) {
  const size_t colon = value.find(':');
  if (colon == std::string_view::npos || (colon != 1 && colon != 2) || value.size() != colon + 3) {
    return std::nullopt;
  }
  const int hour = Digits(value, 0, colon), minute = Digits(value, colon + 1, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return Quantity{ValueKind::kClockTime, hour * 60.0 + minute};
}

std::optional<Quantity> ReadDate(std::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  const int year = Digits(value, 0, 4), month = Digits(value, 5, 2), day = Digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDaysInMonth[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
  if (day > days) return std::nullopt;
  return Quantity{ValueKind::kDate, static_cast<double>(DaysSinceEpoch(year, month, day))};
}

std::optional<Quantity> ReadNumber(std::string_view value) {
  if (value.empty()) return std::nullopt;
  // from_chars also reads "inf" and "nan", which are not amounts anyone can be close to.
  if (!IsDigit(value.front()) && value.front() != '-' && value.front() != '.') return std::nullopt;
  double number = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) {
    return std::nullopt;
  }
  return Quantity{ValueKind::kNumber, number};
}

// The ';'-separated names of a value, sorted (duplicates kept).
std::vector<std::string_view> Names(std::string_view value) {
  std::vector<std::string_view> names;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ';') {
      if (i > start) names.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

double NameOverlap(std::string_view a, std::string_view b) {
  const std::vector<std::string_view> left = Names(a), right = Names(b);
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < left.size() && j < right.size();) {
    if (left[i] == right[j]) {
      ++shared, ++i, ++j;
    } else if (left[i] < right[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const size_t either = left.size() + right.size() - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

}  // namespace

std::optional<Quantity> ReadQuantity(std::string_view value) {
  if (std::optional<Quantity> time = ReadClockTime(value)) return time;
  if (std::optional<Quantity> date = ReadDate(value)) return date;
  return ReadNumber(value);
}

double ValueSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::optional<Quantity> left = ReadQuantity(a), right = ReadQuantity(b);
  if (left && right && left->kind == right->kind) {
    const double distance = std::fabs(left->amount - right->amount);
    switch (left->kind) {
      case ValueKind::kNumber: {
        const double scale = std::max(std::fabs(left->amount), std::fabs(right->amount));
        return scale == 0.0 ? 1.0 : std::clamp(1.0 - distance / scale, 0.0, 1.0);
      }
      case ValueKind::kClockTime: return 1.0 - std::min(distance, 1440.0 - distance) / 720.0;
      case ValueKind::kDate: return 1.0 - std::min(distance, 365.0) / 365.0;
    }
  }
  return NameOverlap(a, b);
}

}  // namespace claimgraph::score
