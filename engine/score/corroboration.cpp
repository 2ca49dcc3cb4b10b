// The default corroboration score (issue 3, item 4).
//
// Each claim's supporting and opposing evidence is first reduced to independent evidence
// groups (score/evidence_groups.h), each weighted by
//     weight = reliability * confidence * (interested ? interested_weight : 1)
// where reliability is the trust of the source that vouches for the group's origin (learned
// by truth discovery where available, else the casefile prior, else 0.5) and confidence the
// analyst's. With S the summed weight of the supporting groups and R that of the groups
// against the claim (refuting it, or supporting a claim that excludes it or answers the
// same question differently), the score is the expectation of the Beta reputation /
// subjective-logic opinion (Jøsang and Ismail, "The Beta Reputation System", 15th Bled
// Electronic Commerce Conference, 2002):
//     score = (S + 1) / (S + R + 2)
// 0.5 with no evidence, towards 1 with independent support, towards 0 with refutation.
// Each group is one observation, however many reports repeat it. `reports` stances add
// coverage (counted in ClaimScore::reports) but no weight.
#include "score/corroboration.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "score/evidence_groups.h"
#include "score/explanation.h"
#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph {
namespace score {
namespace {

constexpr double kUnknownTrust = 0.5;  // no prior, nothing learned: neither for nor against

std::string JoinNames(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::vector<double> PriorTrust(const ProvenanceGraph& graph) {
  std::vector<double> trust;
  trust.reserve(graph.sources().size());
  for (const Source& source : graph.sources()) trust.push_back(source.reliability.value_or(kUnknownTrust));
  return trust;
}

// The claims that cannot be true together with each claim: `excludes`, and the other
// claims with the same `question`. Sorted, without the claim itself.
std::vector<std::vector<Index>> Alternatives(const ProvenanceGraph& graph) {
  const std::vector<Claim>& claims = graph.claims();
  std::map<std::string_view, std::vector<Index>> by_question;
  for (Index c = 0; c < claims.size(); ++c) {
    if (!claims[c].question.empty()) by_question[claims[c].question].push_back(c);
  }
  std::vector<std::vector<Index>> alternatives(claims.size());
  for (Index c = 0; c < claims.size(); ++c) {
    std::vector<Index>& list = alternatives[c];
    list = claims[c].excludes;
    if (!claims[c].question.empty()) {
      const std::vector<Index>& same = by_question[claims[c].question];
      list.insert(list.end(), same.begin(), same.end());
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    list.erase(std::remove(list.begin(), list.end(), c), list.end());
  }
  return alternatives;
}

}  // namespace

const std::vector<std::string>& AcceptedTruthDiscoveryMethods() {
  static const std::vector<std::string> documented = {
      "majority", "sums", "average-log", "investment", "pooled-investment",
      "truthfinder", "2-estimates", "3-estimates", "accucopy"};
  const std::vector<std::string>& built = TruthDiscoveryMethods();
  return built.empty() ? documented : built;
}

FactLabels LabelsFromVerdicts(const ProvenanceGraph& graph, const VoteArrays& votes) {
  FactLabels labels(votes.fact_count, -1);
  if (votes.fact_of_claim.size() != graph.claims().size()) return labels;
  for (const Verdict& verdict : graph.verdicts()) {
    labels[votes.fact_of_claim[verdict.claim]] = verdict.rating == Rating::kTrue ? 1 : 0;
  }
  return labels;
}

Result<CorroborationResult> ScoreWithLearnedTrust(const ProvenanceGraph& graph,
                                                  const ScoreOptions& options,
                                                  const Result<TruthDiscoveryResult>* learned,
                                                  const VoteArrays* votes) {
  const bool by_method = options.method != "corroboration";
  const size_t source_count = graph.sources().size();
  CorroborationResult result;
  result.method = options.method;
  result.interested_weight = options.interested_weight;
  result.source_trust = PriorTrust(graph);
  if (learned != nullptr) {
    const std::string& asked = by_method ? options.method : options.reliability_method;
    if (learned->ok() && learned->value().source_trust.size() == source_count) {
      result.source_trust = learned->value().source_trust;
      result.trust_origin = asked;
      result.iterations = learned->value().iterations;
      result.residual = learned->value().residual;
      result.converged = learned->value().converged;
    } else {
      std::string reason = learned->ok() ? "it returned " +
                                               std::to_string(learned->value().source_trust.size()) +
                                               " source trusts for " + std::to_string(source_count) +
                                               " sources"
                                         : learned->status().message();
      if (by_method) {
        return Status::Error("claimgraph: scoring method '" + asked + "' failed: " + reason,
                             ExitCode::kInternalError);
      }
      result.trust_fallback_reason = "reliability method '" + asked + "' failed (" + reason +
                                     "); using the casefile priors, else 0.5";
    }
  }
  if (by_method && (votes == nullptr || learned == nullptr ||
                    learned->value().fact_belief.size() != votes->fact_count ||
                    votes->fact_of_claim.size() != graph.claims().size())) {
    return Status::Error("claimgraph: scoring method '" + options.method +
                             "' gave no belief for some claims",
                         ExitCode::kInternalError);
  }

  const std::vector<Claim>& claims = graph.claims();
  const std::vector<Assertion>& assertions = graph.assertions();
  const ControlIndex control(graph);
  const GroupWeighting weighting{result.source_trust, options.interested_weight};
  const std::vector<std::vector<Index>> alternatives = Alternatives(graph);
  ClaimTracer tracer(graph, result.source_trust);

  // The supporting members of every claim that is some claim's alternative, traced once.
  std::vector<std::vector<EvidenceMember>> competing_support(claims.size());
  std::vector<uint8_t> is_alternative(claims.size(), 0);
  for (const std::vector<Index>& list : alternatives) {
    for (Index other : list) is_alternative[other] = 1;
  }
  for (Index c = 0; c < claims.size(); ++c) {
    if (!is_alternative[c]) continue;
    tracer.Reset(c);
    for (Index a : graph.AssertionsOfClaim(c)) {
      if (assertions[a].stance != Stance::kSupports) continue;
      for (const OriginHit& hit : tracer.Origins(a)) competing_support[c].push_back({a, hit});
    }
  }

  result.claims.resize(claims.size());
  std::vector<EvidenceMember> support, against;
  for (Index c = 0; c < claims.size(); ++c) {
    ClaimScore& scored = result.claims[c];
    scored.claim = c;
    tracer.Reset(c);
    support.clear();
    against.clear();
    for (Index a : graph.AssertionsOfClaim(c)) {
      const Assertion& assertion = assertions[a];
      ++scored.reports;
      if (assertion.stance == Stance::kReports) continue;
      std::vector<EvidenceMember>& side = assertion.stance == Stance::kSupports ? support : against;
      (assertion.stance == Stance::kSupports ? scored.supporting_reports : scored.refuting_reports)++;
      for (const OriginHit& hit : tracer.Origins(a)) side.push_back({a, hit});
    }
    for (Index other : alternatives[c]) {
      against.insert(against.end(), competing_support[other].begin(), competing_support[other].end());
    }
    ClaimTracer* chains = options.record_chains ? &tracer : nullptr;
    scored.groups = FormGroups(graph, control, c, Stance::kSupports, support, weighting, chains);
    std::vector<EvidenceGroup> opposing =
        FormGroups(graph, control, c, Stance::kRefutes, against, weighting, chains);
    double support_weight = 0.0, against_weight = 0.0;
    for (const EvidenceGroup& group : scored.groups) support_weight += group.weight;
    for (const EvidenceGroup& group : opposing) against_weight += group.weight;
    scored.groups.insert(scored.groups.end(), std::make_move_iterator(opposing.begin()),
                         std::make_move_iterator(opposing.end()));
    scored.independent_origins = scored.groups.size();
    scored.interested_origins = static_cast<size_t>(std::count_if(
        scored.groups.begin(), scored.groups.end(), [](const EvidenceGroup& g) { return g.interested; }));
    scored.score = by_method ? learned->value().fact_belief[votes->fact_of_claim[c]]
                             : (support_weight + 1.0) / (support_weight + against_weight + 2.0);
    scored.verdict = ClassifyVerdict(scored);
    scored.explanation = ScoreArithmetic(scored, options.method);
  }
  return result;
}

}  // namespace score

Status ScoreOptions::Validate() const {
  const std::vector<std::string>& methods = score::AcceptedTruthDiscoveryMethods();
  auto known = [&](const std::string& name) {
    return std::find(methods.begin(), methods.end(), name) != methods.end();
  };
  if (method != "corroboration" && !known(method)) {
    return Status::Error("unknown scoring method '" + method + "' (choose corroboration, " +
                         score::JoinNames(methods) + ")");
  }
  if (!reliability_method.empty() && !known(reliability_method)) {
    return Status::Error("unknown reliability method '" + reliability_method + "' (choose " +
                         score::JoinNames(methods) + ", or \"\" for the casefile priors)");
  }
  if (!std::isfinite(interested_weight) || interested_weight < 0.0 || interested_weight > 1.0) {
    return Status::Error("interested_weight must be a number in [0, 1], got " +
                         score::FormatDecimal(interested_weight, 4));
  }
  return Status::Ok();
}

Result<CorroborationResult> Score(const ProvenanceGraph& graph, const ScoreOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  const bool by_method = options.method != "corroboration";
  if (!by_method && options.reliability_method.empty()) {
    return score::ScoreWithLearnedTrust(graph, options, nullptr, nullptr);
  }
  const score::VoteArrays votes = score::BuildVoteArrays(graph);
  score::FactLabels labels;
  if (options.use_verdicts && !graph.verdicts().empty()) labels = score::LabelsFromVerdicts(graph, votes);
  const Result<score::TruthDiscoveryResult> learned = score::RunTruthDiscovery(
      by_method ? options.method : options.reliability_method, votes, labels.empty() ? nullptr : &labels);
  return score::ScoreWithLearnedTrust(graph, options, &learned, &votes);
}

}  // namespace claimgraph
