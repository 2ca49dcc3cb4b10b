// The text of a record's field (an id, a title, a quote): an owning string in 16 bytes.
//
// std::string is 32 bytes before its text (pointer, size, capacity, and a 16-byte inline
// buffer), and a casefile has millions of record fields: with these 16-byte texts the
// loader went from 225 to 171 bytes an assertion at a million (docs/benchmarks.md).
// Record fields are written once and read many times, so this keeps what a reader needs
// and nothing for growth: up to 15 bytes inline (ids, dates, short values; the last byte
// holds 15 minus the size, so a full inline text ends in its own zero, as in the inline
// form of folly's fbstring), and beyond that one exact heap block with the size beside its
// pointer, as in the 16-byte strings of Umbra (Neumann and Freitag, CIDR 2020) without
// their prefix, since records are not compared in bulk.
//
// The text is always followed by a zero byte (c_str()). Reads go through std::string_view,
// to which it converts implicitly (and to std::string, as a copy); to edit a field, build a
// std::string and assign it.
#ifndef CLAIMGRAPH_COMPACT_STRING_H_
#define CLAIMGRAPH_COMPACT_STRING_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

namespace claimgraph {

class CompactString {
 public:
  static constexpr size_t kInlineCapacity = 15;

  CompactString() noexcept { SetEmpty(); }
  CompactString(std::string_view text) { Initialise(text); }             // NOLINT: implicit
  CompactString(const char* text) { Initialise(std::string_view(text)); }  // NOLINT: implicit
  CompactString(const std::string& text) { Initialise(text); }           // NOLINT: implicit
  CompactString(const CompactString& other) { Initialise(other.view()); }
  CompactString(CompactString&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.SetEmpty();
  }
  ~CompactString() { Release(); }

  CompactString& operator=(const CompactString& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  CompactString& operator=(CompactString&& other) noexcept {
    if (this != &other) {
      Release();
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      other.SetEmpty();
    }
    return *this;
  }
  CompactString& operator=(std::string_view text) { return assign(text); }
  CompactString& operator=(const std::string& text) { return assign(text); }
  CompactString& operator=(const char* text) { return assign(std::string_view(text)); }

  // REQUIRES: `text` does not point into this string.
  CompactString& assign(std::string_view text) {
    Release();
    Initialise(text);
    return *this;
  }
  void clear() noexcept {
    Release();
    SetEmpty();
  }

  bool is_inline() const noexcept { return Tag() <= kInlineCapacity; }
  size_t size() const noexcept {
    if (is_inline()) return kInlineCapacity - Tag();
    uint32_t size;
    std::memcpy(&size, bytes_ + sizeof(char*), sizeof size);
    return size;
  }
  bool empty() const noexcept { return size() == 0; }
  const char* data() const noexcept {
    if (is_inline()) return bytes_;
    const char* pointer;
    std::memcpy(&pointer, bytes_, sizeof pointer);
    return pointer;
  }
  const char* c_str() const noexcept { return data(); }
  const char* begin() const noexcept { return data(); }
  const char* end() const noexcept { return data() + size(); }

  std::string_view view() const noexcept { return {data(), size()}; }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: implicit
  std::string str() const { return std::string(view()); }
  // A copy, where a std::string is wanted (a table cell, a message): record fields were
  // std::string before, and code that copied them keeps reading as it did.
  operator std::string() const { return str(); }  // NOLINT: implicit

  friend bool operator==(const CompactString& a, const CompactString& b) noexcept {
    return a.view() == b.view();
  }
  friend bool operator==(const CompactString& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend bool operator==(const CompactString& a, const std::string& b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend bool operator==(const CompactString& a, const char* b) noexcept {
    return a.view() == std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a,
                                          const CompactString& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const CompactString& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const CompactString& a, const char* b) noexcept {
    return a.view() <=> std::string_view(b);
  }

  // Concatenation makes a std::string, as it would from two std::strings.
  friend std::string operator+(std::string a, const CompactString& b) {
    return std::move(a.append(b.view()));
  }
  friend std::string operator+(const CompactString& a, std::string_view b) {
    std::string joined(a.view());
    joined.append(b);
    return joined;
  }
  friend std::string operator+(const CompactString& a, const char* b) {
    return a + std::string_view(b);
  }
  friend std::string operator+(const char* a, const CompactString& b) {
    return std::string(a) + b;
  }

 private:
  static constexpr unsigned char kHeapTag = 0x80;

  unsigned char Tag() const noexcept { return static_cast<unsigned char>(bytes_[15]); }
  void SetEmpty() noexcept {
    std::memset(bytes_, 0, sizeof bytes_);
    bytes_[15] = static_cast<char>(kInlineCapacity);
  }
  void Initialise(std::string_view text) {
    if (text.size() > kInlineCapacity) return InitialiseOnHeap(text);
    std::memset(bytes_, 0, sizeof bytes_);
    if (!text.empty()) std::memcpy(bytes_, text.data(), text.size());
    bytes_[15] = static_cast<char>(kInlineCapacity - text.size());
  }
  void InitialiseOnHeap(std::string_view text);  // compact_string.cpp
  void Release() noexcept {
    if (!is_inline()) delete[] const_cast<char*>(data());
  }

  alignas(8) char bytes_[16];
};

static_assert(sizeof(CompactString) == 16);

std::ostream& operator<<(std::ostream& out, const CompactString& text);

}  // namespace claimgraph

template <>
struct std::hash<claimgraph::CompactString> {
  size_t operator()(const claimgraph::CompactString& text) const noexcept {
    return std::hash<std::string_view>()(text.view());
  }
};

#endif  // CLAIMGRAPH_COMPACT_STRING_H_
