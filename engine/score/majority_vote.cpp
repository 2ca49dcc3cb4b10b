#include "score/majority_vote.h"

#include "score/parallel_ranges.h"

namespace claimgraph::score {

Result<TruthDiscoveryResult> RunMajorityVote(const VoteArrays& votes, const FactLabels* labels) {
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, labels);
  if (!fixed.ok()) return fixed.status();
  TruthDiscoveryResult result;
  result.method = "majority";
  result.iterations = 1;
  result.fact_belief.assign(votes.fact_count, 0.0);
  std::vector<uint8_t> won(votes.fact_count, 0);
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    uint32_t total = 0;
    for (uint32_t k = begin; k < end; ++k) total += votes.VoteCountOfFact(votes.item_facts[k]);
    uint32_t winner = UINT32_MAX, most = 0;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      const uint32_t count = votes.VoteCountOfFact(f);
      result.fact_belief[f] = total == 0 ? 1.0 / (end - begin) : double(count) / total;
      if (fixed.value()[f] == 1) {
        winner = f;
        most = UINT32_MAX;  // a fact labelled true wins whatever the count
      } else if (fixed.value()[f] != 0 && count > most) {  // strict: the first of equals wins
        winner = f;
        most = count;
      }
    }
    if (winner != UINT32_MAX) won[winner] = 1;
  }
  ApplyFixedBeliefs(fixed.value(), result.fact_belief);
  // Wins counted exactly in doubles (far below 2^53), so the sum over ranks is exact too.
  std::vector<double> wins(votes.source_count, 0.0);
  ForEachRange(votes.source_count, votes.threads, [&](size_t first, size_t last) {
    for (size_t s = first; s < last; ++s) {
      uint32_t count = 0;
      for (uint32_t k = votes.source_offsets[s]; k < votes.source_offsets[s + 1]; ++k) count += won[votes.source_facts[k]];
      wins[s] = count;
    }
  });
  votes.SumOverRanks(wins);
  result.source_trust.assign(votes.source_count, 0.0);
  for (size_t s = 0; s < votes.source_count; ++s) {
    const uint32_t count = votes.VoteCountOfSource(s);
    if (count > 0) result.source_trust[s] = wins[s] / count;
  }
  SetTrustOfSilentSources(votes, result.source_trust);
  return result;
}

}  // namespace claimgraph::score
