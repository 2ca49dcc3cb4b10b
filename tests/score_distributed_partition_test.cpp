// The partition behind `score --distributed` (docs/distributed.md), without MPI: the item
// ranges cover every item once, no question spans two ranks, and the ranks' parts of the
// vote arrays add up to the whole, with every source kept and its total vote count known.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "distributed/distributed_scoring.h"
#include "distributed/mpi_world.h"
#include "score_truth_cases.h"

namespace claimgraph {
namespace {

// 20 claims: 14 answer 7 questions, interleaved in claim order (so an item's claims are not
// consecutive claims), 6 stand alone; 6 sources support or refute them in a fixed pattern.
CaseData QuestionsCase() {
  CaseData data;
  for (int s = 0; s < 6; ++s) data.sources.push_back({.id = "s" + std::to_string(s)});
  for (int c = 0; c < 20; ++c) {
    Claim claim{.id = "c" + std::to_string(c)};
    if (c < 14) claim.question = "q" + std::to_string(c % 7);
    data.claims.push_back(claim);
  }
  for (Index s = 0; s < 6; ++s) {
    for (Index c = 0; c < 20; ++c) {
      const Index pattern = (s * 7 + c * 3) % 4;
      if (pattern == 0) data.assertions.push_back({.source = s, .claim = c, .stance = Stance::kSupports});
      if (pattern == 1) data.assertions.push_back({.source = s, .claim = c, .stance = Stance::kRefutes});
    }
  }
  return data;
}

TEST_CASE("distributed: item ranges cover every item once, in order, for 1 to 7 ranks") {
  const CaseData data = QuestionsCase();
  const score::VoteArrays votes = testing::VotesOf(data);
  REQUIRE(votes.item_count == 13);
  for (size_t ranks = 1; ranks <= 7; ++ranks) {
    INFO(ranks << " ranks");
    const std::vector<size_t> begin = distributed::ItemRanges(votes, ranks);
    REQUIRE(begin.size() == ranks + 1);
    CHECK(begin.front() == 0);
    CHECK(begin.back() == votes.item_count);
    for (size_t r = 0; r < ranks; ++r) CHECK(begin[r] <= begin[r + 1]);
    // Every claim of a question on one rank.
    std::map<std::string, std::set<size_t>> ranks_of_question;
    for (size_t r = 0; r < ranks; ++r) {
      for (uint32_t f = votes.item_offsets[begin[r]]; f < votes.item_offsets[begin[r + 1]]; ++f) {
        const Claim& claim = data.claims[votes.claim_of_fact[f]];
        if (!claim.question.empty()) ranks_of_question[claim.question].insert(r);
      }
    }
    REQUIRE(ranks_of_question.size() == 7);
    for (const auto& [question, on] : ranks_of_question) CHECK_MESSAGE(on.size() == 1, question);
  }
  // Two ranks split the work, neither takes it all.
  const std::vector<size_t> two = distributed::ItemRanges(votes, 2);
  CHECK(two[1] > 0);
  CHECK(two[1] < votes.item_count);
}

TEST_CASE("distributed: the ranks' parts of the vote arrays add up to the whole") {
  const score::VoteArrays votes = testing::VotesOf(QuestionsCase());
  const size_t ranks = 3;
  const std::vector<size_t> begin = distributed::ItemRanges(votes, ranks);
  std::vector<uint32_t> fact_sources, claims, votes_of_source(votes.source_count, 0);
  size_t facts = 0, items = 0;
  for (size_t r = 0; r < ranks; ++r) {
    const score::VoteArrays part = score::RestrictToItems(votes, begin[r], begin[r + 1], nullptr);
    const uint32_t first_fact = votes.item_offsets[begin[r]];
    CHECK(part.source_count == votes.source_count);
    CHECK(part.item_count == begin[r + 1] - begin[r]);
    CHECK(part.item_offsets.size() == part.item_count + 1);
    CHECK(part.fact_offsets.size() == part.fact_count + 1);
    CHECK(part.source_vote_total.size() == votes.source_count);
    facts += part.fact_count;
    items += part.item_count;
    fact_sources.insert(fact_sources.end(), part.fact_sources.begin(), part.fact_sources.end());
    claims.insert(claims.end(), part.claim_of_fact.begin(), part.claim_of_fact.end());
    for (size_t s = 0; s < votes.source_count; ++s) {
      CHECK(part.VoteCountOfSource(s) == votes.VoteCountOfSource(s));  // over every rank
      // A source's local votes are the facts of this part, renumbered from its first fact.
      for (uint32_t k = part.source_offsets[s]; k < part.source_offsets[s + 1]; ++k) {
        const uint32_t global = part.source_facts[k] + first_fact;
        CHECK(std::binary_search(votes.source_facts.begin() + votes.source_offsets[s],
                                 votes.source_facts.begin() + votes.source_offsets[s + 1], global));
        CHECK(part.item_of_fact[part.source_facts[k]] + begin[r] == votes.item_of_fact[global]);
      }
      votes_of_source[s] += part.source_offsets[s + 1] - part.source_offsets[s];
    }
  }
  CHECK(facts == votes.fact_count);
  CHECK(items == votes.item_count);
  CHECK(fact_sources == votes.fact_sources);
  CHECK(claims == votes.claim_of_fact);
  for (size_t s = 0; s < votes.source_count; ++s) CHECK(votes_of_source[s] == votes.VoteCountOfSource(s));
}

// The ranks in one process, one after another: ChainOverRanks hands each rank the running
// sums the rank before it left, in blocks, as MpiWorld::PassAlongRanks does across processes.
class SequentialRanks : public score::RankReducer {
 public:
  explicit SequentialRanks(size_t sources) : carried_(sources, 0.0) {}
  void SumOverRanks(std::vector<double>&) const override {}
  double MaxOverRanks(double value) const override { return value; }
  void ChainOverRanks(std::vector<double>& running,
                      const std::function<void(std::vector<double>&, size_t, size_t)>& add_own_terms) const override {
    running = carried_;
    for (size_t first = 0; first < running.size(); first += 2) add_own_terms(running, first, std::min(running.size(), first + 2));
    carried_ = running;
  }

