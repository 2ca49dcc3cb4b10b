// The one definition of a URL that claimgraph accepts: an absolute http or https URI by the
// grammar of RFC 3986 (section 3 and Appendix A), with the two rules RFC 9110 adds for these
// schemes (section 4.2): a non-empty host, and no userinfo ("user@"), which only serves to
// disguise the real host. The loader rejects anything else, the importers percent-encode
// what can be encoded, and the writers put nothing else into a link, so no value in a
// casefile becomes a `javascript:` link or breaks out of an SVG attribute.
#ifndef CLAIMGRAPH_MODEL_URI_H_
#define CLAIMGRAPH_MODEL_URI_H_

#include <optional>
#include <string>
#include <string_view>

namespace claimgraph {

// Empty when `text` is an absolute http(s) URL; otherwise what is wrong with it, a sentence
// fragment that follows the quoted URL in a message ("is not an absolute http(s) URL:
// character '"' at offset 22 is not allowed by RFC 3986"). Offsets count bytes from 1, as
// columns do. The scheme is case-insensitive (RFC 3986 section 3.1).
std::string HttpUrlProblem(std::string_view text);

inline bool IsHttpUrl(std::string_view text) { return HttpUrlProblem(text).empty(); }

// For importers, whose URL columns come from the web as typed: `text` without surrounding
// whitespace, with every byte that RFC 3986 allows nowhere in a URI percent-encoded (space,
// '"', '<', '>', '\', '^', '`', '{', '|', '}', control characters, and each byte of a
// non-ASCII character, which gives its UTF-8 percent-encoding), '%' that starts no
// percent-encoding written as %25, '[' and ']' outside the host and every '#' after the
// first encoded too. nullopt when the result is still not an absolute http(s) URL (another
// scheme, no host, a userinfo, a bad port or IP literal): that is not a URL to keep.
std::optional<std::string> EncodeHttpUrl(std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_URI_H_
