#include "score/verdict.h"

namespace claimgraph {

std::string_view Name(VerdictBand band) {
  switch (band) {
    case VerdictBand::kCorroborated: return "corroborated";
    case VerdictBand::kSingleOrigin: return "single origin";
    case VerdictBand::kSelfReportedOnly: return "self-reported only";
    case VerdictBand::kContested: return "contested";
    case VerdictBand::kRefuted: return "refuted";
    case VerdictBand::kUnsupported: return "unsupported";
  }
  return "unsupported";
}

namespace score {

// S = summed weight of the supporting groups, R = of the groups against (refuting, or
// supporting a mutually exclusive claim); "disinterested" groups have no origin with a
// stake; P = the claim's score, its probability of being true whatever the method. The
// first row that matches gives the band:
//
//   | band               | condition                                                        |
//   |--------------------|------------------------------------------------------------------|
//   | unsupported        | no supporting group and no group against                         |
//   | refuted            | a group against, R >= 2 * S, and P < 0.5                         |
//   | contested          | supporting groups and R > 0.25 * S; or the evidence alone would  |
//   |                    | give a band below that P contradicts (refuted at P >= 0.5, a      |
//   |                    | band of support at P < 0.5)                                      |
//   | self-reported only | every supporting group is interested (P >= 0.5)                  |
//   | single origin      | exactly one disinterested supporting group (P >= 0.5)            |
//   | corroborated       | two or more disinterested supporting groups, R <= 0.25 * S,      |
//   |                    | P >= 0.5                                                         |
//
// The ratios rather than the score decide the kind of evidence, so that the band says what
// kind of evidence there is while the score says how much. Between "little" refutation (a
// quarter of the support) and dominance (twice the support) the claim is contested. The
// conditions on P change nothing for the default corroboration score, whose P is above 0.5
// whenever R <= 0.25 S < S and below it whenever R >= 2 S > S (P = (S + 1) / (S + R + 2)),
// but keep a truth-discovery method's bands from contradicting its own score: a claim that
// `--method investment` prints at 0.0000 is never "single origin".
VerdictBand ClassifyVerdict(const ClaimScore& score) {
  return ClassifyVerdict(score.score, score.groups, {});
}

EvidenceTotals TotalsOf(std::span<const EvidenceGroup> first, std::span<const EvidenceGroup> second) {
  EvidenceTotals totals;
  // Each sum adds its groups in the order given, so both forms give the same bits.
  for (std::span<const EvidenceGroup> groups : {first, second}) {
    for (const EvidenceGroup& group : groups) {
      if (group.interested) ++totals.interested;
      if (group.stance == Stance::kSupports) {
        totals.support += group.weight;
        ++totals.supporting;
        if (!group.interested) ++totals.disinterested;
      } else {
        totals.against += group.weight;
        ++totals.against_groups;
      }
    }
  }
  return totals;
}

VerdictBand ClassifyVerdict(double score, std::span<const EvidenceGroup> first,
                            std::span<const EvidenceGroup> second) {
  return ClassifyVerdict(score, TotalsOf(first, second));
}

VerdictBand ClassifyVerdict(double score, const EvidenceTotals& totals) {
  const double support = totals.support, against = totals.against;
  const bool likely_true = score >= 0.5;
  if (totals.supporting == 0 && totals.against_groups == 0) return VerdictBand::kUnsupported;
  if (totals.against_groups > 0 && against >= kRefutationDominance * support) {
    return likely_true ? VerdictBand::kContested : VerdictBand::kRefuted;
  }
  if (totals.against_groups > 0 && against > kLittleRefutation * support) return VerdictBand::kContested;
  if (!likely_true) return VerdictBand::kContested;
  if (totals.disinterested == 0) return VerdictBand::kSelfReportedOnly;
  if (totals.disinterested == 1) return VerdictBand::kSingleOrigin;
  return VerdictBand::kCorroborated;
}

std::string_view VerdictRule(VerdictBand band) {
  switch (band) {
    case VerdictBand::kCorroborated:
      return "two or more disinterested supporting groups, and the weight against is at most "
             "0.25 of the support";
    case VerdictBand::kSingleOrigin: return "exactly one disinterested supporting group";
    case VerdictBand::kSelfReportedOnly: return "every supporting group is interested";
    case VerdictBand::kContested:
      return "groups both support and oppose it, and the weight against exceeds 0.25 of the "
             "support; or its score contradicts the evidence";
    case VerdictBand::kRefuted:
      return "the weight against is at least twice the support, and the score is below 0.5";
    case VerdictBand::kUnsupported: return "no group supports or opposes it";
  }
  return "";
}

}  // namespace score
}  // namespace claimgraph
