// Turning arbitrary casefile text into Graphviz attribute values, and those into DOT text.
//
// Two layers of escaping, because Graphviz reads a label twice. (1) Label-like attributes
// (label, tooltip, URL, id) are "escString"s: Graphviz expands \N, \G, \n, \l, ... in them
// and, for plain-text labels, decodes HTML entities (&amp; -> &); an SVG URL is written out
// without escaping '&'. EscapeText makes a value that Graphviz shows exactly as written.
// (2) DOT quoting: the DOT lexer only understands \" inside a quoted string, so a value
// ending in a backslash would swallow its closing quote; AppendQuoted breaks the line there
// with a backslash-newline continuation, which the lexer drops.
#ifndef CLAIMGRAPH_RENDER_ESCAPE_H_
#define CLAIMGRAPH_RENDER_ESCAPE_H_

#include <string>
#include <string_view>

namespace claimgraph::render {

// `text` as a Graphviz escString that displays as `text`: invalid UTF-8 becomes U+FFFD,
// '\' becomes "\\", '&' becomes "&amp;", a newline becomes "\n" (a centred line break),
// other control characters become a space.
std::string EscapeText(std::string_view text);

// As EscapeText, but a newline becomes "&#10;": the tooltip line break that survives
// Graphviz's SVG writer and is read by browsers.
std::string EscapeTooltip(std::string_view text);

// Appends `value` to `out` as a double-quoted DOT string that cgraph reads back as `value`.
// REQUIRES: `value` holds no newline character (EscapeText never produces one).
void AppendQuoted(std::string& out, std::string_view value);

// Breaks `text` into lines of at most `width` characters (UTF-8 code points) at spaces,
// breaking longer words; keeps at most `max_lines` lines, ending the last with "…" when
// text was cut. Lines are joined with '\n'.
std::string WrapText(std::string_view text, size_t width, size_t max_lines);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_ESCAPE_H_
