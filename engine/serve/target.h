// Internal to the serve layer: reading a request-target (RFC 9112 section 3.2, origin-form)
// into path segments and query parameters, percent-decoded (RFC 3986 section 2.1). Every
// decoded piece must be UTF-8 without control characters; a segment may not decode to one
// holding '/' or '\', nor be "." or "..": a record id is never read as a path.
#ifndef CLAIMGRAPH_SERVE_TARGET_H_
#define CLAIMGRAPH_SERVE_TARGET_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::serve {

struct RequestTarget {
  std::string path;                   // as sent, before decoding ("/api/claims/c%201")
  std::vector<std::string> segments;  // decoded: {"api", "claims", "c 1"}; "/" is {}
  std::multimap<std::string, std::string> query;  // decoded; '+' is a space (HTML forms)
  // The last value of `name`, or `fallback`.
  std::string Value(const std::string& name, const std::string& fallback = "") const;
  bool Has(const std::string& name) const { return query.count(name) > 0; }
};

// Fails with a message naming the offending piece and what is wrong with it.
Result<RequestTarget> ParseTarget(std::string_view target);

// True when `text` is well-formed UTF-8 (RFC 3629).
bool IsUtf8(std::string_view text);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_TARGET_H_
