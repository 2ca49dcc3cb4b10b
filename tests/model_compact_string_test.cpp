// CompactString (claimgraph/compact_string.h): the 16-byte text of a record's field. Every
// length around the inline limit, copies and moves between the inline and heap forms, the
// zero after the text, and comparisons and hashes that agree with std::string's.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/compact_string.h"
#include "claimgraph/model.h"

namespace claimgraph {
namespace {

std::string TextOfLength(size_t length) {
  std::string text;
  for (size_t i = 0; i < length; ++i) text += static_cast<char>('a' + i % 26);
  return text;
}

TEST_CASE("every length from 0 to 40 keeps its text and a zero after it") {
  for (size_t length = 0; length <= 40; ++length) {
    CAPTURE(length);
    const std::string expected = TextOfLength(length);
    const CompactString text(expected);
    CHECK(text.size() == length);
    CHECK(text.empty() == (length == 0));
    CHECK(text.is_inline() == (length <= CompactString::kInlineCapacity));
    CHECK(text.view() == expected);
    CHECK(std::string(text.c_str()) == expected);
    CHECK(text.c_str()[length] == '\0');
    CHECK(std::string(text.begin(), text.end()) == expected);
  }
}

TEST_CASE("a text with zero bytes inside keeps them") {
  const std::string_view inline_text("a\0b", 3);
  const std::string_view heap_text("0123456789\0abcdefghij", 21);
  CHECK(CompactString(inline_text).view() == inline_text);
  CHECK(CompactString(heap_text).view() == heap_text);
  CHECK(CompactString(heap_text).size() == 21);
}

TEST_CASE("copies and moves between the inline and heap forms") {
  const std::string short_text = "s-17";
  const std::string long_text = "Officials said on the record that claim 17 holds";
  for (const std::string& first : {short_text, long_text}) {
    for (const std::string& second : {short_text, long_text}) {
      CAPTURE(first);
      CAPTURE(second);
      CompactString a(first);
      CompactString b(second);
      CompactString copy(a);
      CHECK(copy == first);
      CHECK(a == first);
      copy = b;
      CHECK(copy == second);
      CHECK(b == second);
      CompactString moved(std::move(a));
      CHECK(moved == first);
      CHECK(a.empty());  // NOLINT: a moved-from CompactString is empty, by contract
      a = std::move(b);
      CHECK(a == second);
      CHECK(b.empty());  // NOLINT
      a = a;             // self-assignment keeps the text
      CHECK(a == second);
      a = std::move(a);  // NOLINT: and so does self-move
      CHECK(a == second);
      a.clear();
      CHECK(a.empty());
      CHECK(a.is_inline());
      a = std::string_view(first);
      CHECK(a == first);
    }
  }
}

TEST_CASE("a vector of them grows without losing a text (moves are noexcept)") {
  static_assert(std::is_nothrow_move_constructible_v<CompactString>);
  std::vector<CompactString> texts;
  for (size_t i = 0; i < 1000; ++i) texts.emplace_back(TextOfLength(i % 37));
  for (size_t i = 0; i < 1000; ++i) CHECK(texts[i] == TextOfLength(i % 37));
}

TEST_CASE("comparisons and hashes agree with std::string's") {
  const std::vector<std::string> texts = {"", "a", "ab", "b", "abcdefghijklmno", "abcdefghijklmnop",
                                          "abcdefghijklmnoq", "abcdefghijklmnn", "\xC3\xA9", "Z"};
  for (const std::string& x : texts) {
    for (const std::string& y : texts) {
      CAPTURE(x);
      CAPTURE(y);
      const CompactString a(x), b(y);
      CHECK((a == b) == (x == y));
      CHECK((a < b) == (x < y));
      CHECK((a <= y) == (x <= y));
      CHECK((a == y) == (x == y));
      CHECK((a == std::string_view(y)) == (x == y));
      CHECK((a == y.c_str()) == (x == y));
      CHECK((y == a) == (x == y));
    }
    CHECK(std::hash<CompactString>()(CompactString(x)) == std::hash<std::string_view>()(x));
  }
  std::map<CompactString, int> ordered;
  for (size_t i = 0; i < texts.size(); ++i) ordered[CompactString(texts[i])] = static_cast<int>(i);
  std::vector<std::string> sorted = texts;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> keys;
  for (const auto& [key, value] : ordered) keys.push_back(key);
  CHECK(keys == sorted);
}

TEST_CASE("concatenation and streaming give what std::string's would") {
  const CompactString id("tass-1");
  const CompactString title("A report on the drills of 2017");
  CHECK("source " + id == "source tass-1");
  CHECK(id + " says" == "tass-1 says");
  CHECK(std::string("[") + title + "]" == "[A report on the drills of 2017]");
  std::ostringstream out;
  out << id << ": " << title;
  CHECK(out.str() == "tass-1: A report on the drills of 2017");
  const std::string copy = title;
  CHECK(copy == "A report on the drills of 2017");
}

// The records' sizes are what the loader's memory per assertion is made of (a million
// assertions, a quarter of a million sources, an eighth of a million claims):
// docs/benchmarks.md. A field added to a record should be a decision, not an accident.
TEST_CASE("records keep their compact sizes") {
  CHECK(sizeof(CompactString) == 16);
  CHECK(sizeof(Assertion) == 48);  // 64 before the extraction fields moved out (2026-12-08)
  CHECK(sizeof(Source) == 120);
  CHECK(sizeof(Claim) == 120);
}

}  // namespace
}  // namespace claimgraph
