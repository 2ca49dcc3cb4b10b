// UTF-8 checking in bulk, for the loader's fast path. RapidJSON's kParseValidateEncodingFlag
// decodes every character of every string through a per-byte range table: a fifth of the
// load time. Checking the bytes in blocks (eight ASCII bytes per step) before the parser
// sees them is as strict, since every byte outside a string is ASCII JSON syntax anyway.
// When the check fails, the loader takes the error path, which parses with RapidJSON's
// check and reports the place and the sentence as before.
#ifndef CLAIMGRAPH_INGEST_UTF8_STREAM_H_
#define CLAIMGRAPH_INGEST_UTF8_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "rapidjson/reader.h"

namespace claimgraph::ingest {

// Checks UTF-8 incrementally, in pieces cut anywhere (a sequence may span two pieces).
// Accepts exactly the well-formed sequences of the Unicode Standard, Table 3-7: no overlong
// forms, no surrogates (U+D800..DFFF), nothing above U+10FFFF.
class Utf8Checker {
 public:
  // False once any byte so far is ill-formed.
  bool Add(std::string_view piece);
  // True when everything added is well-formed and no sequence is left unfinished.
  bool Finish() const { return valid_ && pending_ == 0; }

 private:
  bool valid_ = true;
  int pending_ = 0;            // continuation bytes still expected
  unsigned char low_ = 0x80;   // the range allowed for the next continuation byte
  unsigned char high_ = 0xBF;
};

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// A RapidJSON input stream over a FILE* that checks each block it reads with a Utf8Checker
// (ill-formed UTF-8 ends the stream early, the parse then fails, and utf8_valid() is false),
// for RapidJSON's in-situ parse (kParseInsituFlag): the parser decodes each string
// into the bytes it was read from and hands the handler a pointer there, instead of
// copying every character onto its own stack first (a fifth of loading a million
// assertions). In-situ parsing needs every string whole in the buffer while it is parsed,
// and JSON forbids a raw line feed inside a string (RapidJSON stops at any control
// character in one), so the stream hands the parser the read bytes up to the last line
// feed only and carries the rest over to the next read. A file with no line feed for
// longer than the buffer (minified JSON) makes the buffer grow to its longest line.
class Utf8CheckedInsituFileStream {
 public:
  using Ch = char;

  // REQUIRES: file is open for reading.
  explicit Utf8CheckedInsituFileStream(std::FILE* file, size_t buffer_size = 1 << 20);

  Ch Peek() const { return *current_; }
  Ch Take() {
    const Ch c = *current_;
    if (++current_ == cut_) Refill();
    return c;
  }
  size_t Tell() const { return count_ + static_cast<size_t>(current_ - buffer_.data()); }
  bool utf8_valid() const { return utf8_valid_; }

  // In-situ output: the decoded string is written over the bytes already taken.
  Ch* PutBegin() { return write_ = current_; }
  void Put(Ch c) { *write_++ = c; }
  void Flush() {}
  size_t PutEnd(Ch* begin) { return static_cast<size_t>(write_ - begin); }

  // Inside a string: moves over the bytes up to the next '"', '\\' or control byte, eight
  // at a time, copying them down to the write position when an escape earlier in the
  // string has left it behind. RapidJSON takes a string's bytes one Take and one Put each
  // (its in-situ string parse was 11.8% of load_bench's samples at a million assertions);
  // it scans in bulk only for its own in-memory streams, and calls this for this one (the
  // specialisation below). It cannot pass the cut: the byte before it is a line feed or the
  // final NUL, and both stop the scan; the refill at the cut only keeps Take's contract.
  void ScanPlainStringBytes() {
    char* p = current_;
    while (cut_ - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if (MayHoldStringEnd(word)) break;
      p += 8;
    }
    while (p != cut_ && !IsStringEnd(*p)) ++p;
    const size_t length = static_cast<size_t>(p - current_);
    if (write_ != current_) std::memmove(write_, current_, length);
    write_ += length;
    current_ = p;
    if (current_ == cut_) Refill();
  }
  // Between tokens: moves over JSON's four whitespace bytes, refilling at the cut as Take.
  void SkipWhitespace() {
    for (;;) {
      char* p = current_;
      while (p != cut_ && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
      current_ = p;
      if (p != cut_) return;
      Refill();
    }
  }

 private:
  // '"', '\\' or a byte below 0x20 (RFC 8259: what a string may not hold unescaped).
  static bool IsStringEnd(char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  }
  // True when some byte of `word` may be one of them (never false when one is: the tests
  // for a zero byte and a byte below 0x20 of Hacker's Delight, section 6-1).
  static bool MayHoldStringEnd(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
    const uint64_t zero_quote = (quote - kOnes) & ~quote;
    const uint64_t zero_backslash = (backslash - kOnes) & ~backslash;
    const uint64_t control = (word - kOnes * 0x20) & ~word;
    return ((zero_quote | zero_backslash | control) & kHighs) != 0;
  }
  void Refill();

  std::FILE* file_;
  std::vector<char> buffer_;
  char* current_ = nullptr;
  char* cut_ = nullptr;     // the end of what the parser may see: after the last line feed
  char* write_ = nullptr;
  size_t filled_ = 0;       // bytes of buffer_ read and not yet handed over
  size_t count_ = 0;        // bytes of the file before buffer_
  bool end_ = false;
  bool utf8_valid_ = true;
  Utf8Checker checker_;
};

}  // namespace claimgraph::ingest

// RapidJSON's hooks for a stream it can scan in bulk, specialised for this one, as RapidJSON
// specialises them for its in-memory streams (reader.h). Declared before any parse
// instantiates them: every reader of this stream includes this header.
namespace rapidjson {
template <>
inline void SkipWhitespace(claimgraph::ingest::Utf8CheckedInsituFileStream& stream) {
  stream.SkipWhitespace();
}
template <>
template <>
inline void GenericReader<UTF8<>, UTF8<>, CrtAllocator>::ScanCopyUnescapedString(
    claimgraph::ingest::Utf8CheckedInsituFileStream& stream,
    claimgraph::ingest::Utf8CheckedInsituFileStream&) {
  stream.ScanPlainStringBytes();
}
}  // namespace rapidjson

#endif  // CLAIMGRAPH_INGEST_UTF8_STREAM_H_
