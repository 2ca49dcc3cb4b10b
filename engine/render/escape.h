// Turning arbitrary casefile text into Graphviz attribute values, and those into DOT text.
//
// Two layers of escaping, because Graphviz reads a label twice. (1) Label-like attributes
// (label, tooltip, URL, id) are "escString"s: Graphviz expands \N, \G, \n, \l, ... in them
// and, for plain-text labels, decodes HTML entities (&amp; -> &); an SVG URL is written out
// without escaping '&'. EscapeText makes a value that Graphviz shows exactly as written.
// Every '&' must be escaped, not only the bare ones: measured with Graphviz 2.42, a label or
// tooltip "&#1;" reaches the SVG as a raw U+0001 byte, which no XML parser reads, "&#x0;"
// becomes "&amp;", and a URL is copied into xlink:href with no escaping at all.
// (2) DOT quoting: the DOT lexer only understands \" inside a quoted string, so a value
// ending in a backslash would swallow its closing quote; AppendQuoted breaks the line there
// with a backslash-newline continuation, which the lexer drops.
#ifndef CLAIMGRAPH_RENDER_ESCAPE_H_
#define CLAIMGRAPH_RENDER_ESCAPE_H_

#include <string>
#include <string_view>

namespace claimgraph::render {

// The longest label and tooltip text shown, in bytes before escaping; longer text is cut at
// a character boundary and ends with "…". A label is wrapped to a few lines long before
// this (labels.h); the bound is for text that reaches a label unwrapped (a publisher's
// name on a cluster). A tooltip carries a whole title, quote and explanation, but no
// reader scrolls a tooltip of pages, and a 20 KB title once made DOT that dot could not read.
inline constexpr size_t kMaxLabelBytes = 1000;
inline constexpr size_t kMaxTooltipBytes = 4000;
// URLs longer than this are left out of a picture rather than cut into a wrong link: RFC 9110
// section 4.1 asks senders and recipients to support at least 8000 octets.
inline constexpr size_t kMaxUrlBytes = 8000;
// The longest run of bytes without a '"' or '\' that AppendQuoted writes on one line. dot
// 2.42's scanner fails on a quoted string with a run of more than 16,381 such bytes
// (measured: 16,381 reads, 16,382 fails with "syntax error ... scanning a quoted string
// (missing endquote? longer than 16384?)"); a backslash-newline, which it drops, resets it.
inline constexpr size_t kMaxDotRunBytes = 4096;

// `text` as a Graphviz escString that displays as `text`: invalid UTF-8 and the
// noncharacters U+FFFE and U+FFFF (which no XML document may carry) become U+FFFD, '\'
// becomes "\\", '&' becomes "&amp;", a newline becomes "\n" (a centred line break), other
// control characters become a space; cut to kMaxLabelBytes.
std::string EscapeText(std::string_view text);

// As EscapeText, but a newline becomes "&#10;": the tooltip line break that survives
// Graphviz's SVG writer and is read by browsers; cut to kMaxTooltipBytes.
std::string EscapeTooltip(std::string_view text);

// As EscapeText, never cut: an SVG element id must stay unique (casefile ids are at most
// 200 characters, so an edge's "kind:tail:head" id is at most about 1.6 KB).
std::string EscapeId(std::string_view id);

// `url` as a Graphviz URL attribute, or "" (no link) unless it is an absolute http(s) URL
// (model/uri.h) of at most kMaxUrlBytes. Graphviz 2.42 writes a URL into SVG's xlink:href
// without any escaping, so '&' is written "&amp;" here; RFC 3986 allows no '"', '<', '>' or
// '\' in a URL, so nothing else needs escaping and no escString sequence can start.
std::string EscapeUrl(std::string_view url);

// Appends `value` to `out` as a double-quoted DOT string that cgraph reads back as `value`,
// breaking the line (backslash-newline) after kMaxDotRunBytes bytes without a '"' or '\'.
// REQUIRES: `value` holds no newline character (EscapeText never produces one).
void AppendQuoted(std::string& out, std::string_view value);

// Breaks `text` into lines of at most `width` characters (UTF-8 code points) at spaces,
// breaking longer words; keeps at most `max_lines` lines, ending the last with "…" when
// text was cut. Lines are joined with '\n'.
std::string WrapText(std::string_view text, size_t width, size_t max_lines);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_ESCAPE_H_
