// Internal to the report layer: a Graphviz SVG document made fit to sit inside the
// report's HTML beside others of its kind.
#ifndef CLAIMGRAPH_REPORT_INLINE_SVG_H_
#define CLAIMGRAPH_REPORT_INLINE_SVG_H_

#include <string>
#include <string_view>

namespace claimgraph::report {

// `svg` (a whole document from Render) as an <svg> element for an HTML page:
// - the XML declaration, the DOCTYPE and every comment are dropped (HTML has no use for
//   them, and a DOCTYPE inside <body> is a parse error);
// - every id="X" becomes id="PREFIXX", and every reference to one ("#X" in an href,
//   "url(#X)" in a value) follows. Graphviz numbers its ids from 1 in every picture
//   ("graph0", "a_node1"), and claimgraph names nodes by casefile id, so two pictures of
//   one page would otherwise share ids, and a reference could land in the wrong picture;
// - the root element gets role="img" and aria-label="LABEL" (escaped here), which screen
//   readers announce instead of reading out every node's text.
// REQUIRES: `svg` is well-formed SVG as Graphviz writes it (attribute values quoted with
// '"', no '<' or '>' inside a value) and `prefix` is made of ASCII letters, digits and '-'.
std::string InlineSvg(std::string_view svg, std::string_view prefix, std::string_view label);

}  // namespace claimgraph::report

#endif  // CLAIMGRAPH_REPORT_INLINE_SVG_H_
