// An allocator for the loader's large random-access tables (the id table of
// ingest/symbols.h): blocks of 2 MB and more are aligned to 2 MB and marked for transparent
// huge pages before they are first touched. A lookup in a table of hundreds of megabytes
// then misses in the data cache but not also in the TLB (4 KB pages: one page walk per
// lookup), and filling the table faults once per 2 MB rather than once per 4 KB. Where the
// kernel gives no huge pages (THP "never", or not Linux) the block is an ordinary one.
#ifndef CLAIMGRAPH_INGEST_HUGE_PAGES_H_
#define CLAIMGRAPH_INGEST_HUGE_PAGES_H_

#include <cstddef>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace claimgraph::ingest {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t count) {
    if (count > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    const size_t bytes = count * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    void* block = nullptr;
    if (posix_memalign(&block, kHugePage, bytes) != 0) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    // Advice only: a kernel that refuses it leaves ordinary pages.
    madvise(block, bytes, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(block);
  }
  void deallocate(T* block, size_t count) {
    if (count * sizeof(T) < kHugePage) ::operator delete(block);
    else std::free(block);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_HUGE_PAGES_H_
