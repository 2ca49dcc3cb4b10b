#include "model/uri.h"

#include <cstdint>

#include "model/utf8.h"

namespace claimgraph {
namespace {

constexpr std::string_view kNotHttpUrl = "is not an absolute http(s) URL: ";
constexpr char kHexDigits[] = "0123456789ABCDEF";

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The character classes of RFC 3986 section 2.
bool IsUnreserved(char c) { return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
bool IsSubDelimiter(char c) { return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos; }
// pchar (section 3.3) without pct-encoded, which CheckComponent handles.
bool IsPathCharacter(char c) { return IsUnreserved(c) || IsSubDelimiter(c) || c == ':' || c == '@'; }
bool IsRegisteredNameCharacter(char c) { return IsUnreserved(c) || IsSubDelimiter(c); }
// query and fragment (sections 3.4 and 3.5).
bool IsQueryCharacter(char c) { return IsPathCharacter(c) || c == '/' || c == '?'; }

std::string Offset(size_t at) { return std::to_string(at + 1); }

std::string CharacterProblem(std::string_view text, size_t at) {
  const char c = text[at];
  const auto byte = static_cast<uint8_t>(c);
  std::string shown;
  std::string hint;
  if (byte < 0x80) {
    shown = "character '" + std::string(1, c) + "'";
    if (c == '#') hint = " (a URL has one fragment: write '#' inside it as %23)";
    if (c == '[' || c == ']') hint = " (brackets only enclose an IP address in the host)";
  } else if (const size_t length = Utf8SequenceLength(text, at); length > 0) {
    shown = "character '" + std::string(text.substr(at, length)) + "'";
    hint = " (percent-encode it: ";
    for (size_t i = at; i < at + length; ++i) {
      const auto part = static_cast<uint8_t>(text[i]);
      hint += {'%', kHexDigits[part >> 4], kHexDigits[part & 0xF]};
    }
    hint += ")";
  } else {
    shown = std::string("byte 0x") + kHexDigits[byte >> 4] + kHexDigits[byte & 0xF];
  }
  return std::string(kNotHttpUrl) + shown + " at offset " + Offset(at) + " is not allowed by RFC 3986" + hint;
}

// Checks text[begin, end): each character `allowed`, or a well-formed percent-encoding.
template <typename Allowed>
std::string CheckComponent(std::string_view text, size_t begin, size_t end, Allowed allowed) {
  for (size_t at = begin; at < end; ++at) {
    if (text[at] == '%') {
      if (at + 2 < end && IsHexDigit(text[at + 1]) && IsHexDigit(text[at + 2])) {
        at += 2;
        continue;
      }
      return std::string(kNotHttpUrl) + "'%' at offset " + Offset(at) +
             " does not start a percent-encoding (two hexadecimal digits must follow; write '%' "
             "itself as %25)";
    }
    if (!allowed(text[at])) return CharacterProblem(text, at);
  }
  return "";
}

// dec-octet "." dec-octet "." dec-octet "." dec-octet, with no leading zeros (section 3.2.2).
bool IsIpv4Address(std::string_view text) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    int value = 0;
    for (char c : part) {
      if (!IsDigit(c)) return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) return parts == 4;
    start = dot + 1;
  }
}

// Counts the h16 groups of one side of "::" (an IPv4 address at the end counts two).
bool CountGroups(std::string_view text, bool may_end_in_ipv4, int& groups) {
  groups = 0;
  if (text.empty()) return true;
  size_t start = 0;
  while (true) {
    const size_t colon = text.find(':', start);
    const std::string_view group =
        text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
    if (colon == std::string_view::npos && may_end_in_ipv4 && group.find('.') != std::string_view::npos) {
      groups += 2;
      return IsIpv4Address(group);
    }
    if (group.empty() || group.size() > 4) return false;
    for (char c : group) {
      if (!IsHexDigit(c)) return false;
    }
    ++groups;
    if (colon == std::string_view::npos) return true;
    start = colon + 1;
  }
}

// IPv6address of section 3.2.2: eight groups, or fewer with one "::" standing for the rest.
bool IsIpv6Address(std::string_view text) {
  const size_t elision = text.find("::");
  int left = 0, right = 0;
  if (elision == std::string_view::npos) return CountGroups(text, true, left) && left == 8;
  if (text.find("::", elision + 1) != std::string_view::npos) return false;
  return CountGroups(text.substr(0, elision), false, left) &&
         CountGroups(text.substr(elision + 2), true, right) && left + right <= 7;
}

// IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).
bool IsIpFuture(std::string_view text) {
  if (text.size() < 4 || (text[0] != 'v' && text[0] != 'V')) return false;
  size_t at = 1;
  while (at < text.size() && IsHexDigit(text[at])) ++at;
  if (at == 1 || at + 1 >= text.size() || text[at] != '.') return false;
  for (++at; at < text.size(); ++at) {
    if (!IsRegisteredNameCharacter(text[at]) && text[at] != ':') return false;
  }
  return true;
}

// authority = host [ ":" port ], text[begin, end), the userinfo already refused.
std::string CheckAuthority(std::string_view text, size_t begin, size_t end) {
  size_t host_end = begin;
  if (text[begin] == '[') {
    const size_t close = text.find(']', begin);
    if (close == std::string_view::npos || close >= end) {
      return std::string(kNotHttpUrl) + "'[' at offset " + Offset(begin) + " has no closing ']'";
    }
    const std::string_view literal = text.substr(begin + 1, close - begin - 1);
    if (!IsIpv6Address(literal) && !IsIpFuture(literal)) {
      return std::string(kNotHttpUrl) + "'[" + std::string(literal) + "]' at offset " + Offset(begin) +
             " is not an IPv6 address (RFC 3986 section 3.2.2)";
    }
    host_end = close + 1;
    if (host_end < end && text[host_end] != ':') return CharacterProblem(text, host_end);
  } else {
    while (host_end < end && text[host_end] != ':') ++host_end;
    if (std::string problem = CheckComponent(text, begin, host_end, IsRegisteredNameCharacter);
        !problem.empty()) {
      return problem;
    }
  }
  if (host_end == begin) return "is not a valid URL: it has no host name after the scheme";
  if (host_end == end) return "";
  // port = *DIGIT (section 3.2.3); TCP ports stop at 65535.
  long port = 0;
  for (size_t at = host_end + 1; at < end; ++at) {
    if (!IsDigit(text[at])) {
      return std::string(kNotHttpUrl) + "the port at offset " + Offset(host_end + 1) +
             " must be digits only, not '" + std::string(text.substr(host_end + 1, end - host_end - 1)) + "'";
    }
    port = port * 10 + (text[at] - '0');
    if (port > 65535) {
      return std::string(kNotHttpUrl) + "the port at offset " + Offset(host_end + 1) + " is above 65535";
    }
  }
  return "";
}

size_t SchemeLength(std::string_view text) {
  auto starts_with = [&](std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (starts_with("https://")) return 8;
  if (starts_with("http://")) return 7;
  return 0;
}

}  // namespace

std::string HttpUrlProblem(std::string_view text) {
  const size_t authority = SchemeLength(text);
  if (authority == 0) return "is not an absolute http or https URL (it must start with http:// or https://)";
  for (char c : text) {
    const auto byte = static_cast<uint8_t>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      return "is not a valid URL: it contains a space or control character (write spaces as %20)";
    }
  }
  size_t path = text.find_first_of("/?#", authority);
  if (path == std::string_view::npos) path = text.size();
  if (path == authority) return "is not a valid URL: it has no host name after the scheme";
  if (const size_t at = text.find('@', authority); at < path) {
    return std::string(kNotHttpUrl) + "a user name before '@' at offset " + Offset(at) +
           " is not allowed (RFC 9110 section 4.2.4: it can disguise the real host)";
  }
  if (std::string problem = CheckAuthority(text, authority, path); !problem.empty()) return problem;
  size_t query = text.find_first_of("?#", path);
  if (query == std::string_view::npos) query = text.size();
  const auto is_path = [](char c) { return IsPathCharacter(c) || c == '/'; };
  if (std::string problem = CheckComponent(text, path, query, is_path); !problem.empty()) return problem;
  if (query == text.size()) return "";
  // A second '#' is not a query or fragment character: CheckComponent reports it.
  const size_t fragment = text.find('#', query);
  if (text[query] == '?') {
    const size_t query_end = fragment == std::string_view::npos ? text.size() : fragment;
    if (std::string problem = CheckComponent(text, query + 1, query_end, IsQueryCharacter); !problem.empty()) {
      return problem;
    }
  }
  if (fragment == std::string_view::npos) return "";
  return CheckComponent(text, fragment + 1, text.size(), IsQueryCharacter);
}

std::optional<std::string> EncodeHttpUrl(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  const size_t scheme_end = text.find("://");
  const size_t authority = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  size_t authority_end = text.find_first_of("/?#", authority);
  if (authority_end == std::string_view::npos) authority_end = text.size();
  std::string out;
  out.reserve(text.size());
  bool in_fragment = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    bool keep = false;
    if (c == '%') {
      keep = at + 2 < text.size() && IsHexDigit(text[at + 1]) && IsHexDigit(text[at + 2]);
    } else if (c == '[' || c == ']') {
      keep = at >= authority && at < authority_end;
    } else if (c == '#') {
      keep = !in_fragment;
      in_fragment = true;
    } else {
      keep = IsUnreserved(c) || IsSubDelimiter(c) || c == ':' || c == '/' || c == '?' || c == '@';
    }
    if (keep) {
      out += c;
    } else {
      const auto byte = static_cast<uint8_t>(c);
      out += {'%', kHexDigits[byte >> 4], kHexDigits[byte & 0xF]};
    }
  }
  if (!IsHttpUrl(out)) return std::nullopt;
  return out;
}

}  // namespace claimgraph
