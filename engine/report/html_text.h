// Internal to the report layer: casefile text made safe for the report's HTML. The report
// is written as polyglot markup (HTML5 that is also well-formed XML), so that the same
// escaping serves text and attribute values, and a test can read the page back with an
// XML parser and list every element, attribute and link in it.
#ifndef CLAIMGRAPH_REPORT_HTML_TEXT_H_
#define CLAIMGRAPH_REPORT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace claimgraph::report {

// `text` escaped for HTML text and double- or single-quoted attribute values: '&', '<',
// '>', '"' and '\'' as references, invalid UTF-8 and the characters XML cannot carry as
// U+FFFD (exporting::XmlEscape), and U+2028 and U+2029 as &#8232; and &#8233;, so that
// no line terminator reaches a script context by copy and paste.
std::string HtmlText(std::string_view text);

// `text` with U+2028 and U+2029 written as &#8232; and &#8233;, the rest as it is.
std::string LineSeparatorsAsReferences(std::string_view text);

// JSON text for the report's <script type="application/ld+json"> element:
// exporting::ScriptSafeJson (no '<', '>', '&', U+2028, U+2029), and the noncharacters
// U+FFFE and U+FFFF, which HTML calls a parse error and XML cannot carry, as \ufffe and
// \uffff. JSON has non-ASCII characters only inside strings, so the data is the same.
// REQUIRES: `json` is JSON text in UTF-8.
std::string ScriptDataText(std::string_view json);

// An href for `url`: the escaped URL when model/uri.h accepts it as an absolute http(s)
// URL, otherwise "" (the caller shows the text and makes no link). A `javascript:` or
// `data:` URL, or one with a quote in it, can never become a link.
std::string LinkTarget(std::string_view url);

// `<a href="URL" rel="noopener noreferrer">TEXT</a>` for a valid URL, else TEXT alone
// (both escaped). `text` "" shows the URL itself.
std::string Link(std::string_view url, std::string_view text = "");

// The id of a claim's section and the fragment that links to it: "claim-" and the id
// percent-encoded as ProvLocalName does (ASCII letters, digits, '-' and '_' kept), the
// same fragment that `export claimreview --review-url` appends, so the ClaimReview urls
// point into this page.
std::string ClaimAnchor(std::string_view claim_id);

}  // namespace claimgraph::report

#endif  // CLAIMGRAPH_REPORT_HTML_TEXT_H_
