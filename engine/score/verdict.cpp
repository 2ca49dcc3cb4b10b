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
// stake. The first row that matches gives the band:
//
//   | band               | condition                                                  |
//   |--------------------|------------------------------------------------------------|
//   | unsupported        | no supporting group and no group against                   |
//   | refuted            | a group against, and R >= 2 * S                            |
//   | contested          | supporting groups, and R > 0.25 * S                        |
//   | self-reported only | every supporting group is interested                       |
//   | single origin      | exactly one disinterested supporting group                 |
//   | corroborated       | two or more disinterested supporting groups, R <= 0.25 * S |
//
// The ratios rather than the score itself decide, so that the band says what kind of
// evidence there is while the score says how much. Between "little" refutation (a quarter
// of the support) and dominance (twice the support) the claim is contested.
VerdictBand ClassifyVerdict(const ClaimScore& score) {
  double support = 0.0, against = 0.0;
  size_t supporting = 0, against_groups = 0, disinterested = 0;
  for (const EvidenceGroup& group : score.groups) {
    if (group.stance == Stance::kSupports) {
      support += group.weight;
      ++supporting;
      if (!group.interested) ++disinterested;
    } else {
      against += group.weight;
      ++against_groups;
    }
  }
  if (supporting == 0 && against_groups == 0) return VerdictBand::kUnsupported;
  if (against_groups > 0 && against >= kRefutationDominance * support) return VerdictBand::kRefuted;
  if (against_groups > 0 && against > kLittleRefutation * support) return VerdictBand::kContested;
  if (disinterested == 0) return VerdictBand::kSelfReportedOnly;
  if (disinterested == 1) return VerdictBand::kSingleOrigin;
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
             "support";
    case VerdictBand::kRefuted: return "the weight against is at least twice the support";
    case VerdictBand::kUnsupported: return "no group supports or opposes it";
  }
  return "";
}

}  // namespace score
}  // namespace claimgraph
