// Internal to the serve layer: an HTTP exchange as plain values, with no socket in sight, so
// that the whole API is tested in-process (tests/serve_*_test.cpp) and fuzzed
// (tests/fuzz/serve_request_fuzzer.cpp); engine/serve/httplib_adapter.cpp is the only file
// that turns these into and out of a real connection.
#ifndef CLAIMGRAPH_SERVE_HTTP_MESSAGE_H_
#define CLAIMGRAPH_SERVE_HTTP_MESSAGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::serve {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  // The request-target exactly as sent ("/api/claims?verdict=corroborated"): still
  // percent-encoded, so that an id holding an encoded '/' is seen and refused.
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // names in any case
  std::string body;
  // The header's value (names compared ignoring ASCII case), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides the security headers
  std::string body;
  std::optional<std::string_view> Header(std::string_view name) const;
  void SetHeader(std::string name, std::string value);
};

// True when both are equal ignoring ASCII case (header names, RFC 9110 section 5.1).
bool EqualsIgnoringCase(std::string_view left, std::string_view right);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_HTTP_MESSAGE_H_
