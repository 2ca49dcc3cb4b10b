#include <doctest/doctest.h>

#include <cmath>

#include "score_truth_cases.h"

namespace claimgraph::score {
namespace {

using testing::VotesOf;
using Numbers = std::vector<uint32_t>;

TEST_CASE("a lone claim gets a negation fact and a refutation votes for it") {
  VoteArrays votes = VotesOf(testing::ThreeSourceCase());
  CHECK(votes.source_count == 3);
  CHECK(votes.fact_count == 4);
  CHECK(votes.item_count == 2);
  CHECK(votes.claim_of_fact == std::vector<Index>{0, 0, 1, 2});
  CHECK(votes.fact_is_negation == std::vector<uint8_t>{0, 1, 0, 0});
  CHECK(votes.fact_of_claim == Numbers{0, 2, 3});
  CHECK(votes.item_offsets == Numbers{0, 2, 4});
  CHECK(votes.item_facts == Numbers{0, 1, 2, 3});
  CHECK(votes.item_of_fact == Numbers{0, 0, 1, 1});
  CHECK(votes.source_offsets == Numbers{0, 2, 4, 6});
  CHECK(votes.source_facts == Numbers{0, 2, 0, 2, 1, 3});
  CHECK(votes.fact_offsets == Numbers{0, 2, 3, 5, 6});
  CHECK(votes.fact_sources == Numbers{0, 1, 2, 0, 1, 2});
  CHECK(votes.item_voter_offsets == Numbers{0, 3, 6});
  CHECK(votes.item_voters == Numbers{0, 1, 2, 0, 1, 2});
  CHECK(votes.source_items == Numbers{0, 1, 0, 1, 0, 1});
}

// Claims c0, c2, c3 exclude each other in a chain (c0-c2, c2-c3) and form one item; c1 is
// alone. s0 supports c0 and refutes c2 (a vote for c0 again, and for c3); s1 supports c1
// twice and reports c0.
CaseData ExclusionCase() {
  CaseData data;
  data.sources = {{.id = "s0", .reliability = 0.7}, {.id = "s1"}};
  data.claims = {{.id = "c0", .excludes = {2}},
                 {.id = "c1"},
                 {.id = "c2", .excludes = {0, 3}},
                 {.id = "c3", .excludes = {2}}};
  data.assertions = {{.source = 0, .claim = 0},
                     {.source = 0, .claim = 2, .stance = Stance::kRefutes},
                     {.source = 1, .claim = 1},
                     {.source = 1, .claim = 1},
                     {.source = 1, .claim = 0, .stance = Stance::kReports}};
  data.citations = {{.from = 1, .to = 0}, {.from = 1, .to = 0}, {.from = 0, .to = 0}};
  return data;
}

TEST_CASE("excludes chains form one item, ordered by first claim, refuting an alternative votes for the others") {
  VoteArrays votes = VotesOf(ExclusionCase());
  CHECK(votes.item_count == 2);
  CHECK(votes.fact_count == 5);
  CHECK(votes.claim_of_fact == std::vector<Index>{0, 2, 3, 1, 1});
  CHECK(votes.fact_is_negation == std::vector<uint8_t>{0, 0, 0, 0, 1});
  CHECK(votes.fact_of_claim == Numbers{0, 3, 1, 2});
  CHECK(votes.item_offsets == Numbers{0, 3, 5});
  // Facts are numbered in item order, which the methods' range loops rely on.
  CHECK(votes.item_facts == Numbers{0, 1, 2, 3, 4});
  // s0: c0 once (supported and implied by refuting c2), c3; s1: c1 once, the report is no vote.
  CHECK(votes.source_facts == Numbers{0, 2, 3});
  CHECK(votes.source_offsets == Numbers{0, 2, 3});
  CHECK(votes.fact_offsets == Numbers{0, 1, 1, 2, 3, 3});
  CHECK(votes.item_voters == Numbers{0, 1});
}

TEST_CASE("citations become a sorted row per citing source, without duplicates or self-citations") {
  VoteArrays votes = VotesOf(ExclusionCase());
  CHECK(votes.citation_offsets == Numbers{0, 0, 1});
  CHECK(votes.cited_sources == Numbers{0});
  CHECK(votes.Cites(1, 0));
  CHECK_FALSE(votes.Cites(0, 1));
  CHECK_FALSE(votes.Cites(0, 0));
  CHECK(votes.source_prior[0] == doctest::Approx(0.7));
  CHECK(std::isnan(votes.source_prior[1]));
}

TEST_CASE("labels spread through an item: one true fact makes the others false") {
  VoteArrays votes = VotesOf(ExclusionCase());
  FactLabels labels = {-1, 1, -1, -1, -1};
  Result<std::vector<int8_t>> fixed = ResolveLabels(votes, &labels);
  REQUIRE(fixed.ok());
  CHECK(fixed.value() == std::vector<int8_t>{0, 1, 0, -1, -1});

  labels = {0, -1, -1, 0, -1};  // c1 false makes its negation true; c0 false says no more
  fixed = ResolveLabels(votes, &labels);
  REQUIRE(fixed.ok());
  CHECK(fixed.value() == std::vector<int8_t>{0, -1, -1, 0, 1});

  CHECK(ResolveLabels(votes, nullptr).value() == std::vector<int8_t>(5, -1));
}

TEST_CASE("bad labels are refused with a message naming the facts") {
  VoteArrays votes = VotesOf(ExclusionCase());
  FactLabels labels = {1, 1, -1, -1, -1};
  CHECK(ResolveLabels(votes, &labels).status().message() ==
        "facts 0 and 1 exclude each other but are both labelled true");
  labels = {-1, -1, -1, 0, 0};
  CHECK(ResolveLabels(votes, &labels).status().message() ==
        "facts 3 and 4 are a claim and its negation but are both labelled false");
  labels = {-1, 2, -1, -1, -1};
  CHECK(ResolveLabels(votes, &labels).status().message() == "label of fact 1 must be -1, 0 or 1, got 2");
  labels = {-1};
  CHECK(ResolveLabels(votes, &labels).status().message() ==
        "labels must have one entry per fact (5), got 1");
}

TEST_CASE("building twice gives identical arrays") {
  VoteArrays first = VotesOf(testing::ClearCase());
  VoteArrays second = VotesOf(testing::ClearCase());
  CHECK(first.fact_sources == second.fact_sources);
  CHECK(first.source_facts == second.source_facts);
  CHECK(first.item_facts == second.item_facts);
}

}  // namespace
}  // namespace claimgraph::score
