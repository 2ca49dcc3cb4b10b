// The checks behind the report's escaping fuzzer (tests/fuzz/escape_html_fuzzer.cpp) and
// tests/report_*_test.cpp: the report read back by a real XML parser (it is written as
// polyglot HTML, engine/report/html_text.h), every element and attribute in it one the
// report means to write, and nothing in it that loads or runs anything.
#ifndef CLAIMGRAPH_TESTS_FUZZ_REPORT_CHECKS_H_
#define CLAIMGRAPH_TESTS_FUZZ_REPORT_CHECKS_H_

#include <string>
#include <string_view>

#include "claimgraph/model.h"

namespace claimgraph::testing {

// The Content-Security-Policy the report must carry, exactly.
inline constexpr std::string_view kReportPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

// "" when `html` is a report of `data` that loads nothing and runs nothing; otherwise what is
// wrong. Checked: well-formed; only the report's HTML elements and Graphviz's SVG elements,
// with their own attributes and no on* handler, style attribute, src, srcset, action,
// poster or data attribute; no <link>, <img>, <iframe>, <object>, <embed>, <foreignObject>;
// the one <script> is application/ld+json holding ClaimReview without a raw '<', '>', '&',
// U+2028 or U+2029; the CSP <meta> comes first in <head> and is kReportPolicy; the style
// sheet has no @import, url( or '<'; every id is unique; every href is either "#ID" of an
// element of the page or an absolute http(s) URL that is a url of `data` (a source's, an
// entity's, a verdict's or the review author's) on an <a>, and every HTML <a> to one
// carries rel="noopener noreferrer".
std::string ReportProblem(std::string_view html, const CaseData& data);

// The fuzz target's whole check: the input made a case (CaseFromBytes), its report built
// with a review url, checked by ReportProblem.
std::string CheckHtmlEscaping(std::string_view input);

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_FUZZ_REPORT_CHECKS_H_
