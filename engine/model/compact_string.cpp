#include "claimgraph/compact_string.h"

#include <limits>
#include <ostream>
#include <stdexcept>

namespace claimgraph {

// One exact block, zero-terminated; the size is kept in 32 bits beside the pointer.
void CompactString::InitialiseOnHeap(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("CompactString: a text of 4 GiB or more");
  }
  char* block = new char[text.size() + 1];
  std::memcpy(block, text.data(), text.size());
  block[text.size()] = '\0';
  const auto size = static_cast<uint32_t>(text.size());
  std::memset(bytes_, 0, sizeof bytes_);
  std::memcpy(bytes_, &block, sizeof block);
  std::memcpy(bytes_ + sizeof block, &size, sizeof size);
  bytes_[15] = static_cast<char>(kHeapTag);
}

std::ostream& operator<<(std::ostream& out, const CompactString& text) {
  return out << text.view();
}

}  // namespace claimgraph
