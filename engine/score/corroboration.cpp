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
#include <mutex>
#include <span>
#include <string_view>
#include <unordered_map>

#include "score/evidence_groups.h"
#include "score/explanation.h"
#include "score/parallel_ranges.h"
#include "score/probability.h"
#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph {
namespace score {
namespace {

constexpr double kUnknownTrust = 0.5;  // no prior, nothing learned: neither for nor against
constexpr Index kPrefetchClaims = 4;    // how many claims ahead tracing prefetches assertions

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
// claims with the same `question`. Compressed rows (claim c's alternatives are
// values[offsets[c], offsets[c+1])), each sorted, without the claim itself; a vector per
// claim and a map of questions cost a second at ten million assertions.
struct AlternativeRows {
  std::vector<uint32_t> offsets, values;
  std::span<const Index> Of(Index claim) const {
    return {values.data() + offsets[claim], values.data() + offsets[claim + 1]};
  }
};

AlternativeRows Alternatives(const ProvenanceGraph& graph) {
  const std::vector<Claim>& claims = graph.claims();
  // Claims with a question, grouped by question, in claim order within a group. The hash
  // map is only looked up, never iterated, so the rows do not depend on it.
  std::unordered_map<std::string_view, uint32_t> group_of_question;
  std::vector<uint32_t> group_of_claim(claims.size(), UINT32_MAX);
  std::vector<uint32_t> group_begin(1, 0);
  for (Index c = 0; c < claims.size(); ++c) {
    if (claims[c].question.empty()) continue;
    auto [place, added] =
        group_of_question.try_emplace(claims[c].question, static_cast<uint32_t>(group_begin.size() - 1));
    if (added) group_begin.push_back(0);
    group_of_claim[c] = place->second;
    ++group_begin[place->second + 1];
  }
  for (size_t group = 0; group + 1 < group_begin.size(); ++group) group_begin[group + 1] += group_begin[group];
  std::vector<Index> by_question(group_begin.back());
  {
    std::vector<uint32_t> next(group_begin.begin(), group_begin.end() - 1);
    for (Index c = 0; c < claims.size(); ++c) {
      if (group_of_claim[c] != UINT32_MAX) by_question[next[group_of_claim[c]]++] = c;
    }
  }
  auto question_begin = [&](Index c) { return group_of_claim[c] == UINT32_MAX ? 0 : group_begin[group_of_claim[c]]; };
  auto question_end = [&](Index c) { return group_of_claim[c] == UINT32_MAX ? 0 : group_begin[group_of_claim[c] + 1]; };
  AlternativeRows rows;
  rows.offsets.reserve(claims.size() + 1);
  rows.offsets.push_back(0);
  for (Index c = 0; c < claims.size(); ++c) {
    const size_t row = rows.values.size();
    rows.values.insert(rows.values.end(), claims[c].excludes.begin(), claims[c].excludes.end());
    rows.values.insert(rows.values.end(), by_question.begin() + question_begin(c),
                       by_question.begin() + question_end(c));
    auto first = rows.values.begin() + static_cast<std::ptrdiff_t>(row);
    std::sort(first, rows.values.end());
    rows.values.erase(std::unique(first, rows.values.end()), rows.values.end());
    rows.values.erase(std::remove(first, rows.values.end(), c), rows.values.end());
    rows.offsets.push_back(static_cast<uint32_t>(rows.values.size()));
  }
  return rows;
}

// The traced evidence of every claim, in compressed rows indexed by claim: the origins of
// its supporting assertions, and of its refuting ones, each in the order of
// AssertionsOfClaim and then of ClaimTracer::Origins. Tracing every claim once, up front,
// lets a claim's support also serve as evidence against its alternatives without tracing
// it a second time.
struct TracedEvidence {
  // Per claim: its assertions of any stance, its supporting and its refuting ones.
  std::vector<uint32_t> reports, supporting_reports, refuting_reports;
  std::vector<uint32_t> support_offsets, refute_offsets;
  std::vector<EvidenceMember> support, refute;
  std::span<const EvidenceMember> SupportOf(Index claim) const {
    return {support.data() + support_offsets[claim], support.data() + support_offsets[claim + 1]};
  }
  std::span<const EvidenceMember> RefuteOf(Index claim) const {
    return {refute.data() + refute_offsets[claim], refute.data() + refute_offsets[claim + 1]};
  }
};

// Claims by ranges, each range with its own tracer and its own member vectors, joined in
// claim order afterwards: the rows are the same for every number of threads.
TracedEvidence TraceEveryClaim(const ProvenanceGraph& graph, std::span<const double> trust, size_t threads) {
  const std::vector<Assertion>& assertions = graph.assertions();
  const size_t claim_count = graph.claims().size();
  TracedEvidence traced;
  traced.reports.assign(claim_count, 0);
  traced.supporting_reports.assign(claim_count, 0);
  traced.refuting_reports.assign(claim_count, 0);
  std::vector<uint32_t> support_count(claim_count, 0), refute_count(claim_count, 0);
  struct Piece {
    std::vector<EvidenceMember> support, refute;
  };
  std::mutex pieces_mutex;
  std::map<size_t, Piece> pieces;  // by the range's first claim
  ForEachRange(claim_count, threads, [&](size_t first, size_t last) {
    ClaimTracer tracer(graph, trust);
    Piece piece;
    if (first == 0 && last == claim_count) piece.support.reserve(assertions.size());
    for (Index c = static_cast<Index>(first); c < last; ++c) {
      // A claim's assertion records lie scattered over the whole (large) assertion array:
      // request those of a later claim while this one is traced.
      if (c + kPrefetchClaims < last) {
        for (Index a : graph.AssertionsOfClaim(c + kPrefetchClaims)) __builtin_prefetch(&assertions[a]);
      }
      tracer.Reset(c);
      const size_t support_before = piece.support.size(), refute_before = piece.refute.size();
      for (Index a : graph.AssertionsOfClaim(c)) {
        const Stance stance = assertions[a].stance;
        ++traced.reports[c];
        if (stance == Stance::kReports) continue;
        ++(stance == Stance::kSupports ? traced.supporting_reports : traced.refuting_reports)[c];
        std::vector<EvidenceMember>& side = stance == Stance::kSupports ? piece.support : piece.refute;
        for (const OriginHit& hit : tracer.Origins(a)) side.push_back({a, hit, c, assertions[a].confidence});
      }
      support_count[c] = static_cast<uint32_t>(piece.support.size() - support_before);
      refute_count[c] = static_cast<uint32_t>(piece.refute.size() - refute_before);
    }
    const std::lock_guard<std::mutex> lock(pieces_mutex);
    pieces.emplace(first, std::move(piece));
  }, 1024);
  traced.support_offsets.reserve(claim_count + 1);
  traced.refute_offsets.reserve(claim_count + 1);
  traced.support_offsets.push_back(0);
  traced.refute_offsets.push_back(0);
  for (size_t c = 0; c < claim_count; ++c) {
    traced.support_offsets.push_back(traced.support_offsets.back() + support_count[c]);
    traced.refute_offsets.push_back(traced.refute_offsets.back() + refute_count[c]);
  }
  if (pieces.size() == 1) {  // one thread: no copy
    traced.support = std::move(pieces.begin()->second.support);
    traced.refute = std::move(pieces.begin()->second.refute);
    return traced;
  }
  traced.support.reserve(traced.support_offsets.back());
  traced.refute.reserve(traced.refute_offsets.back());
  for (auto& [first, piece] : pieces) {
    traced.support.insert(traced.support.end(), piece.support.begin(), piece.support.end());
    traced.refute.insert(traced.refute.end(), piece.refute.begin(), piece.refute.end());
    piece = Piece{};  // freed as soon as copied, to keep the peak down
  }
  return traced;
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
      if (options.record_chains) tracer.Reset(c);
      ClaimTracer* chains = options.record_chains ? &tracer : nullptr;
      // Both sides are formed in scratch vectors kept across claims, then moved into a
      // vector of the exact size (growing the kept vector would allocate and free for each).
      supporting.clear();
      opposing.clear();
      FormGroups(graph, control, c, Stance::kSupports, support, weighting, chains, options.max_chains, supporting);
      FormGroups(graph, control, c, Stance::kRefutes, against, weighting, chains, options.max_chains, opposing);
      double support_weight = 0.0, against_weight = 0.0;
      for (const EvidenceGroup& group : supporting) support_weight += group.weight;
      for (const EvidenceGroup& group : opposing) against_weight += group.weight;
      // Counted by each group's stance, as the groups were counted when every claim kept them.
      auto interested = [](const EvidenceGroup& g) { return g.interested; };
      auto for_the_claim = [](const EvidenceGroup& g) { return g.stance == Stance::kSupports; };
      scored.origins_for =
          static_cast<size_t>(std::count_if(supporting.begin(), supporting.end(), for_the_claim) +
                              std::count_if(opposing.begin(), opposing.end(), for_the_claim));
      scored.origins_against = supporting.size() + opposing.size() - scored.origins_for;
      scored.independent_origins = supporting.size() + opposing.size();
      scored.interested_origins =
          static_cast<size_t>(std::count_if(supporting.begin(), supporting.end(), interested) +
                              std::count_if(opposing.begin(), opposing.end(), interested));
      scored.score = by_method ? probability[votes->fact_of_claim[c]]
                               : (support_weight + 1.0) / (support_weight + against_weight + 2.0);
      scored.belief = by_method ? learned->value().fact_belief[votes->fact_of_claim[c]] : scored.score;
      scored.verdict = ClassifyVerdict(scored.score, supporting, opposing);
      if (!options.keep_groups) continue;  // `score`: the counts and the verdict are all it prints
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
