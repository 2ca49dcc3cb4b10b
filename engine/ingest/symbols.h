// Interns ids to small integers while parsing, so that references are stored as integers
// in the records (in the Index fields themselves, before resolution) and resolved in one
// pass after every casefile is read. Ids are global across kinds and files.
#ifndef CLAIMGRAPH_INGEST_SYMBOLS_H_
#define CLAIMGRAPH_INGEST_SYMBOLS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimgraph/model.h"

namespace claimgraph::ingest {

using Symbol = uint32_t;

class SymbolTable {
 public:
  // The symbol of `id`, new or existing.
  Symbol Intern(std::string_view id) {
    auto found = symbols_.find(id);
    if (found != symbols_.end()) return found->second;
    const auto symbol = static_cast<Symbol>(names_.size());
    auto inserted = symbols_.emplace(std::string(id), symbol).first;
    names_.push_back(&inserted->first);
    definitions_.push_back(NodeRef{NodeKind::kSource, kNoIndex});
    return symbol;
  }
  // REQUIRES: symbol was returned by Intern.
  const std::string& Name(Symbol symbol) const { return *names_[symbol]; }
  // The record that defines the id; !valid() when none does (yet).
  NodeRef& Definition(Symbol symbol) { return definitions_[symbol]; }
  size_t size() const { return names_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, Symbol, Hash, std::equal_to<>> symbols_;
  std::vector<const std::string*> names_;  // keys of symbols_: node-based, so stable
  std::vector<NodeRef> definitions_;
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_SYMBOLS_H_
