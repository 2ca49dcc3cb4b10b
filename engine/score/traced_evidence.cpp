#include "score/traced_evidence.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "score/parallel_ranges.h"
#include "score/provenance.h"

namespace claimgraph::score {
namespace {

constexpr Index kPrefetchClaims = 4;  // how many claims ahead tracing prefetches assertions

}  // namespace

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

}  // namespace claimgraph::score
