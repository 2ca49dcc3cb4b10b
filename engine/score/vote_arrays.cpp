// Builds the compact vote arrays that every truth-discovery method iterates (see the model
// at the top of truth_discovery.h), and resolves semi-supervised labels against them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "score/parallel_ranges.h"
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

// Compressed rows from unsorted (row, value) pairs: a counting sort by row, then each row
// sorted and made unique (rows are short, a few votes each). Linear in the pairs but for
// the rows' own sorting: building all the vote arrays took 2.7 s at ten million assertions
// with a sort of the pairs, 1.2 s this way (tests/bench/score_bench).
void FillRows(size_t row_count, const std::vector<std::pair<uint32_t, uint32_t>>& pairs, size_t threads,
              std::vector<uint32_t>& offsets, std::vector<uint32_t>& values) {
  offsets.assign(row_count + 1, 0);
  for (const auto& pair : pairs) ++offsets[pair.first + 1];
  for (size_t row = 0; row < row_count; ++row) offsets[row + 1] += offsets[row];
  values.resize(pairs.size());
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (const auto& [row, value] : pairs) values[next[row]++] = value;
  // Sort each row in place (rows by ranges, on every thread: a row's sorted form does not
  // depend on who sorts it), then deduplicate, compacting the rows towards the front.
  ForEachRange(row_count, threads, [&](size_t first, size_t last) {
    for (size_t row = first; row < last; ++row) {
      std::sort(values.begin() + offsets[row], values.begin() + offsets[row + 1]);
    }
  });
  uint32_t write = 0;
  for (size_t row = 0; row < row_count; ++row) {
    const uint32_t begin = offsets[row], end = offsets[row + 1];
    offsets[row] = write;
    for (uint32_t k = begin; k < end; ++k) {
      if (k == begin || values[k] != values[k - 1]) values[write++] = values[k];
    }
  }
  offsets[row_count] = write;
  values.resize(write);
}

// The transpose of compressed rows over `column_count` columns; each of its rows comes out
// sorted because the input rows are visited in order.
void Transpose(const std::vector<uint32_t>& offsets, const std::vector<uint32_t>& values,
               size_t column_count, std::vector<uint32_t>& transposed_offsets,
               std::vector<uint32_t>& transposed_values) {
  transposed_offsets.assign(column_count + 1, 0);
  for (uint32_t value : values) ++transposed_offsets[value + 1];
  for (size_t column = 0; column < column_count; ++column) {
    transposed_offsets[column + 1] += transposed_offsets[column];
  }
  transposed_values.resize(values.size());
  std::vector<uint32_t> next(transposed_offsets.begin(), transposed_offsets.end() - 1);
  for (size_t row = 0; row + 1 < offsets.size(); ++row) {
    for (uint32_t k = offsets[row]; k < offsets[row + 1]; ++k) {
      transposed_values[next[values[k]]++] = static_cast<uint32_t>(row);
    }
  }
}

// The data items as compressed rows: item i's claims are claims[begin[i], begin[i+1]), in
// claim order; items ordered by their first claim.
struct ItemRows {
  std::vector<uint32_t> begin, claims;
  size_t count() const { return begin.size() - 1; }
};

ItemRows GroupIntoItems(const std::vector<Claim>& claims) {
  const size_t claim_count = claims.size();
  // Items: connected components of `excludes` and of equal non-empty `question`.
  DisjointSets sets(claim_count);
  // Claims with equal questions are joined to the first claim with that question, found by
  // hashing (only looked up, never iterated, so the result does not depend on the hash);
  // sorting the questions instead took a tenth of the build at ten million assertions.
  std::unordered_map<std::string_view, uint32_t> first_with_question;
  for (uint32_t c = 0; c < claim_count; ++c) {
    for (Index other : claims[c].excludes) sets.Join(c, other);
    if (claims[c].question.empty()) continue;
    auto [place, added] = first_with_question.try_emplace(claims[c].question, c);
    if (!added) sets.Join(place->second, c);
  }
  // Component members in claim order; items ordered by their first claim, which is the root.
  std::vector<uint32_t> root(claim_count);
  for (uint32_t c = 0; c < claim_count; ++c) root[c] = sets.Find(c);
  // Each item's claims, as compressed rows filled in claim order (a vector per item cost a
  // heap allocation per claim pair at ten million assertions).
  std::vector<uint32_t> item_of_root(claim_count, UINT32_MAX), item_of_claim(claim_count);
  ItemRows rows;
  rows.begin.assign(1, 0);
  for (uint32_t c = 0; c < claim_count; ++c) {
    if (item_of_root[root[c]] == UINT32_MAX) {
      item_of_root[root[c]] = static_cast<uint32_t>(rows.begin.size() - 1);
      rows.begin.push_back(0);
    }
    item_of_claim[c] = item_of_root[root[c]];
    ++rows.begin[item_of_claim[c] + 1];
  }
  for (size_t item = 0; item < rows.count(); ++item) rows.begin[item + 1] += rows.begin[item];
  rows.claims.resize(claim_count);
  std::vector<uint32_t> next(rows.begin.begin(), rows.begin.end() - 1);
  for (uint32_t c = 0; c < claim_count; ++c) rows.claims[next[item_of_claim[c]]++] = c;
  return rows;
}

}  // namespace

