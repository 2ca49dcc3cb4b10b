// `claimgraph score --distributed` (issue 11, item 5; docs/distributed.md): every rank loads
// the same casefiles, keeps the data items of its own range, and runs the truth-discovery
// method on them; the per-source sums are gathered and added in rank order each iteration,
// and the beliefs gathered at the end, so that every rank holds the whole result and rank 0
// writes it.
#ifndef CLAIMGRAPH_DISTRIBUTED_DISTRIBUTED_SCORING_H_
#define CLAIMGRAPH_DISTRIBUTED_DISTRIBUTED_SCORING_H_

#include <memory>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"
#include "distributed/mpi_world.h"
#include "score/truth_discovery.h"

namespace claimgraph::distributed {

// Data items [item_begin[r], item_begin[r + 1]) go to rank r: contiguous ranges cut where the
// running count of facts plus votes first reaches r / ranks of the total, so that the ranks'
// shares of the work are close and depend only on the arrays and the rank count.
std::vector<size_t> ItemRanges(const score::VoteArrays& votes, size_t ranks);

// Empty when `method` (with `reliability` for the default score) can run distributed, else
// the reason it cannot, for the message.
std::string WhyNotDistributable(const std::string& method, const std::string& reliability);

// Runs RunTruthDiscovery across the ranks for as long as it lives (score::SetDistributedRunner).
class DistributedSession : public score::DistributedRunner, public score::RankReducer {
 public:
  // Starts MPI. Fails when the build has no MPI or the method cannot be distributed; the
  // message begins with `command` ("claimgraph score --distributed" or "... --shards"), the
  // option the user gave.
  static Result<std::unique_ptr<DistributedSession>> Start(const std::string& method,
                                                           const std::string& reliability,
                                                           const std::string& command);
  ~DistributedSession() override;

  // Whether every rank loaded the same sources and claims (one hash of their ids, compared
  // across ranks), so that source s means the same source on every rank.
  Status CheckSameInput(const ProvenanceGraph& graph) const;
  // Rank 0 writes the output; the others stay silent.
  bool WritesOutput() const { return world_->rank() == 0; }
  size_t rank() const { return world_->rank(); }
  size_t rank_count() const { return world_->rank_count(); }

  // `score --shards` (shard_reading.h): each rank loaded only its own part, whose items are
  // those ItemRanges gives it; Run then scores the arrays it is given as they are, with
  // each source's vote count summed over the ranks, and gathers no beliefs (each rank
  // keeps its own claims' results).
  void ScoreOwnPartOnly() { own_part_only_ = true; }
  // Whether any rank passed true; every rank must call it.
  bool AnyRank(bool value) const { return world_->Max(value ? 1.0 : 0.0) > 0.0; }
  uint64_t FromRankZero(uint64_t value) const { return world_->FromRankZero(value); }
  std::vector<std::string> GatherToRankZero(const std::string& bytes) const { return world_->GatherToRankZero(bytes); }

  Result<score::TruthDiscoveryResult> Run(std::string_view method, const score::VoteArrays& votes,
                                          const std::vector<int8_t>* labels) const override;
  void SumOverRanks(std::vector<double>& values) const override;
  double MaxOverRanks(double value) const override { return world_->Max(value); }
  void ChainOverRanks(std::vector<double>& running,
                      const std::function<void(std::vector<double>&, size_t, size_t)>& add_own_terms) const override {
    world_->PassAlongRanks(running, add_own_terms);
  }

 private:
  Result<score::TruthDiscoveryResult> RunOnOwnPart(std::string_view method, const score::VoteArrays& votes,
                                                   const std::vector<int8_t>* labels) const;
  explicit DistributedSession(std::unique_ptr<MpiWorld> world) : world_(std::move(world)) {}
  std::unique_ptr<MpiWorld> world_;
  bool own_part_only_ = false;
};

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_DISTRIBUTED_SCORING_H_
