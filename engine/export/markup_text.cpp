#include "export/markup_text.h"

#include <charconv>
#include <cstdint>

#include "model/utf8.h"

namespace claimgraph::exporting {

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      out += kReplacementCharacter;
      ++at;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    uint32_t code_point = 0;
    size_t length = Utf8SequenceLength(text, at, &code_point);
    if (length == 0) {
      out += kReplacementCharacter;
      ++at;
      continue;
    }
    switch (code_point) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (code_point < 0x20 || code_point == 0xFFFE || code_point == 0xFFFF) {
          out += kReplacementCharacter;
        } else {
          out.append(text.substr(at, length));
        }
    }
    at += length;
  }
  return out;
}

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t at = 0; at < json.size(); ++at) {
    const char c = json[at];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && json.substr(at, 3) == "\xE2\x80\xA8") {
      out += "\\u2028";
      at += 2;
    } else if (c == '\xE2' && json.substr(at, 3) == "\xE2\x80\xA9") {
      out += "\\u2029";
      at += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ShortestNumber(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string ShortestNumber(float value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace claimgraph::exporting
