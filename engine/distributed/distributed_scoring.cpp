#include "distributed/distributed_scoring.h"

#include <algorithm>
#include <cassert>

namespace claimgraph::distributed {
namespace {

bool Distributable(const std::string& method) {
  const std::vector<std::string>& methods = score::DistributableMethods();
  return std::find(methods.begin(), methods.end(), method) != methods.end();
}

std::string DistributableList() {
  std::string list;
  for (const std::string& name : score::DistributableMethods()) list += (list.empty() ? "" : ", ") + name;
  return list;
}

// FNV-1a, 64 bits, over every source id and claim id with a separator byte after each.
uint64_t InputHash(const ProvenanceGraph& graph) {
  uint64_t hash = 14695981039346656037ull;
  auto add = [&](std::string_view text) {
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    hash = (hash ^ 0xFFu) * 1099511628211ull;
  };
  for (const Source& source : graph.sources()) add(source.id);
  for (const Claim& claim : graph.claims()) add(claim.id);
  return hash;
}

}  // namespace

std::vector<size_t> ItemRanges(const score::VoteArrays& votes, size_t ranks) {
  // work(i): facts and votes of items [0, i); non-decreasing in i.
  auto work = [&](size_t item) -> uint64_t {
    const uint32_t fact = votes.item_offsets[item];
    return uint64_t{fact} + votes.fact_offsets[fact];
  };
  const uint64_t total = work(votes.item_count);
  std::vector<size_t> begin(ranks + 1, votes.item_count);
  begin[0] = 0;
  size_t item = 0;
  for (size_t r = 1; r < ranks; ++r) {
    const uint64_t target = (total * r + ranks - 1) / ranks;
    while (item < votes.item_count && work(item) < target) ++item;
    begin[r] = item;
  }
  return begin;
}

std::string WhyNotDistributable(const std::string& method, const std::string& reliability) {
  if (method == "corroboration") {
    if (reliability.empty() || Distributable(reliability)) return "";
    return "the default score learns source trust with " + reliability +
           ", which is not distributed; give --reliability with one of " + DistributableList() +
           " (or priors), or --method with one of them";
  }
  if (Distributable(method)) return "";
  const std::string why = method == "accucopy"       ? "its update compares pairs of sources across every item"
                          : method == "latent-truth" ? "its sampler draws one fact at a time from counts that "
                                                       "every earlier draw changed, across every item"
                                                     : "it is not a known method";
  return "method '" + method + "' is not distributed (" + why + "); distributed methods: " + DistributableList();
}

Result<std::unique_ptr<DistributedSession>> DistributedSession::Start(const std::string& method,
                                                                      const std::string& reliability,
                                                                      const std::string& command) {
  if (std::string why = WhyNotDistributable(method, reliability); !why.empty()) {
    return Status::Error(command + ": " + why);
  }
  Result<std::unique_ptr<MpiWorld>> world = MpiWorld::Start();
  if (!world.ok()) return Status::Error(command + ": " + world.status().message());
  std::unique_ptr<DistributedSession> session(new DistributedSession(std::move(world.value())));
  score::SetDistributedRunner(session.get());
  return session;
}

DistributedSession::~DistributedSession() { score::SetDistributedRunner(nullptr); }

Status DistributedSession::CheckSameInput(const ProvenanceGraph& graph) const {
  if (world_->AllEqual(InputHash(graph))) return Status::Ok();
  return Status::Error("claimgraph score --distributed: the ranks loaded different sources or claims "
                       "(every rank must be given the same casefiles)");
}

void DistributedSession::SumOverRanks(std::vector<double>& values) const {
  // The values are whole numbers (counts of votes, wins, losses: RankReducer), far below
  // 2^53, so they convert to integers and back without loss, and their sum is the same
  // in any order: the single process's bits.
  std::vector<int64_t> counts(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    counts[i] = static_cast<int64_t>(values[i]);
    assert(static_cast<double>(counts[i]) == values[i] && "RankReducer::SumOverRanks takes counts");
  }
  world_->SumCounts(counts);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(counts[i]);
}

Result<score::TruthDiscoveryResult> DistributedSession::RunOnOwnPart(std::string_view method,
                                                                     const score::VoteArrays& votes,
                                                                     const std::vector<int8_t>* labels) const {
  score::VoteArrays part = votes;
  part.reducer = this;
  std::vector<double> counts(votes.source_count);
  for (size_t s = 0; s < votes.source_count; ++s) counts[s] = votes.VoteCountOfSource(s);
  SumOverRanks(counts);  // whole numbers below 2^53: exact in any order
  part.source_vote_total.assign(counts.begin(), counts.end());
  Result<std::vector<int8_t>> resolved = score::ResolveLabels(part, labels);
  if (world_->Max(resolved.ok() ? 0.0 : 1.0) > 0.0) {  // as in Run: agree on failure first
    if (!resolved.ok()) return resolved.status();
    return Status::Error("the labels of another rank's items are inconsistent");
  }
  return score::RunTruthDiscoveryLocally(method, part, labels);
}

Result<score::TruthDiscoveryResult> DistributedSession::Run(std::string_view method, const score::VoteArrays& votes,
                                                            const std::vector<int8_t>* labels) const {
  if (own_part_only_) return RunOnOwnPart(method, votes, labels);
  const std::vector<size_t> begin = ItemRanges(votes, world_->rank_count());
  const size_t first = begin[world_->rank()], last = begin[world_->rank() + 1];
  const score::VoteArrays part = score::RestrictToItems(votes, first, last, this);
  std::vector<int8_t> part_labels;
  if (labels != nullptr) {
    part_labels.assign(labels->begin() + votes.item_offsets[first], labels->begin() + votes.item_offsets[last]);
  }
  // Labels are checked item by item, so one rank may fail where the others would go on into
  // the method's collectives and wait for it forever: agree on failure first.
  Result<std::vector<int8_t>> resolved = score::ResolveLabels(part, labels ? &part_labels : nullptr);
  if (world_->Max(resolved.ok() ? 0.0 : 1.0) > 0.0) {
    if (!resolved.ok()) return resolved.status();
    return Status::Error("the labels of another rank's items are inconsistent");
  }
  Result<score::TruthDiscoveryResult> result =
      score::RunTruthDiscoveryLocally(method, part, labels ? &part_labels : nullptr);
  if (!result.ok()) return result;
  // Items are contiguous in fact order, so the ranks' beliefs in rank order are all facts.
  result->fact_belief = world_->GatherVaried(result->fact_belief);
  if (!result->fact_probability.empty()) result->fact_probability = world_->GatherVaried(result->fact_probability);
  return result;
}

}  // namespace claimgraph::distributed
