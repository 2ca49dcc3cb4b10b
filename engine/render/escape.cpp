#include "render/escape.h"

#include <cstdint>
#include <vector>

#include "model/uri.h"
#include "model/utf8.h"

namespace claimgraph::render {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

// Printable ASCII that Escape copies unchanged.
bool IsPlain(char c) {
  const auto byte = static_cast<uint8_t>(c);
  return byte >= 0x20 && byte < 0x7F && c != '\\' && c != '&';
}

// How many bytes of `text` to keep so that, with "…" after them, at most `max_bytes` are
// shown; text.size() when it fits. Never cuts inside a UTF-8 sequence.
size_t KeptBytes(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  size_t keep = max_bytes - kEllipsis.size();
  while (keep > 0 && (static_cast<uint8_t>(text[keep]) & 0xC0) == 0x80) --keep;
  return keep;
}

std::string Escape(std::string_view whole, std::string_view line_break, size_t max_bytes) {
  const std::string_view text = whole.substr(0, KeptBytes(whole, max_bytes));
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t at = 0;
  while (at < text.size()) {
    // Copy a run of plain characters at once: most labels are nothing else, and a million
    // edges' tooltips made this loop a third of writing a large graph's DOT.
    size_t run = at;
    while (run < text.size() && IsPlain(text[run])) ++run;
    out.append(text.data() + at, run - at);
    at = run;
    if (at == text.size()) break;
    const char c = text[at];
    const size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      out += kReplacementCharacter;
      ++at;
      continue;
    }
    if (length == 3 && (text.substr(at, 3) == "\xEF\xBF\xBE" || text.substr(at, 3) == "\xEF\xBF\xBF")) {
      out += kReplacementCharacter;  // U+FFFE, U+FFFF: not XML 1.0 characters (section 2.2)
    } else if (length > 1) {
      out.append(text.substr(at, length));
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n') {
      out += line_break;
    } else if (static_cast<uint8_t>(c) < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
    at += length;
  }
  if (text.size() < whole.size()) out += kEllipsis;
  return out;
}

}  // namespace

std::string EscapeText(std::string_view text) { return Escape(text, "\\n", kMaxLabelBytes); }

std::string EscapeTooltip(std::string_view text) { return Escape(text, "&#10;", kMaxTooltipBytes); }

std::string EscapeId(std::string_view id) { return Escape(id, "\\n", id.size()); }

std::string EscapeUrl(std::string_view url) {
  if (url.size() > kMaxUrlBytes || !IsHttpUrl(url)) return "";
  std::string out;
  out.reserve(url.size() + 16);
  for (char c : url) {
    if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

void AppendQuoted(std::string& out, std::string_view value) {
  out += '"';
  size_t copied = 0;     // value[0, copied) is in `out`
  size_t run_start = 0;  // where the current run of bytes other than '"' and '\\' began
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"' || c == '\\') {
      if (c == '"') {
        out.append(value.substr(copied, i - copied));
        out += "\\\"";
        copied = i + 1;
      }
      run_start = i + 1;
    } else if (i - run_start >= kMaxDotRunBytes && (static_cast<uint8_t>(c) & 0xC0) != 0x80) {
      // A line continuation before this character (never inside a UTF-8 sequence, never
      // after a '\\', which would escape it): the scanner drops it and starts a new run.
      out.append(value.substr(copied, i - copied));
      out += "\\\n";
      copied = i;
      run_start = i;
    }
  }
  out.append(value.substr(copied));
  if (!value.empty() && value.back() == '\\') out += "\\\n";
  out += '"';
}

std::string WrapText(std::string_view text, size_t width, size_t max_lines) {
  // A text of at most `width` bytes (so at most as many code points) on one line, with no
  // space to trim at either end, comes out unchanged: skip splitting it.
  if (text.size() <= width && max_lines >= 1 && text.find('\n') == std::string_view::npos &&
      (text.empty() || (text.front() != ' ' && text.back() != ' '))) {
    return std::string(text);
  }
  // Split into code points so that widths count characters, not bytes.
  std::vector<std::string_view> points;
  for (size_t at = 0; at < text.size();) {
    size_t length = Utf8SequenceLength(text, at);
    if (length == 0) length = 1;  // EscapeText replaces it later
    points.push_back(text.substr(at, length));
    at += length;
  }
  std::vector<std::string> lines(1);
  std::vector<size_t> widths(1, 0);
  size_t i = 0;
  while (i < points.size()) {
    if (points[i] == "\n") {
      lines.emplace_back();
      widths.push_back(0);
      ++i;
      continue;
    }
    if (points[i] == " ") {
      if (widths.back() > 0 && widths.back() < width) {
        lines.back() += ' ';
        ++widths.back();
      }
      ++i;
      continue;
    }
    size_t end = i;  // the word is points[i, end)
    while (end < points.size() && points[end] != " " && points[end] != "\n") ++end;
    size_t word = end - i;
    if (widths.back() > 0 && widths.back() + word > width) {
      while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
      lines.emplace_back();
      widths.push_back(0);
    }
    for (; i < end; ++i) {
      if (widths.back() == width) {  // a word longer than a line: break it
        lines.emplace_back();
        widths.push_back(0);
      }
      lines.back() += points[i];
      ++widths.back();
    }
  }
  std::string out;
  for (size_t line = 0; line < lines.size() && line < max_lines; ++line) {
    if (line > 0) out += '\n';
    std::string_view content = lines[line];
    while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
    out += content;
  }
  if (lines.size() > max_lines) out += kEllipsis;
  return out;
}

}  // namespace claimgraph::render
