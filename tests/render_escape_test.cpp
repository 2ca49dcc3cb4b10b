#include <doctest/doctest.h>

#include "render/escape.h"

namespace claimgraph::render {
namespace {

TEST_CASE("EscapeText makes Graphviz show the text as written") {
  CHECK(EscapeText("plain") == "plain");
  CHECK(EscapeText("a\\b") == "a\\\\b");            // \ would start an escape sequence
  CHECK(EscapeText("\\N and \\G") == "\\\\N and \\\\G");
  CHECK(EscapeText("<b>&amp;</b>") == "<b>&amp;amp;</b>");  // Graphviz decodes entities
  CHECK(EscapeText("two\nlines") == "two\\nlines");
  CHECK(EscapeText("tab\there\r") == "tab here ");
  CHECK(EscapeText("quote \"q\"") == "quote \"q\"");  // quoting is AppendQuoted's job
}

TEST_CASE("EscapeText keeps valid UTF-8 and replaces invalid bytes with U+FFFD") {
  const std::string rocket = "\xF0\x9F\x9A\x80";
  const std::string hebrew = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
  CHECK(EscapeText(rocket + hebrew) == rocket + hebrew);
  CHECK(EscapeText("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(EscapeText("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(EscapeText("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(EscapeText("\xF0\x9F\x9A") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
}

TEST_CASE("EscapeTooltip breaks lines with a character reference") {
  CHECK(EscapeTooltip("one\ntwo & \\") == "one&#10;two &amp; \\\\");
}

TEST_CASE("AppendQuoted escapes quotes and keeps a final backslash from eating the quote") {
  std::string out;
  AppendQuoted(out, "say \"hi\"");
  CHECK(out == "\"say \\\"hi\\\"\"");
  out.clear();
  AppendQuoted(out, "ends in \\\\");
  CHECK(out == "\"ends in \\\\\\\n\"");  // backslash-newline: a DOT line continuation
  out.clear();
  AppendQuoted(out, "");
  CHECK(out == "\"\"");
}

TEST_CASE("WrapText breaks at spaces, counts characters not bytes, and marks a cut") {
  CHECK(WrapText("the drill is not aimed at any third party", 12, 10) ==
        "the drill is\nnot aimed at\nany third\nparty");
  CHECK(WrapText("abcdefghij", 4, 10) == "abcd\nefgh\nij");
  CHECK(WrapText("one two three four", 8, 2) == "one two\nthree\xE2\x80\xA6");
  CHECK(WrapText("\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9", 7, 3) == "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9");
  CHECK(WrapText("keeps\nits breaks", 30, 3) == "keeps\nits breaks");
  CHECK(WrapText("", 10, 3) == "");
}

}  // namespace
}  // namespace claimgraph::render
