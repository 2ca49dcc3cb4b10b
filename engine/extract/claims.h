// Stage 7: claims. Every attributed content (and every own-voice statement) gets a
// signature: its words without stop words and negations, Snowball stems, each mapped to its
// synonym group (synonyms.tsv), state names to their state. Polarity is negated when a
// negation is present ("not", "n't", ...; "not only" excepted), flipped by a refuting cue ("denied that
// X" says not-X). Contents of the same polarity whose IDF-weighted cosine similarity reaches
// `kClaimSimilarity` are one claim (single link, candidates through shared terms: claims.cpp bounds them so grouping
// stays linear); opposite polarity never joins. An --into
// claim with a similar text is matched first. The claim's text is its most central member (nearest the centroid).
#ifndef CLAIMGRAPH_EXTRACT_CLAIMS_H_
#define CLAIMGRAPH_EXTRACT_CLAIMS_H_

#include <string>
#include <vector>

#include "claimgraph/model.h"
#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

// Cosine similarity at which two contents are one claim (measured on the tests' articles:
// paraphrases of one claim score 0.55 to 1, unrelated statements of one story under 0.4).
inline constexpr double kClaimSimilarity = 0.5;

struct DraftClaim {
  std::string id, text;
  bool negated = false;
  bool existing = false;  // an --into claim: referenced, not written
  std::vector<size_t> members;  // attributions
};

// Groups `attributions` into claims, setting each one's `claim`, `negated` and `stance`.
// `existing` are the --into casefiles' claims.
std::vector<DraftClaim> GroupClaims(const std::vector<Article>& articles,
                                    std::vector<Attribution>& attributions,
                                    const std::vector<Claim>& existing, const Lexicon& lexicon);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_CLAIMS_H_
