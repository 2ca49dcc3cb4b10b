// The loader's id table (ingest/symbols.h): one symbol per distinct id, across growth of the
// table, for ids short enough to be kept in a slot and for longer ones.
#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("a name stays valid while more ids are interned") {
  ingest::SymbolTable table;
  const std::string& first = table.Name(table.Intern("the-first-id-of-the-casefile"));
  for (int i = 0; i < 3000; ++i) table.Intern("id-" + std::to_string(i));
  CHECK(first == "the-first-id-of-the-casefile");
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

}  // namespace
}  // namespace claimgraph::testing
