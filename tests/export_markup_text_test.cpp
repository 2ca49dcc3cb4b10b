#include <doctest/doctest.h>

#include "export/markup_text.h"

namespace claimgraph::exporting {
namespace {

TEST_CASE("ValidUtf8 keeps well-formed text and replaces each bad byte with U+FFFD") {
  CHECK(ValidUtf8("plain \xCE\xA9 \xF0\x9F\x98\x80") == "plain \xCE\xA9 \xF0\x9F\x98\x80");
  CHECK(ValidUtf8("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");        // overlong NUL
  CHECK(ValidUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(ValidUtf8("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);  // above U+10FFFF
  CHECK(ValidUtf8("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");  // truncated at the end
  CHECK(ValidUtf8(std::string("nul\0kept", 8)) == std::string("nul\0kept", 8));  // JSON escapes it
}

TEST_CASE("XmlEscape escapes markup, keeps whitespace as references and drops what XML 1.0 forbids") {
  CHECK(XmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(XmlEscape("tab\tline\nreturn\r") == "tab&#9;line&#10;return&#13;");
  CHECK(XmlEscape(std::string("nul\0bell\x07", 9)) == "nul\xEF\xBF\xBD" "bell\xEF\xBF\xBD");
  CHECK(XmlEscape("\xEF\xBF\xBE") == "\xEF\xBF\xBD");  // U+FFFE is not an XML character
  CHECK(XmlEscape("bad \xFF") == "bad \xEF\xBF\xBD");
}

TEST_CASE("numbers are written in the shortest form that reads back the same") {
  CHECK(ShortestNumber(0.6) == "0.6");
  CHECK(ShortestNumber(1.0) == "1");
  CHECK(ShortestNumber(0.9f) == "0.9");
  CHECK(ShortestNumber(1.0 / 3.0) == "0.3333333333333333");
}

}  // namespace
}  // namespace claimgraph::exporting
