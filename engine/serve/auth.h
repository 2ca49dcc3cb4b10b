// Internal to the serve layer: who may read and who may write. A tokens file gives one token
// per line, `NAME TOKEN [read|write]` (write, the default, also reads); '#' starts a comment
// line. The token's NAME is the author the audit trail records. Tokens are compared in
// constant time, so a timing side channel does not reveal how much of a guess was right.
#ifndef CLAIMGRAPH_SERVE_AUTH_H_
#define CLAIMGRAPH_SERVE_AUTH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::serve {

struct AccessToken {
  std::string name;
  std::string token;  // at least 16 characters, no whitespace
  bool can_write = true;
};

// The tokens in `text` (named `file` in messages: "tokens.txt:3: ..."). Fails on a line that
// is not NAME TOKEN [read|write], a token shorter than 16 characters, or a name or token given
// twice.
Result<std::vector<AccessToken>> ParseTokens(std::string_view text, std::string_view file);

// The token whose secret equals the Bearer credential of `authorization` (RFC 6750 section
// 2.1: "Bearer TOKEN"), or nullopt. Every token is compared, each in constant time.
std::optional<AccessToken> Authenticate(const std::vector<AccessToken>& tokens,
                                        std::optional<std::string_view> authorization);

// True when `left` equals `right`, in time that depends on their lengths only.
bool ConstantTimeEquals(std::string_view left, std::string_view right);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_AUTH_H_
