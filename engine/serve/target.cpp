#include "serve/target.h"

#include "export/markup_text.h"

namespace claimgraph::serve {
namespace {

int HexValue(char character) {
  if (character >= '0' && character <= '9') return character - '0';
  if (character >= 'a' && character <= 'f') return character - 'a' + 10;
  if (character >= 'A' && character <= 'F') return character - 'A' + 10;
  return -1;
}

// Decodes `text`; `plus_is_space` for query parameters. Fails on a '%' not followed by two
// hex digits, on a result that is not UTF-8, and on control characters.
Result<std::string> Decode(std::string_view text, bool plus_is_space, std::string_view what) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char character = text[i];
    if (character == '%') {
      const int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return Status::Error(std::string(what) + ": '%' at offset " + std::to_string(i + 1) +
                             " does not start a percent-encoding (%XX)");
      }
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (character == '+' && plus_is_space) {
      decoded += ' ';
    } else {
      decoded += character;
    }
  }
  if (!IsUtf8(decoded)) return Status::Error(std::string(what) + " is not UTF-8 once decoded");
  for (unsigned char character : decoded) {
    if (character < 0x20 || character == 0x7F) {
      return Status::Error(std::string(what) + " holds a control character once decoded");
    }
  }
  return decoded;
}

}  // namespace

bool IsUtf8(std::string_view text) { return exporting::ValidUtf8(text) == text; }

std::string RequestTarget::Value(const std::string& name, const std::string& fallback) const {
  auto range = query.equal_range(name);
  if (range.first == range.second) return fallback;
  return std::prev(range.second)->second;
}

Result<RequestTarget> ParseTarget(std::string_view target) {
  RequestTarget parsed;
  if (target.empty() || target.front() != '/') {
    return Status::Error("the request target must be a path beginning with '/'");
  }
  const size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  const size_t hash = path.find('#');
  if (hash != std::string_view::npos) path = path.substr(0, hash);
  parsed.path = std::string(path);
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view raw = path.substr(start, end - start);
    if (raw.empty() && end == path.size()) break;  // "/" or a trailing '/'
    if (raw.empty()) return Status::Error("the path '" + parsed.path + "' has an empty segment ('//')");
    Result<std::string> segment = Decode(raw, false, "the path segment '" + std::string(raw) + "'");
    if (!segment.ok()) return segment.status();
    const std::string& text = segment.value();
    if (text == "." || text == "..") return Status::Error("the path segment '" + text + "' is not allowed");
    if (text.find_first_of("/\\") != std::string::npos) {
      return Status::Error("the path segment '" + std::string(raw) + "' decodes to one holding '" +
                           std::string(1, text[text.find_first_of("/\\")]) +
                           "': ids with path characters cannot be named in a URL");
    }
    parsed.segments.push_back(text);
    start = end + 1;
  }
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    std::string_view raw_name = pair.substr(0, equals);
    std::string_view raw_value = equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    Result<std::string> name = Decode(raw_name, true, "the query parameter '" + std::string(raw_name) + "'");
    if (!name.ok()) return name.status();
    Result<std::string> value = Decode(raw_value, true, "the value of query parameter '" + name.value() + "'");
    if (!value.ok()) return value.status();
    parsed.query.emplace(std::move(name.value()), std::move(value.value()));
  }
  return parsed;
}

}  // namespace claimgraph::serve
