// The MPI adapter (issue 11, item 5): the only file that includes mpi.h is mpi_world.cpp.
// A build without MPI (CMake option CLAIMGRAPH_MPI=OFF) keeps this interface and refuses
// to start, so that the CLI reads the same either way.
#ifndef CLAIMGRAPH_DISTRIBUTED_MPI_WORLD_H_
#define CLAIMGRAPH_DISTRIBUTED_MPI_WORLD_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::distributed {

// MPI_COMM_WORLD, initialised by Start and finalised by the destructor. One per process.
class MpiWorld {
 public:
  // MPI_Init; fails with a reason when this build has no MPI.
  static Result<std::unique_ptr<MpiWorld>> Start();
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  size_t rank() const { return rank_; }
  size_t rank_count() const { return rank_count_; }
  // counts[i] becomes the sum over the ranks of every rank's counts[i] (the same size on
  // every rank). Integer addition is exact in any order, so MPI_Allreduce may choose its
  // own, and with it an algorithm whose traffic per rank need not grow with the rank count
  // (a ring sends and receives about 2 x 8 bytes a value), where an all-gather received
  // 8 (K - 1).
  void SumCounts(std::vector<int64_t>& counts) const;
  // Every rank's `values` (any size), concatenated in rank order.
  std::vector<double> GatherVaried(const std::vector<double>& values) const;
  double Max(double value) const;
  // For each block of `running` in turn: rank r receives it from rank r - 1 (rank 0 keeps
  // its own), applies `continue_here(running, first, last)`, passes it to rank r + 1; then
  // every rank receives the last rank's values. Rank r works on block b while rank r + 1
  // works on block b - 1.
  void PassAlongRanks(std::vector<double>& running,
                      const std::function<void(std::vector<double>&, size_t, size_t)>& continue_here) const;
  // Whether every rank passed the same value.
  bool AllEqual(uint64_t value) const;
  // Rank 0's `value`, on every rank.
  uint64_t FromRankZero(uint64_t value) const;
  // On rank 0, every rank's `bytes` in rank order (its own first); elsewhere empty. Sent
  // rank by rank in pieces of at most 1 GiB, so that no count overflows MPI's int.
  std::vector<std::string> GatherToRankZero(const std::string& bytes) const;

 private:
  MpiWorld(size_t rank, size_t rank_count) : rank_(rank), rank_count_(rank_count) {}
  size_t rank_ = 0, rank_count_ = 1;
};

// Whether this build can run distributed (CLAIMGRAPH_MPI).
bool MpiAvailable();

// How many blocks PassAlongRanks cuts `values` sums into for `ranks` ranks. The chain is a
// pipeline: the last rank starts after K - 1 blocks, so the time is about (B + K - 1) / B
// of one pass; B = 16 K keeps that start-up under 1/16 (at least 64 blocks), while a block
// keeps at least 512 values (4 KB), so that a message is not mostly latency.
size_t ChainBlockCount(size_t values, size_t ranks);

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_MPI_WORLD_H_
