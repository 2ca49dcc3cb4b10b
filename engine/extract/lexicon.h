// The extraction lexicon: cue words, outlets and their controllers, states and their
// names, synonyms, stop words and abbreviations, read from the data files in
// engine/extract/lexicon (each documented in its header and in docs/extraction.md).
#ifndef CLAIMGRAPH_EXTRACT_LEXICON_H_
#define CLAIMGRAPH_EXTRACT_LEXICON_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::extract {

struct CueEntry {
  std::vector<std::string> words;  // the phrase, lower-case, one word each
  std::set<std::string> flags;
};

// Hashing for lookups by string_view without building a std::string (C++20 heterogeneous
// lookup): the cue tests run several times per token.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};
using WordSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

struct KnownEntity {
  std::string id, name;
  std::vector<std::string> aliases;
  std::string controlled_by;  // an id of states, or empty
};

struct Lexicon {
  std::map<std::string, std::vector<CueEntry>, std::less<>> cues;  // by kind ("verb", "hedge", ...)
  std::vector<KnownEntity> outlets;
  std::vector<KnownEntity> states;
  std::unordered_map<std::string, std::string> synonym_of;  // word -> the group's first word
  std::unordered_set<std::string> stopwords;
  WordSet abbreviations;  // a WordSet so a slice of the article is looked up without a copy

  // Whether `word` (lower-case) is a one-word entry of `kind`.
  bool Is(std::string_view kind, std::string_view word) const;
  // The flags of the one-word entry `word` of `kind`, or null.
  const std::set<std::string>* Flags(std::string_view kind, std::string_view word) const;
  const std::vector<CueEntry>& Entries(std::string_view kind) const;

  // The one-word entries: for each word, a bit per kind it is an entry of (bit k for
  // cue_kinds[k]), so that Is hashes the word once and finds the kind among a dozen names.
  std::vector<std::string> cue_kinds;
  std::unordered_map<std::string, uint64_t, TextHash, std::equal_to<>> kinds_of_word;
  WordSet first_words_of_hedges;  // a token that starts no hedge needs no phrase comparison
  // Case-folded names and aliases -> index into `states` / `outlets`, built at load so that
  // lookups need no folding of the tables.
  std::unordered_map<std::string, size_t> state_by_name;
  std::unordered_map<std::string, size_t> outlet_by_name;
};

// The lexicon compiled into the binary (engine/extract/lexicon/), or the files of
// `directory` when it is not empty.
// Errors name the file, line and what is wrong.
Result<Lexicon> LoadLexicon(const std::string& directory = "");

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_LEXICON_H_