VoteArrays BuildVoteArrays(const ProvenanceGraph& graph, size_t threads) {
  const std::vector<Claim>& claims = graph.claims();
  const size_t claim_count = claims.size();
  VoteArrays votes;
  votes.threads = ResolveThreadCount(threads);
  votes.source_count = graph.sources().size();
  votes.fact_of_claim.assign(claim_count, 0);
  const ItemRows rows = GroupIntoItems(claims);
  const size_t item_count = rows.count();
  const std::vector<uint32_t>& claims_begin = rows.begin;
  const std::vector<uint32_t>& item_claims = rows.claims;
  std::vector<uint32_t> negation_of_claim(claim_count, UINT32_MAX);
  votes.item_offsets.push_back(0);
  for (uint32_t item = 0; item < item_count; ++item) {
    const bool alone = claims_begin[item + 1] - claims_begin[item] == 1;
    for (uint32_t k = claims_begin[item]; k < claims_begin[item + 1]; ++k) {
      const uint32_t c = item_claims[k];
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
  votes.item_count = item_count;

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
  FillRows(votes.source_count, source_fact, votes.threads, votes.source_offsets, votes.source_facts);
  Transpose(votes.source_offsets, votes.source_facts, votes.fact_count, votes.fact_offsets, votes.fact_sources);

  // A source's items: its facts mapped to their items (the facts of an item are numbered
  // contiguously and items in order, so a sorted row of facts gives a sorted row of items).
  votes.source_item_offsets.assign(votes.source_count + 1, 0);
  votes.source_items.clear();
  votes.source_items.reserve(votes.source_facts.size());
  for (size_t source = 0; source < votes.source_count; ++source) {
    for (uint32_t k = votes.source_offsets[source]; k < votes.source_offsets[source + 1]; ++k) {
      const uint32_t item = votes.item_of_fact[votes.source_facts[k]];
      if (votes.source_items.size() == votes.source_item_offsets[source] || votes.source_items.back() != item) {
        votes.source_items.push_back(item);
      }
    }
    votes.source_item_offsets[source + 1] = static_cast<uint32_t>(votes.source_items.size());
  }
  Transpose(votes.source_item_offsets, votes.source_items, votes.item_count, votes.item_voter_offsets,
            votes.item_voters);

  std::vector<std::pair<uint32_t, uint32_t>> citations;
  for (const Citation& citation : graph.citations()) {
    if (citation.from != citation.to) citations.emplace_back(citation.from, citation.to);
  }
  FillRows(votes.source_count, citations, votes.threads, votes.citation_offsets, votes.cited_sources);

  votes.value_offsets.assign(1, 0);
  votes.value_offsets.reserve(claim_count + 1);
  for (const Claim& claim : claims) {
    votes.value_text += claim.value;
    votes.value_offsets.push_back(votes.value_text.size());
  }

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

std::string_view VoteArrays::ValueOfFact(size_t f) const {
  if (fact_is_negation[f]) return {};
  const Index c = claim_of_fact[f];
  return std::string_view(value_text).substr(value_offsets[c], value_offsets[c + 1] - value_offsets[c]);
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

namespace claimgraph {

std::vector<std::vector<Index>> DataItems(const ProvenanceGraph& graph) {
  const score::ItemRows rows = score::GroupIntoItems(graph.claims());
  std::vector<std::vector<Index>> items(rows.count());
  for (size_t item = 0; item < rows.count(); ++item) {
    items[item].assign(rows.claims.begin() + rows.begin[item], rows.claims.begin() + rows.begin[item + 1]);
  }
  return items;
}

}  // namespace claimgraph
