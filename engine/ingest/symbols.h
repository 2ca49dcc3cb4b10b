// Interns ids to small integers while parsing, so that references are stored as integers
// in the records (in the Index fields themselves, before resolution) and resolved in one
// pass after every casefile is read. Ids are global across kinds and files.
//
// An open-addressing table (linear probing, at most three quarters full) whose slots hold the hash
// and, for ids of up to 16 bytes, the id itself: a lookup then touches one cache line.
// With std::unordered_map (a bucket array, then a node per id) interning was 28% of loading
// a million assertions, nearly all of it cache misses.
#ifndef CLAIMGRAPH_INGEST_SYMBOLS_H_
#define CLAIMGRAPH_INGEST_SYMBOLS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"
#include "ingest/huge_pages.h"

namespace claimgraph::ingest {

using Symbol = uint32_t;

// The id a reference field interned last, and its symbol. Casefiles list assertions by
// source (a report's assertions together, as the generator and every importer write them),
// so the same source id comes many times in a row: one compare with the previous id then
// saves the hash and the probe, a likely cache miss into a table of a million slots.
struct RecentId {
  std::string text;
  uint32_t symbol = UINT32_MAX;
};

class SymbolTable {
 public:
  // As Intern, remembering the answer in `recent` (one per reference field).
  Symbol Intern(std::string_view id, RecentId& recent) {
    if (recent.symbol != UINT32_MAX && std::string_view(recent.text) == id) return recent.symbol;
    recent.symbol = Intern(id);
    recent.text.assign(id);
    return recent.symbol;
  }

  // The symbol of `id`, new or existing.
  Symbol Intern(std::string_view id) {
    const uint64_t hash = Hash(id);
    // The id's first 16 bytes, zero-padded as a slot keeps them: a short id then compares
    // as two words, not through a memcmp call (9% of loading a million assertions).
    uint64_t words[2] = {0, 0};
    std::memcpy(words, id.data(), std::min(id.size(), sizeof words));
    return Probe(id, hash, words);
  }

  // Starts fetching the slot where `id` would be found, for a loop that interns many ids
  // it knows in advance (the definitions after parsing): the misses of a few lookups ahead
  // then overlap instead of following one another. Only a hint; the table may yet grow.
  void Prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Hash(id) & (slots_.size() - 1)]);
  }

  // REQUIRES: symbol was returned by Intern. The reference stays valid (names_ is a deque).
  const std::string& Name(Symbol symbol) const { return names_[symbol]; }
  // The record that defines the id; !valid() when none does (yet).
  NodeRef& Definition(Symbol symbol) { return definitions_[symbol]; }
  size_t size() const { return names_.size(); }

 private:
  static constexpr Symbol kEmpty = UINT32_MAX;
  struct Slot {  // 32 bytes: two per cache line
    uint64_t hash = 0;
    Symbol symbol = kEmpty;
    uint32_t length = 0;
    uint64_t text[2] = {};  // the id's first 16 bytes, zero-padded; all of it when length <= 16
  };

  using SlotVector = std::vector<Slot, HugePageAllocator<Slot>>;

  static uint64_t Hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

  // The symbol of `id` from the slots, adding it when absent.
  Symbol Probe(std::string_view id, uint64_t hash, const uint64_t (&words)[2]) {
    if ((names_.size() + 1) * 4 > slots_.size() * 3) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.symbol == kEmpty) {
        const auto symbol = static_cast<Symbol>(names_.size());
        slot.hash = hash;
        slot.symbol = symbol;
        slot.length = static_cast<uint32_t>(id.size());  // RapidJSON strings are below 4 GB
        std::memcpy(slot.text, words, sizeof slot.text);
        names_.emplace_back(id);
        definitions_.push_back(NodeRef{NodeKind::kSource, kNoIndex});
        return symbol;
      }
      if (slot.hash == hash && slot.length == id.size() &&
          (id.size() <= sizeof slot.text ? slot.text[0] == words[0] && slot.text[1] == words[1]
                                         : names_[slot.symbol] == id)) {
        return slot.symbol;
      }
    }
  }

  // Doubles the table (1024 slots at first) and re-inserts by the stored hashes.
  void Grow() {
    SlotVector old(std::max<size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.symbol == kEmpty) continue;
      size_t i = slot.hash & mask;
      while (slots_[i].symbol != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  SlotVector slots_;             // size a power of two, at most 3/4 full
  std::deque<std::string> names_;       // by symbol
  std::vector<NodeRef> definitions_;    // by symbol
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_SYMBOLS_H_
