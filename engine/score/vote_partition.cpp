// A rank's part of the vote arrays, for distributed scoring (issue 11, item 5; the layer is
// engine/distributed/). Items are the unit of the partition: every fact a source could pick
// instead of another lives in one item, so a rank computes its facts' beliefs from the
// sources' trust alone, and only the per-source sums cross ranks (VoteArrays::reducer).
#include <algorithm>

#include "score/truth_discovery.h"

namespace claimgraph::score {
namespace {

// The entries of each row of `offsets`/`values` that fall in [low, high), shifted down by
// `low`. Rows are sorted, so the kept entries of a row are one contiguous run.
void CutRows(const std::vector<uint32_t>& offsets, const std::vector<uint32_t>& values, uint32_t low,
             uint32_t high, std::vector<uint32_t>& cut_offsets, std::vector<uint32_t>& cut_values) {
  cut_offsets.assign(1, 0);
  cut_values.clear();
  for (size_t row = 0; row + 1 < offsets.size(); ++row) {
    const auto begin = values.begin() + offsets[row], end = values.begin() + offsets[row + 1];
    for (auto at = std::lower_bound(begin, end, low); at != end && *at < high; ++at) cut_values.push_back(*at - low);
    cut_offsets.push_back(static_cast<uint32_t>(cut_values.size()));
  }
}

// values[begin, end) minus `shift`, and offsets[first, last] minus offsets[first].
std::vector<uint32_t> Shifted(const std::vector<uint32_t>& values, size_t begin, size_t end, uint32_t shift) {
  std::vector<uint32_t> part(values.begin() + begin, values.begin() + end);
  for (uint32_t& value : part) value -= shift;
  return part;
}

}  // namespace

VoteArrays RestrictToItems(const VoteArrays& votes, size_t first_item, size_t last_item, const RankReducer* reducer) {
  VoteArrays part;
  part.threads = votes.threads;
  part.reducer = reducer;
  part.source_count = votes.source_count;
  part.item_count = last_item - first_item;
  const uint32_t first_fact = votes.item_offsets[first_item], last_fact = votes.item_offsets[last_item];
  part.fact_count = last_fact - first_fact;
  part.claim_of_fact.assign(votes.claim_of_fact.begin() + first_fact, votes.claim_of_fact.begin() + last_fact);
  part.fact_is_negation.assign(votes.fact_is_negation.begin() + first_fact,
                               votes.fact_is_negation.begin() + last_fact);
  part.item_offsets = Shifted(votes.item_offsets, first_item, last_item + 1, first_fact);
  part.item_facts = Shifted(votes.item_facts, first_fact, last_fact, first_fact);
  part.item_of_fact = Shifted(votes.item_of_fact, first_fact, last_fact, static_cast<uint32_t>(first_item));
  const uint32_t first_vote = votes.fact_offsets[first_fact], last_vote = votes.fact_offsets[last_fact];
  part.fact_offsets = Shifted(votes.fact_offsets, first_fact, last_fact + 1, first_vote);
  part.fact_sources.assign(votes.fact_sources.begin() + first_vote, votes.fact_sources.begin() + last_vote);
  CutRows(votes.source_offsets, votes.source_facts, first_fact, last_fact, part.source_offsets, part.source_facts);
  const uint32_t first_voter = votes.item_voter_offsets[first_item];
  part.item_voter_offsets = Shifted(votes.item_voter_offsets, first_item, last_item + 1, first_voter);
  part.item_voters.assign(votes.item_voters.begin() + first_voter,
                          votes.item_voters.begin() + votes.item_voter_offsets[last_item]);
  CutRows(votes.source_item_offsets, votes.source_items, static_cast<uint32_t>(first_item),
          static_cast<uint32_t>(last_item), part.source_item_offsets, part.source_items);
  part.source_prior = votes.source_prior;
  part.citation_offsets = votes.citation_offsets;
  part.cited_sources = votes.cited_sources;
  part.value_text = votes.value_text;
  part.value_offsets = votes.value_offsets;
  part.source_vote_total.resize(votes.source_count);
  for (size_t s = 0; s < votes.source_count; ++s) part.source_vote_total[s] = votes.VoteCountOfSource(s);
  return part;
}

}  // namespace claimgraph::score
