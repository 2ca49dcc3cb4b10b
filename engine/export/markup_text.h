// Text helpers shared by the exporters: every string that reaches a JSON or XML output goes
// through here, so that a hostile title (quotes, markup, control characters, broken UTF-8)
// cannot break the document.
#ifndef CLAIMGRAPH_EXPORT_MARKUP_TEXT_H_
#define CLAIMGRAPH_EXPORT_MARKUP_TEXT_H_

#include <string>
#include <string_view>

namespace claimgraph::exporting {

// `text` with every byte sequence that is not well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF) replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// `text` escaped for XML 1.0 character data and attribute values (&, <, >, ", '). The
// control characters XML 1.0 cannot carry at all, not even as references (U+0000 to
// U+001F except tab, line feed, carriage return; U+FFFE, U+FFFF), become U+FFFD. Tab, line
// feed and carriage return are written as references (&#9; &#10; &#13;): in an attribute
// value a parser would otherwise turn them into spaces (XML 1.0 section 3.3.3).
std::string XmlEscape(std::string_view text);

// JSON text made safe to paste into an HTML <script> element, as ClaimReview is: every '<',
// '>' and '&' becomes \u003c, \u003e, \u0026 (so no "</script>", "<!--" or "]]>" can end or
// change the element), and U+2028 and U+2029 become \u2028 and \u2029 (line terminators in
// JavaScript before ES2019). Outside strings JSON has none of these, so the document means
// the same. REQUIRES: `json` is JSON text in UTF-8.
std::string ScriptSafeJson(std::string_view json);

// The shortest decimal text that reads back as the same double ("0.6", "1").
std::string ShortestNumber(double value);
// The same for a float ("0.9", not "0.8999999761581421").
std::string ShortestNumber(float value);

}  // namespace claimgraph::exporting

#endif  // CLAIMGRAPH_EXPORT_MARKUP_TEXT_H_
