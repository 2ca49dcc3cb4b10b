#include "serve/auth.h"

#include <set>

namespace claimgraph::serve {
namespace {

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    size_t end = at;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > at) words.push_back(line.substr(at, end - at));
    at = end;
  }
  return words;
}

}  // namespace

bool ConstantTimeEquals(std::string_view left, std::string_view right) {
  // Every byte is looked at whatever the first difference: the loop's time leaks the length
  // only (tokens have no secret length worth hiding beyond the 16-character minimum).
  unsigned char difference = left.size() == right.size() ? 0 : 1;
  const size_t length = left.size() < right.size() ? left.size() : right.size();
  for (size_t i = 0; i < length; ++i) difference |= static_cast<unsigned char>(left[i] ^ right[i]);
  return difference == 0;
}

Result<std::vector<AccessToken>> ParseTokens(std::string_view text, std::string_view file) {
  std::vector<AccessToken> tokens;
  std::set<std::string> names, secrets;
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::vector<std::string_view> words = Words(line);
    if (words.empty() || words.front().front() == '#') continue;
    const std::string where = std::string(file) + ":" + std::to_string(line_number) + ": ";
    if (words.size() < 2 || words.size() > 3 || (words.size() == 3 && words[2] != "read" && words[2] != "write")) {
      return Status::Error(where + "expected NAME TOKEN [read|write]");
    }
    AccessToken token{std::string(words[0]), std::string(words[1]), words.size() < 3 || words[2] == "write"};
    if (token.token.size() < 16) return Status::Error(where + "the token of '" + token.name + "' is shorter than 16 characters");
    if (!names.insert(token.name).second) return Status::Error(where + "the name '" + token.name + "' is given twice");
    if (!secrets.insert(token.token).second) return Status::Error(where + "this token is given twice");
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::optional<AccessToken> Authenticate(const std::vector<AccessToken>& tokens,
                                        std::optional<std::string_view> authorization) {
  if (!authorization) return std::nullopt;
  std::string_view value = *authorization;
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size() - 1; ++i) {  // the scheme is case-insensitive (RFC 9110 11.1)
    const char lower = value[i] >= 'A' && value[i] <= 'Z' ? static_cast<char>(value[i] + 32) : value[i];
    if (lower != "bearer"[i]) return std::nullopt;
  }
  if (value[kScheme.size() - 1] != ' ') return std::nullopt;
  std::string_view credential = value.substr(kScheme.size());
  std::optional<AccessToken> found;
  for (const AccessToken& token : tokens) {
    if (ConstantTimeEquals(token.token, credential) && !found) found = token;
  }
  return found;
}

}  // namespace claimgraph::serve
