// The loader's id table (ingest/symbols.h): one symbol per distinct id, across growth of the
// table, for ids short enough to be kept in a slot and for longer ones; and the allocator
// of its slots (ingest/huge_pages.h).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/huge_pages.h"
#include "ingest/symbols.h"

namespace claimgraph::testing {
namespace {

TEST_CASE("each distinct id gets one symbol, kept across the table's growth") {
  ingest::SymbolTable table;
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) {
    ids.push_back("s-" + std::to_string(i));
    // Longer than a slot's 16 bytes and equal in their first 16: told apart by the name.
    ids.push_back("a-long-shared-prefix-" + std::to_string(i));
  }
  ids.push_back("");
  for (size_t i = 0; i < ids.size(); ++i) CHECK(table.Intern(ids[i]) == i);
  CHECK(table.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    CHECK(table.Intern(ids[i]) == i);
    CHECK(table.Name(static_cast<ingest::Symbol>(i)) == ids[i]);
  }
  CHECK(table.size() == ids.size());
  CHECK_FALSE(table.Definition(0).valid());
  table.Definition(0) = NodeRef{NodeKind::kClaim, 7};
  CHECK(table.Definition(table.Intern("s-0")) == NodeRef{NodeKind::kClaim, 7});
}

TEST_CASE("names of short and long ids, empty and with NUL bytes, survive the table's growth") {
  ingest::SymbolTable table;
  const std::string with_nul("a\0b", 3);
  const std::string sixteen = "exactly-16-bytes", seventeen = "exactly-17-bytes!";
  const ingest::Symbol long_id = table.Intern("the-first-id-of-the-casefile");
  const ingest::Symbol nul = table.Intern(with_nul), a = table.Intern("a");
  const ingest::Symbol at_16 = table.Intern(sixteen), at_17 = table.Intern(seventeen);
  const ingest::Symbol empty = table.Intern("");
  CHECK(nul != a);  // "a\0b" is not "a" padded with zeros
  for (int i = 0; i < 3000; ++i) table.Intern("id-" + std::to_string(i));
  CHECK(table.Name(long_id) == "the-first-id-of-the-casefile");
  CHECK(table.Name(nul) == with_nul);
  CHECK(table.Name(a) == "a");
  CHECK(table.Name(at_16) == sixteen);
  CHECK(table.Name(at_17) == seventeen);
  CHECK(table.Name(empty).empty());
  CHECK(table.Intern(seventeen) == at_17);
  CHECK(table.Intern("the-first-id-of-the-casefile") == long_id);
  CHECK(table.Name(table.Intern("id-2999")) == "id-2999");
}

TEST_CASE("a reference field's recent id answers a run of the same id, and a change of id") {
  ingest::SymbolTable table;
  ingest::RecentId recent;
  const ingest::Symbol first = table.Intern("s-1", recent);
  CHECK(table.Intern("s-1", recent) == first);
  const ingest::Symbol other = table.Intern("s-2", recent);
  CHECK(other != first);
  CHECK(table.Intern("s-1", recent) == first);  // back to an id seen before the run
  CHECK(table.Intern("s-1") == first);          // the same symbol as without the memo
  CHECK(table.size() == 2);
}

TEST_CASE("a table past 2 MB of slots (huge pages) keeps every symbol, prefetched or not") {
  // 100,000 ids need 262,144 slots of 24 bytes: 6 MB, allocated by the huge-page path.
  ingest::SymbolTable table;
  for (int i = 0; i < 100000; ++i) {
    const std::string id = "c-" + std::to_string(i);
    table.Prefetch(id);  // a hint only, before and after the id exists
    CHECK(table.Intern(id) == static_cast<ingest::Symbol>(i));
    table.Prefetch(id);
  }
  CHECK(table.size() == 100000);
  CHECK(table.Intern("c-99999") == 99999);
  CHECK(table.Intern("c-0") == 0);
  CHECK(table.Name(54321) == "c-54321");
}

TEST_CASE("the huge-page allocator aligns large blocks to 2 MB and serves small ones as usual") {
  using Allocator = ingest::HugePageAllocator<uint64_t>;
  std::vector<uint64_t, Allocator> large(3 << 20 >> 3);  // 3 MB
  CHECK(reinterpret_cast<uintptr_t>(large.data()) % Allocator::kHugePage == 0);
  for (size_t i = 0; i < large.size(); ++i) large[i] = i * 7;
  CHECK(large[large.size() - 1] == (large.size() - 1) * 7);
  large.resize(large.size() * 2, 1);  // reallocates: copied into a new aligned block
  CHECK(reinterpret_cast<uintptr_t>(large.data()) % Allocator::kHugePage == 0);
  CHECK(large[12345] == 12345 * 7);
  CHECK(large.back() == 1);
  std::vector<uint64_t, Allocator> small(16, 3);
  CHECK(small[15] == 3);
}

}  // namespace
}  // namespace claimgraph::testing
