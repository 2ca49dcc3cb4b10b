// UTF-8 well-formedness (RFC 3629), shared by the layers that write text for other tools:
// render (DOT labels) and export (JSON and XML). Inline because the DOT writer calls it per
// non-ASCII character on its hot path.
#ifndef CLAIMGRAPH_MODEL_UTF8_H_
#define CLAIMGRAPH_MODEL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimgraph {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence that starts at text[at], or 0 when it is
// not one: truncated, overlong, a surrogate, or above U+10FFFF (RFC 3629, section 4).
// When `code_point` is given and the sequence is well-formed, it receives its code point.
// REQUIRES: at < text.size()
inline size_t Utf8SequenceLength(std::string_view text, size_t at, uint32_t* code_point = nullptr) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[at + i]); };
  const uint8_t lead = byte(0);
  if (lead < 0x80) {
    if (code_point != nullptr) *code_point = lead;
    return 1;
  }
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  if (code_point != nullptr) {
    uint32_t value = lead & (0xFF >> (length + 1));
    for (size_t i = 1; i < length; ++i) value = (value << 6) | (byte(i) & 0x3F);
    *code_point = value;
  }
  return length;
}

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_UTF8_H_
