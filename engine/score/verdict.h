// Internal to the score layer: the verdict bands (issue 3, item 4). The thresholds are
// tabled in verdict.cpp and docs/scoring.md.
#ifndef CLAIMGRAPH_SCORE_VERDICT_H_
#define CLAIMGRAPH_SCORE_VERDICT_H_

#include <span>

#include "claimgraph/score.h"

namespace claimgraph::score {

// A refutation weight at most this share of the support weight counts as "little".
inline constexpr double kLittleRefutation = 0.25;
// Refutation outweighs support when its weight is at least this multiple of the support.
inline constexpr double kRefutationDominance = 2.0;

// The band of a scored claim, from its groups (stance, interest, weight).
// REQUIRES: score.groups are the claim's evidence groups.
VerdictBand ClassifyVerdict(const ClaimScore& score);

// The same band from the claim's score and its groups held apart from a ClaimScore (the
// supporting groups, then those against), so that a caller that keeps no groups need not
// copy them into one.
VerdictBand ClassifyVerdict(double score, std::span<const EvidenceGroup> supporting,
                            std::span<const EvidenceGroup> against);

// What the band and the printed counts are made of: the summed weight of the supporting
// groups and of those against (each summed in the groups' order), the counts of
// supporting groups, of groups against and of disinterested supporting groups, and of
// interested groups on either side.
struct EvidenceTotals {
  double support = 0.0, against = 0.0;
  size_t supporting = 0, against_groups = 0, disinterested = 0, interested = 0;
};
// The totals of groups, each counted by its stance, in the order given.
EvidenceTotals TotalsOf(std::span<const EvidenceGroup> first, std::span<const EvidenceGroup> second);
// The band from the totals; the forms above take their totals with TotalsOf.
VerdictBand ClassifyVerdict(double score, const EvidenceTotals& totals);

// The condition of a band, as the table in verdict.cpp states it ("every supporting group
// is interested").
std::string_view VerdictRule(VerdictBand band);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_VERDICT_H_
