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

#include "score/evidence_groups.h"
#include "score/explanation.h"
#include "score/parallel_ranges.h"
#include "score/probability.h"
#include "score/provenance.h"
#include "score/traced_evidence.h"
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
  result.max_chains = options.max_chains;
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
  // The method's belief as a probability over each claim's item (score/probability.h).
  std::vector<double> probability;
  if (by_method) {
    const TruthDiscoveryResult& method_result = learned->value();
    probability = method_result.fact_probability.size() == votes->fact_count
                      ? method_result.fact_probability
                      : ProbabilitiesOfFacts(*votes, method_result.fact_belief, ProbabilityRuleOf(options.method));
  }

  const std::vector<Claim>& claims = graph.claims();
  const ControlIndex control(graph);
  const GroupWeighting weighting{result.source_trust, options.interested_weight};
  const AlternativeRows alternatives = Alternatives(graph);
  const size_t threads = ResolveThreadCount(options.threads);
  const TracedEvidence traced = TraceEveryClaim(graph, result.source_trust, threads);

  result.claims.resize(claims.size());
  // Claims by ranges, one tracer and one set of scratch vectors per range: each claim's
  // groups depend only on the claim, the (read-only) graph and the trust, so the result is
  // the same for every number of threads.
  ForEachRange(claims.size(), threads, [&](size_t first, size_t last) {
    ClaimTracer tracer(graph, result.source_trust);
    std::vector<EvidenceMember> against;
    std::vector<EvidenceGroup> supporting, opposing;
    std::vector<GroupSummary> supporting_summary, opposing_summary;
    for (Index c = static_cast<Index>(first); c < last; ++c) {
      ClaimScore& scored = result.claims[c];
      scored.claim = c;
      scored.reports = traced.reports[c];
      scored.supporting_reports = traced.supporting_reports[c];
      scored.refuting_reports = traced.refuting_reports[c];
      std::span<const EvidenceMember> support = traced.SupportOf(c);
      std::span<const EvidenceMember> refute = traced.RefuteOf(c);
      against.assign(refute.begin(), refute.end());
      for (Index other : alternatives.Of(c)) {
        std::span<const EvidenceMember> competing = traced.SupportOf(other);
        against.insert(against.end(), competing.begin(), competing.end());
      }
      // The counts, the score and the verdict, from the totals of the claim's groups.
      auto finish = [&](const EvidenceTotals& totals) {
        scored.origins_for = totals.supporting;
        scored.origins_against = totals.against_groups;
        scored.independent_origins = totals.supporting + totals.against_groups;
        scored.interested_origins = totals.interested;
        scored.score = by_method ? probability[votes->fact_of_claim[c]]
                                 : (totals.support + 1.0) / (totals.support + totals.against + 2.0);
        scored.belief = by_method ? learned->value().fact_belief[votes->fact_of_claim[c]] : scored.score;
        scored.verdict = ClassifyVerdict(scored.score, totals);
      };
      if (!options.keep_groups) {
        // `score` prints the counts and the verdict only: each group's weight and interest
        // are all they need, without the groups' lists or chains.
        supporting_summary.clear();
        opposing_summary.clear();
        SummariseGroups(graph, control, c, support, weighting, supporting_summary);
        SummariseGroups(graph, control, c, against, weighting, opposing_summary);
        finish(TotalsOf(supporting_summary, opposing_summary));
        continue;
      }
      if (options.record_chains) tracer.Reset(c);
      ClaimTracer* chains = options.record_chains ? &tracer : nullptr;
      // Both sides are formed in scratch vectors kept across claims, then moved into a
      // vector of the exact size (growing the kept vector would allocate and free for each).
      supporting.clear();
      opposing.clear();
      FormGroups(graph, control, c, Stance::kSupports, support, weighting, chains, options.max_chains, supporting);
      FormGroups(graph, control, c, Stance::kRefutes, against, weighting, chains, options.max_chains, opposing);
      finish(TotalsOf(supporting, opposing));
      scored.groups.reserve(supporting.size() + opposing.size());
      for (EvidenceGroup& group : supporting) scored.groups.push_back(std::move(group));
      for (EvidenceGroup& group : opposing) scored.groups.push_back(std::move(group));
      scored.explanation = ScoreArithmetic(scored, options.method);
    }
  }, 1024);
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
  const score::VoteArrays votes = score::BuildVoteArrays(graph, options.threads);
  score::FactLabels labels;
  if (options.use_verdicts && !graph.verdicts().empty()) labels = score::LabelsFromVerdicts(graph, votes);
  const Result<score::TruthDiscoveryResult> learned = score::RunTruthDiscovery(
      by_method ? options.method : options.reliability_method, votes, labels.empty() ? nullptr : &labels);
  return score::ScoreWithLearnedTrust(graph, options, &learned, &votes);
}

}  // namespace claimgraph
