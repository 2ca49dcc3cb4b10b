// Interns ids to small integers while parsing, so that references are stored as integers
// in the records (in the Index fields themselves, before resolution) and resolved in one
// pass after every casefile is read. Ids are global across kinds and files.
//
// An open-addressing table (linear probing, at most three quarters full) whose slots hold,
// for ids of up to 16 bytes, the id itself: a lookup then touches one cache line or two.
// With std::unordered_map (a bucket array, then a node per id) interning was 28% of loading
// a million assertions, nearly all of it cache misses. The slot is also where a short id's
// name is kept (longer ones in one arena of text): a deque of one std::string per id held
// 32 bytes an id beside the slot, 12 MB of the loader's peak at a million assertions.
#ifndef CLAIMGRAPH_INGEST_SYMBOLS_H_
#define CLAIMGRAPH_INGEST_SYMBOLS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
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
  bool Is(std::string_view id) const { return symbol != UINT32_MAX && std::string_view(text) == id; }
};

class SymbolTable {
 public:
  // As Intern, remembering the answer in `recent` (one per reference field).
  Symbol Intern(std::string_view id, RecentId& recent) {
    if (recent.Is(id)) return recent.symbol;
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

  // The id of `symbol`, for messages. REQUIRES: symbol was returned by Intern.
  std::string Name(Symbol symbol) const {
    const Slot& slot = slots_[slot_of_symbol_[symbol]];
    if (slot.length <= sizeof slot.text) return std::string(reinterpret_cast<const char*>(slot.text), slot.length);
    return long_text_.substr(slot.text[0], slot.length);
  }
  // The record that defines the id; !valid() when none does (yet).
  NodeRef& Definition(Symbol symbol) { return definitions_[symbol]; }
  size_t size() const { return definitions_.size(); }

 private:
  static constexpr Symbol kEmpty = UINT32_MAX;
  // 24 bytes. A short id is its own key, so no hash is kept for it (Grow computes it again);
  // a long id keeps its offset and its hash.
  struct Slot {
    Symbol symbol = kEmpty;
    uint32_t length = 0;
    // The id, zero-padded, when length <= 16; else its offset in long_text_ and its hash.
    uint64_t text[2] = {};
  };

  using SlotVector = std::vector<Slot, HugePageAllocator<Slot>>;

  static uint64_t Hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

  // The symbol of `id` from the slots, adding it when absent.
  Symbol Probe(std::string_view id, uint64_t hash, const uint64_t (&words)[2]) {
    if ((definitions_.size() + 1) * 4 > slots_.size() * 3) Grow();
    const size_t mask = slots_.size() - 1;
    const bool short_id = id.size() <= sizeof words;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.symbol == kEmpty) {
        const auto symbol = static_cast<Symbol>(definitions_.size());
        slot.symbol = symbol;
        slot.length = static_cast<uint32_t>(id.size());  // RapidJSON strings are below 4 GB
        if (short_id) {
          std::memcpy(slot.text, words, sizeof slot.text);
        } else {
          slot.text[0] = long_text_.size();
          slot.text[1] = hash;
          long_text_.append(id);
        }
        slot_of_symbol_.push_back(static_cast<uint32_t>(i));
        definitions_.push_back(NodeRef{NodeKind::kSource, kNoIndex});
        return symbol;
      }
      if (slot.length == id.size() &&
          (short_id ? slot.text[0] == words[0] && slot.text[1] == words[1]
                    : slot.text[1] == hash &&
                          std::string_view(long_text_).substr(slot.text[0], slot.length) == id)) {
        return slot.symbol;
      }
    }
  }

  uint64_t HashOfSlot(const Slot& slot) const {
    if (slot.length > sizeof slot.text) return slot.text[1];
    return Hash(std::string_view(reinterpret_cast<const char*>(slot.text), slot.length));
  }

  // Doubles the table (1024 slots at first) and re-inserts every id where its hash puts it.
  void Grow() {
    SlotVector old(std::max<size_t>(1024, slots_.size() * 2));
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.symbol == kEmpty) continue;
      size_t i = HashOfSlot(slot) & mask;
      while (slots_[i].symbol != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
      slot_of_symbol_[slot.symbol] = static_cast<uint32_t>(i);
    }
  }

  SlotVector slots_;                     // size a power of two, at most 3/4 full
  std::vector<uint32_t> slot_of_symbol_;  // by symbol: where Name finds it (tables below 2^32 slots)
  std::string long_text_;                 // the ids longer than 16 bytes, one after another
  std::vector<NodeRef> definitions_;      // by symbol
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_SYMBOLS_H_
