#include "ingest/utf8_stream.h"

#include <algorithm>
#include <cstring>

namespace claimgraph::ingest {

bool Utf8Checker::Add(std::string_view piece) {
  const auto* byte = reinterpret_cast<const unsigned char*>(piece.data());
  const auto* const end = byte + piece.size();
  while (valid_ && byte < end) {
    if (pending_ == 0) {
      // ASCII fast path: eight bytes at a time while none has its top bit set.
      while (end - byte >= 8) {
        uint64_t word;
        std::memcpy(&word, byte, sizeof word);
        if ((word & 0x8080808080808080ULL) != 0) break;
        byte += 8;
      }
      if (byte == end) break;
      const unsigned char lead = *byte++;
      if (lead < 0x80) continue;
      // Unicode 15, Table 3-7: the lead byte fixes the length and the second byte's range.
      low_ = 0x80;
      high_ = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        pending_ = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        pending_ = 2;
        if (lead == 0xE0) low_ = 0xA0;   // no overlong three-byte forms
        if (lead == 0xED) high_ = 0x9F;  // no surrogates
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        pending_ = 3;
        if (lead == 0xF0) low_ = 0x90;   // no overlong four-byte forms
        if (lead == 0xF4) high_ = 0x8F;  // nothing above U+10FFFF
      } else {
        valid_ = false;  // a continuation byte, C0/C1 (overlong) or F5..FF
      }
    } else {
      const unsigned char next = *byte++;
      if (next < low_ || next > high_) {
        valid_ = false;
      } else {
        --pending_;
        low_ = 0x80;
        high_ = 0xBF;
      }
    }
  }
  return valid_;
}

bool IsValidUtf8(std::string_view text) {
  Utf8Checker checker;
  checker.Add(text);
  return checker.Finish();
}

Utf8CheckedInsituFileStream::Utf8CheckedInsituFileStream(std::FILE* file, size_t buffer_size)
    : file_(file), buffer_(std::max<size_t>(buffer_size, 16)) {
  current_ = cut_ = buffer_.data();
  Refill();
}

void Utf8CheckedInsituFileStream::Refill() {
  if (end_ && cut_ == buffer_.data() + filled_ + 1) {
    current_ = cut_ - 1;  // taken past the end: stay on the NUL
    return;
  }
  // What the parser has taken is done with; the bytes after the cut move to the front.
  const size_t handed = static_cast<size_t>(cut_ - buffer_.data());
  const size_t kept = filled_ - handed;
  std::memmove(buffer_.data(), cut_, kept);
  count_ += handed;
  filled_ = kept;
  for (;;) {
    size_t line_end = kept;  // search the new bytes only: the kept ones hold no line feed
    if (!end_) {
      // One byte is kept back for the terminating NUL that marks the end for the parser.
      if (filled_ + 1 >= buffer_.size()) buffer_.resize(buffer_.size() * 2);
      const size_t read = std::fread(buffer_.data() + filled_, 1, buffer_.size() - 1 - filled_, file_);
      if (!checker_.Add(std::string_view(buffer_.data() + filled_, read))) {
        utf8_valid_ = false;  // end the stream here: the parse fails and the error path takes over
        filled_ = 0;
        end_ = true;
      } else {
        line_end = filled_;
        filled_ += read;
        if (read == 0) {
          end_ = true;
          if (!checker_.Finish()) utf8_valid_ = false;
        }
      }
    }
    size_t cut = filled_;  // just after the last line feed among the new bytes
    if (!end_) {
      while (cut > line_end && buffer_[cut - 1] != '\n') --cut;
      if (cut == line_end) continue;  // a line longer than the buffer: read on
    }
    current_ = buffer_.data();
    cut_ = buffer_.data() + cut;
    if (end_) {
      // The NUL after the last byte is what Peek sees at the end; Take never passes it.
      buffer_[filled_] = '\0';
      cut_ = buffer_.data() + filled_ + 1;
    }
    return;
  }
}

}  // namespace claimgraph::ingest
