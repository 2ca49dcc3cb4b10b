// Stage 3: speaker phrases. Given the position of a cue, reads the phrase that names the
// speaker before it ("Russia's Defense Minister Sergei Shoigu said") or after it ("said the
// ministry"): a run of capitalised words, the lexicon's speaker nouns and the connectors of
// names ("of", "and", "the"), or one of the lexicon's anaphors ("the ministry", "he").
// Coordinated names become one mention each ("Lavrov and Wang Yi"), and a title before a
// person's name is kept as the role.
#ifndef CLAIMGRAPH_EXTRACT_SPEAKERS_H_
#define CLAIMGRAPH_EXTRACT_SPEAKERS_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

struct SpeakerPhrase {
  std::vector<SpeakerMention> mentions;  // empty when there is no speaker phrase
  size_t first = 0, last = 0;            // token indices of the whole phrase (inclusive)
};

// The phrase that ends just before token `end` (exclusive).
SpeakerPhrase PhraseBefore(const Article& article, const Unit& unit, size_t end,
                           const Lexicon& lexicon);
// The phrase that starts at token `start`.
SpeakerPhrase PhraseAfter(const Article& article, const Unit& unit, size_t start,
                          const Lexicon& lexicon);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_SPEAKERS_H_
