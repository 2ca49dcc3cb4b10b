// The checks behind the escaping fuzzers (tests/fuzz/escape_*_fuzzer.cpp) and the hostile
// input tests (tests/render_hostile_test.cpp, tests/export_hostile_test.cpp): each output
// language read back by a real parser of that language, and every element, attribute and
// link in it one that claimgraph means to write. Each returns "" when the output passes,
// otherwise what is wrong, so a test can print it and a fuzzer can abort on it.
#ifndef CLAIMGRAPH_TESTS_FUZZ_ESCAPE_CHECKS_H_
#define CLAIMGRAPH_TESTS_FUZZ_ESCAPE_CHECKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"

namespace claimgraph::testing {

// Text that breaks markup written without escaping: script and foreignObject elements,
// attribute breakouts with on* handlers, javascript: and data: URLs, CDATA ends, comment
// dashes, entities that are invalid in XML (&#x0;), control characters (NUL too), U+2028, U+FFFE,
// Graphviz's own escapes (\N, \G) and a trailing backslash.
std::vector<std::string> HostileStrings();

// A casefile (JSON text) with hostile strings in every free-text field and hostile ids,
// and with URLs that are valid but awkward (every RFC 3986 sub-delimiter, '&', "%22").
// `check` accepts it.
std::string HostileCasefile();
inline constexpr std::string_view kAwkwardUrl = "https://example.org/a'b(c)*d;e=f?x=1&y=%22&z=$!,+#top";

// A small case (2 entities, 3 sources, 2 claims, assertions, a citation, a verdict, a review)
// whose every free-text field, id and url is a piece of `input` split at NUL bytes, the
// pieces taken in turn and reused when they run out. Ids are made unique by a "#N" suffix;
// dates come from a fixed list, as the loader accepts no other.
CaseData CaseFromBytes(std::string_view input);

// SVG as Graphviz writes it for claimgraph: a well-formed document of svg, g, title, a,
// polygon, polyline, path, ellipse and text elements with their presentation attributes
// only (no script, no foreignObject, no on* handler, no style), every xlink:href an
// absolute http(s) URL.
std::string SvgProblem(std::string_view svg);

// GraphML and GEXF as export writes them: well-formed, the format's own elements and
// attributes only, one node element per node of `data` and one edge element per edge.
std::string GraphmlProblem(std::string_view text, const CaseData& data);
std::string GexfProblem(std::string_view text, const CaseData& data);

// JSON that RapidJSON parses (encoding validated). ClaimReview, which pages paste into a
// <script> element, must also hold no '<', '>', '&', U+2028 or U+2029 byte at all.
std::string JsonProblem(std::string_view json);
std::string ClaimReviewProblem(std::string_view json);

// The fuzz targets' whole checks on one input, "" when it passes:
// DOT: Render as DOT (plain, grouped by publisher, and with scores grouped by origin) is
// read back by cgraph (agmemread) to exactly the graph built in-process, every URL http(s).
std::string CheckDotEscaping(std::string_view input);
// SVG: rendered in-process by Graphviz, checked by SvgProblem.
std::string CheckSvgEscaping(std::string_view input);
// GraphML and GEXF, with scores: GraphmlProblem, GexfProblem.
std::string CheckXmlEscaping(std::string_view input);
// PROV-JSON and ClaimReview: JsonProblem, ClaimReviewProblem.
std::string CheckJsonEscaping(std::string_view input);

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_FUZZ_ESCAPE_CHECKS_H_
