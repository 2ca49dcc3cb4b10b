// The records that flow through the extraction stages (docs/extraction.md): an article, the
// units (sentences, or sentences joined by a quote that spans them) and tokens it is cut
// into, and the attributions found in them. Each stage fills in its part and records the
// rule that fired, so that a miss can be traced to the stage that made it (bbc/citron's
// cue -> source -> content -> coreference stages).
#ifndef CLAIMGRAPH_EXTRACT_RECORDS_H_
#define CLAIMGRAPH_EXTRACT_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"

namespace claimgraph::extract {

inline constexpr size_t kNone = SIZE_MAX;

// Byte offsets [begin, end) into an article's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
};

struct Article {
  std::string file;   // as given on the command line
  int line = 0;       // JSON Lines: the line of the article's object; 0 otherwise
  std::string url, outlet, published, title;
  std::string text;   // the article's text; spans are offsets into it
  // "FILE" or "FILE:LINE", for messages.
  std::string Label() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
  std::string_view At(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
};

struct Token {
  Span span;
  std::string lower;         // lower-cased, with U+2019 as an apostrophe
  bool word = false;         // letters or digits; otherwise one punctuation character
  bool capitalised = false;  // starts with an upper-case letter
  bool open_quote = false;   // “ or a straight " that opens
  bool close_quote = false;  // ” or a straight " that closes
};

// A sentence, or several joined because a quotation runs across them.
struct Unit {
  Span span;
  std::vector<Token> tokens;
  bool paragraph_start = false;
};

// A phrase naming who speaks, and what it was resolved to.
struct SpeakerMention {
  Span span;
  std::string text;        // as written, without a leading "the"/"both"
  std::string anaphor;     // the anaphor class ("person", ...) when the phrase is one
  bool unnamed = false;    // names nobody in particular ("several news outlets")
  bool media = false;      // an outlet ("state-run media", "the TASS news agency")
  std::string role;        // a title before a person's name ("Chinese Foreign Minister")
  std::string resolved;    // the named phrase an anaphor or short name stands for
  std::string resolution;  // the rule that resolved it; empty when named as it is
  size_t entity = kNone;   // filled by the entity stage
};

struct Attribution {
  size_t article = 0;
  size_t unit = 0;
  Span content;
  std::vector<SpeakerMention> speakers;  // empty: the article's own voice
  std::vector<SpeakerMention> channels;  // outlets the words came through ("according to TASS")
  bool refutes = false;                  // the cue rejects the content ("denied")
  bool hedged = false;                   // passed on without being adopted ("is said to")
  bool stake = false;                    // the cue says the speaker defends itself
  bool direct_quote = false;
  std::string rule;                      // the cue rule that fired
  // Filled by the claim stage.
  bool negated = false;
  size_t claim = kNone;
  Stance stance = Stance::kSupports;
};

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_RECORDS_H_
