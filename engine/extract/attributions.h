// Stage 2: cues and contents. Finds the lexicon's cues in a unit (outside quotation marks)
// and, for each, the speaker phrase (speakers.h) and the content, in these forms, each
// recorded as the attribution's rule (the channel forms are read in channels.cpp):
//   subject-verb                "X said (in a statement) that C" / "X said: C" / "X told Y C"
//   subject-apposition-verb     "X, one of ..., explained that C"
//   coordinated-verb            "X says C1 and insists that C2" (the speaker carries over)
//   quote-verb-speaker          "“C,” said X"
//   quote-speaker-verb          "“C,” X said"
//   clause-speaker-verb         "C, the TASS news agency reported Tuesday."
//   according-to-lead / -tail   "According to X, C" / "C, according to X"
//   outlet-quoted-speaker       "“C,” Y quoted X as saying" (Y is a channel)
//   own-voice / own-voice-hedged  no cue: the article's own statement ("is said to": hedged)
// and the modifiers "+citing" ("Y, citing X, said": X speaks, Y is the channel),
// "+according-to-channel" ("X said, according to TASS") and "+told-outlet" ("X told Reuters").
#ifndef CLAIMGRAPH_EXTRACT_ATTRIBUTIONS_H_
#define CLAIMGRAPH_EXTRACT_ATTRIBUTIONS_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

// Appends the attributions of unit `unit_index` of `article` to `out`.
void FindAttributions(const Article& article, size_t article_index, const std::vector<Unit>& units,
                      size_t unit_index, const Lexicon& lexicon, std::vector<Attribution>& out);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_ATTRIBUTIONS_H_