 private:
  mutable std::vector<double> carried_;
};

TEST_CASE("distributed: per-source sums chained over the ranks are the single process's, bit for bit") {
  const score::VoteArrays votes = testing::VotesOf(QuestionsCase());
  // Terms whose sum depends on the order of addition in the last bits.
  std::vector<double> per_fact(votes.fact_count);
  for (size_t f = 0; f < votes.fact_count; ++f) per_fact[f] = 1.0 / (3.0 + 7.0 * static_cast<double>(f)) + 1e-3 * f;
  std::vector<double> single;
  score::SumOverSourceRows(votes, per_fact, single);
  for (size_t ranks : {2, 3, 5}) {
    const std::vector<size_t> begin = distributed::ItemRanges(votes, ranks);
    const SequentialRanks chain(votes.source_count);
    std::vector<double> chained;
    for (size_t r = 0; r < ranks; ++r) {
      const score::VoteArrays part = score::RestrictToItems(votes, begin[r], begin[r + 1], &chain);
      const uint32_t first_fact = votes.item_offsets[begin[r]];
      const std::vector<double> part_terms(per_fact.begin() + first_fact,
                                           per_fact.begin() + first_fact + part.fact_count);
      score::SumOverSourceRows(part, part_terms, chained);
    }
    CAPTURE(ranks);
    CHECK(chained == single);  // exact equality of doubles: the same terms in the same order
  }
}

TEST_CASE("distributed: the chain's blocks grow past the rank count, and never below 512 values") {
  // 250,000 sources (the generated million): 64 blocks at 3 ranks, 16 a rank at 100.
  CHECK(distributed::ChainBlockCount(250000, 3) == 64);
  CHECK(distributed::ChainBlockCount(1000000, 100) == 1600);
  // Few values: blocks of at least 512, and at least one block.
  CHECK(distributed::ChainBlockCount(250000, 100) == 488);
  CHECK(distributed::ChainBlockCount(10000, 3) == 19);
  CHECK(distributed::ChainBlockCount(6, 3) == 1);
  CHECK(distributed::ChainBlockCount(0, 1) == 1);
}

TEST_CASE("distributed: only AccuCopy and the Latent Truth Model are refused, with their reasons") {
  const std::string methods =
      "majority, sums, average-log, investment, pooled-investment, catd, truthfinder, truthfinder-implication, "
      "crh, 2-estimates, 3-estimates, semi-supervised";
  for (const std::string& method : score::TruthDiscoveryMethods()) {
    if (method == "accucopy" || method == "latent-truth") continue;
    CHECK_MESSAGE(distributed::WhyNotDistributable(method, "").empty(), method);
    CHECK_MESSAGE(distributed::WhyNotDistributable("corroboration", method).empty(), method);
  }
  CHECK(distributed::WhyNotDistributable("corroboration", "").empty());  // the default's method
  CHECK(distributed::WhyNotDistributable("accucopy", "") ==
        "method 'accucopy' is not distributed (its update compares pairs of sources across every item); "
        "distributed methods: " + methods);
  CHECK(distributed::WhyNotDistributable("latent-truth", "") ==
        "method 'latent-truth' is not distributed (its sampler draws one fact at a time from counts that every "
        "earlier draw changed, across every item); distributed methods: " + methods);
  CHECK(distributed::WhyNotDistributable("corroboration", "accucopy") ==
        "the default score learns source trust with accucopy, which is not distributed; give --reliability "
        "with one of " + methods + " (or priors), or --method with one of them");
  CHECK(distributed::WhyNotDistributable("nonsense", "") ==
        "method 'nonsense' is not distributed (it is not a known method); distributed methods: " + methods);
}

}  // namespace
}  // namespace claimgraph
