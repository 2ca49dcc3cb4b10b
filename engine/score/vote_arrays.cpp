// Builds the compact vote arrays that every truth-discovery method iterates (see the model
// at the top of truth_discovery.h), and resolves semi-supervised labels against them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "score/truth_discovery.h"

namespace claimgraph::score {
namespace {

// Union-find over claims, to join claims that exclude each other into one data item.
class DisjointSets {
 public:
  explicit DisjointSets(size_t count) : parent_(count) {
    std::iota(parent_.begin(), parent_.end(), uint32_t{0});
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  // The smaller index becomes the root, so a root is its component's first claim.
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<uint32_t> parent_;
};

// Rows [0, row_count) of (row, value) pairs that are sorted and unique: offsets and values.
void FillRows(size_t row_count, const std::vector<std::pair<uint32_t, uint32_t>>& sorted_pairs,
              std::vector<uint32_t>& offsets, std::vector<uint32_t>& values) {
  offsets.assign(row_count + 1, 0);
  values.resize(sorted_pairs.size());
  for (size_t k = 0; k < sorted_pairs.size(); ++k) {
    ++offsets[sorted_pairs[k].first + 1];
    values[k] = sorted_pairs[k].second;
  }
  for (size_t row = 0; row < row_count; ++row) offsets[row + 1] += offsets[row];
}

void SortUnique(std::vector<std::pair<uint32_t, uint32_t>>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

std::vector<std::pair<uint32_t, uint32_t>> Swapped(
    const std::vector<std::pair<uint32_t, uint32_t>>& pairs) {
  std::vector<std::pair<uint32_t, uint32_t>> swapped;
  swapped.reserve(pairs.size());
  for (const auto& [a, b] : pairs) swapped.emplace_back(b, a);
  std::sort(swapped.begin(), swapped.end());
  return swapped;
}

}  // namespace

VoteArrays BuildVoteArrays(const ProvenanceGraph& graph) {
  const std::vector<Claim>& claims = graph.claims();
  const size_t claim_count = claims.size();
  VoteArrays votes;
  votes.source_count = graph.sources().size();

  // Items: connected components of `excludes` and of equal non-empty `question`.
  DisjointSets sets(claim_count);
  std::vector<uint32_t> by_question;
  for (uint32_t c = 0; c < claim_count; ++c) {
    for (Index other : claims[c].excludes) sets.Join(c, other);
    if (!claims[c].question.empty()) by_question.push_back(c);
  }
  std::stable_sort(by_question.begin(), by_question.end(), [&](uint32_t a, uint32_t b) {
    return claims[a].question < claims[b].question;
  });
  for (size_t k = 1; k < by_question.size(); ++k) {
    if (claims[by_question[k]].question == claims[by_question[k - 1]].question) {
      sets.Join(by_question[k - 1], by_question[k]);
    }
  }
  // Component members in claim order; items ordered by their first claim, which is the root.
  std::vector<uint32_t> root(claim_count);
  for (uint32_t c = 0; c < claim_count; ++c) root[c] = sets.Find(c);

  votes.fact_of_claim.assign(claim_count, 0);
  std::vector<uint32_t> item_of_root(claim_count, UINT32_MAX);
  std::vector<std::vector<uint32_t>> item_claims;
  for (uint32_t c = 0; c < claim_count; ++c) {
    if (item_of_root[root[c]] == UINT32_MAX) {
      item_of_root[root[c]] = static_cast<uint32_t>(item_claims.size());
      item_claims.emplace_back();
    }
    item_claims[item_of_root[root[c]]].push_back(c);
  }
  std::vector<uint32_t> negation_of_claim(claim_count, UINT32_MAX);
  votes.item_offsets.push_back(0);
  for (uint32_t item = 0; item < item_claims.size(); ++item) {
    const bool alone = item_claims[item].size() == 1;
    for (uint32_t c : item_claims[item]) {
      votes.fact_of_claim[c] = static_cast<uint32_t>(votes.claim_of_fact.size());
      votes.claim_of_fact.push_back(c);
      votes.fact_is_negation.push_back(0);
      if (alone) {  // the implicit negation follows its claim
        negation_of_claim[c] = static_cast<uint32_t>(votes.claim_of_fact.size());
        votes.claim_of_fact.push_back(c);
        votes.fact_is_negation.push_back(1);
      }
    }
    const uint32_t end = static_cast<uint32_t>(votes.claim_of_fact.size());
    for (uint32_t f = votes.item_offsets.back(); f < end; ++f) {
      votes.item_facts.push_back(f);
      votes.item_of_fact.push_back(item);
    }
    votes.item_offsets.push_back(end);
  }
  votes.fact_count = votes.claim_of_fact.size();
  votes.item_count = item_claims.size();

  // Votes as (source, fact) pairs, each counted once.
  std::vector<std::pair<uint32_t, uint32_t>> source_fact;
  for (const Assertion& assertion : graph.assertions()) {
    const uint32_t fact = votes.fact_of_claim[assertion.claim];
    if (assertion.stance == Stance::kSupports) {
      source_fact.emplace_back(assertion.source, fact);
    } else if (assertion.stance == Stance::kRefutes) {
      if (negation_of_claim[assertion.claim] != UINT32_MAX) {
        source_fact.emplace_back(assertion.source, negation_of_claim[assertion.claim]);
      } else {  // against this claim: one vote for each of its alternatives
        const uint32_t item = votes.item_of_fact[fact];
        for (uint32_t k = votes.item_offsets[item]; k < votes.item_offsets[item + 1]; ++k) {
          if (votes.item_facts[k] != fact) source_fact.emplace_back(assertion.source, votes.item_facts[k]);
        }
      }
    }  // kReports relays without taking a side: no vote.
  }
  SortUnique(source_fact);
  FillRows(votes.source_count, source_fact, votes.source_offsets, votes.source_facts);
  FillRows(votes.fact_count, Swapped(source_fact), votes.fact_offsets, votes.fact_sources);

  std::vector<std::pair<uint32_t, uint32_t>> source_item;
  source_item.reserve(source_fact.size());
  for (const auto& [source, fact] : source_fact) source_item.emplace_back(source, votes.item_of_fact[fact]);
  SortUnique(source_item);
  FillRows(votes.source_count, source_item, votes.source_item_offsets, votes.source_items);
  FillRows(votes.item_count, Swapped(source_item), votes.item_voter_offsets, votes.item_voters);

  std::vector<std::pair<uint32_t, uint32_t>> citations;
  for (const Citation& citation : graph.citations()) {
    if (citation.from != citation.to) citations.emplace_back(citation.from, citation.to);
  }
  SortUnique(citations);
  FillRows(votes.source_count, citations, votes.citation_offsets, votes.cited_sources);

  votes.source_prior.assign(votes.source_count, std::numeric_limits<double>::quiet_NaN());
  for (size_t s = 0; s < votes.source_count; ++s) {
    if (graph.sources()[s].reliability) votes.source_prior[s] = *graph.sources()[s].reliability;
  }
  return votes;
}

bool VoteArrays::Cites(uint32_t from, uint32_t to) const {
  return std::binary_search(cited_sources.begin() + citation_offsets[from],
                            cited_sources.begin() + citation_offsets[from + 1], to);
}

Result<std::vector<int8_t>> ResolveLabels(const VoteArrays& votes, const FactLabels* labels) {
  std::vector<int8_t> fixed(votes.fact_count, -1);
  if (labels == nullptr) return fixed;
  if (labels->size() != votes.fact_count) {
    return Status::Error("labels must have one entry per fact (" + std::to_string(votes.fact_count) +
                         "), got " + std::to_string(labels->size()));
  }
  for (size_t f = 0; f < votes.fact_count; ++f) {
    const int8_t label = (*labels)[f];
    if (label < -1 || label > 1) {
      return Status::Error("label of fact " + std::to_string(f) + " must be -1, 0 or 1, got " +
                           std::to_string(label));
    }
  }
  for (size_t item = 0; item < votes.item_count; ++item) {
    const uint32_t begin = votes.item_offsets[item], end = votes.item_offsets[item + 1];
    uint32_t true_fact = UINT32_MAX;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      if ((*labels)[f] != 1) continue;
      if (true_fact != UINT32_MAX) {
        return Status::Error("facts " + std::to_string(true_fact) + " and " + std::to_string(f) +
                             " exclude each other but are both labelled true");
      }
      true_fact = f;
    }
    // A claim and its implicit negation: one false makes the other true.
    const bool negation_pair = end - begin == 2 && votes.fact_is_negation[votes.item_facts[begin + 1]];
    if (true_fact == UINT32_MAX && negation_pair) {
      const uint32_t a = votes.item_facts[begin], b = votes.item_facts[begin + 1];
      if ((*labels)[a] == 0 && (*labels)[b] == 0) {
        return Status::Error("facts " + std::to_string(a) + " and " + std::to_string(b) +
                             " are a claim and its negation but are both labelled false");
      }
      if ((*labels)[a] == 0) true_fact = b;
      if ((*labels)[b] == 0) true_fact = a;
    }
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t f = votes.item_facts[k];
      if (true_fact != UINT32_MAX) {
        fixed[f] = f == true_fact ? 1 : 0;
      } else if ((*labels)[f] == 0) {
        fixed[f] = 0;
      }
    }
  }
  return fixed;
}

}  // namespace claimgraph::score
