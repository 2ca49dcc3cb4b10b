// Utf8SequenceLength, the one UTF-8 decoder that render and export share.
#include <doctest/doctest.h>

#include <string_view>

#include "model/utf8.h"

namespace claimgraph {
namespace {

TEST_CASE("well-formed sequences of one to four bytes give their length and code point") {
  struct Case {
    std::string_view text;
    size_t length;
    uint32_t code_point;
  };
  for (const Case& c : {Case{"A", 1, 0x41}, Case{"\xC3\xA9", 2, 0xE9}, Case{"\xE2\x80\xA6", 3, 0x2026},
                        Case{"\xEF\xBF\xBD", 3, 0xFFFD}, Case{"\xF0\x9F\x98\x80", 4, 0x1F600},
                        Case{"\xF4\x8F\xBF\xBF", 4, 0x10FFFF}}) {
    CAPTURE(c.code_point);
    uint32_t code_point = 0;
    CHECK(Utf8SequenceLength(c.text, 0, &code_point) == c.length);
    CHECK(code_point == c.code_point);
    CHECK(Utf8SequenceLength(c.text, 0) == c.length);
  }
}

TEST_CASE("malformed sequences give 0") {
  for (std::string_view text : {
           std::string_view("\x80"),              // a continuation byte first
           std::string_view("\xC0\xAF"),          // overlong '/'
           std::string_view("\xE0\x80\xAF"),      // overlong, three bytes
           std::string_view("\xED\xA0\x80"),      // a surrogate, U+D800
           std::string_view("\xF4\x90\x80\x80"),  // above U+10FFFF
           std::string_view("\xF5\x80\x80\x80"),  // a lead byte that never occurs
           std::string_view("\xE2\x80"),          // truncated at the end of the text
           std::string_view("\xE2\x41\xA6"),      // a continuation byte missing
       }) {
    CAPTURE(text.size());
    CHECK(Utf8SequenceLength(text, 0) == 0);
  }
}

TEST_CASE("a sequence is read where it starts, not from the beginning of the text") {
  const std::string_view text = "ab\xC3\xA9";
  uint32_t code_point = 0;
  CHECK(Utf8SequenceLength(text, 2, &code_point) == 2);
  CHECK(code_point == 0xE9);
}

}  // namespace
}  // namespace claimgraph
