// The MPI adapter: every MPI call of claimgraph is in this file. No sum of real numbers is
// left to MPI_Allreduce, whose order of summation is the library's choice and may change
// with the rank count or the network: real-valued sums are passed along the ranks
// (PassAlongRanks), so that each adds the single process's terms in its order (the same
// bytes on every rank, every run). Counts are summed as 64-bit integers (SumCounts), exact
// in whatever order MPI_Allreduce adds them.
#include "distributed/mpi_world.h"

#if CLAIMGRAPH_HAS_MPI
// The C API only: Open MPI's mpi.h otherwise pulls in its deprecated C++ bindings, which
// live in another library (libmpi_cxx) than MPI::MPI_C links.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

#include <algorithm>

namespace claimgraph::distributed {

size_t ChainBlockCount(size_t values, size_t ranks) {
  constexpr size_t kLeastBlocks = 64, kBlocksPerRank = 16, kLeastValuesPerBlock = 512;
  const size_t wanted = std::max(kLeastBlocks, kBlocksPerRank * std::max<size_t>(1, ranks));
  const size_t most = std::max<size_t>(1, values / kLeastValuesPerBlock);
  return std::min(wanted, most);
}

#if CLAIMGRAPH_HAS_MPI

bool MpiAvailable() { return true; }

Result<std::unique_ptr<MpiWorld>> MpiWorld::Start() {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised) return Status::Error("MPI is already initialised in this process");
  if (MPI_Init(nullptr, nullptr) != MPI_SUCCESS) return Status::Error("MPI_Init failed");
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return std::unique_ptr<MpiWorld>(new MpiWorld(static_cast<size_t>(rank), static_cast<size_t>(size)));
}

MpiWorld::~MpiWorld() { MPI_Finalize(); }

void MpiWorld::SumCounts(std::vector<int64_t>& counts) const {
  // In pieces of at most 2^30 values, so that no count overflows MPI's int.
  constexpr size_t kPiece = size_t{1} << 30;
  for (size_t first = 0; first < counts.size(); first += kPiece) {
    const int count = static_cast<int>(std::min(kPiece, counts.size() - first));
    MPI_Allreduce(MPI_IN_PLACE, counts.data() + first, count, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
  }
}

std::vector<double> MpiWorld::GatherVaried(const std::vector<double>& values) const {
  int count = static_cast<int>(values.size());
  std::vector<int> counts(rank_count_), displacements(rank_count_, 0);
  MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  for (size_t r = 1; r < rank_count_; ++r) displacements[r] = displacements[r - 1] + counts[r - 1];
  std::vector<double> all(static_cast<size_t>(displacements.back() + counts.back()));
  MPI_Allgatherv(values.data(), count, MPI_DOUBLE, all.data(), counts.data(), displacements.data(), MPI_DOUBLE,
                 MPI_COMM_WORLD);
  return all;
}

double MpiWorld::Max(double value) const {
  double largest = value;
  MPI_Allreduce(&value, &largest, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);  // max is exact
  return largest;
}

void MpiWorld::PassAlongRanks(std::vector<double>& running,
                              const std::function<void(std::vector<double>&, size_t, size_t)>& continue_here) const {
  // The sums themselves do not depend on the blocks, only the waiting does.
  constexpr int kTag = 11;
  const int rank = static_cast<int>(rank_), last = static_cast<int>(rank_count_) - 1;
  const size_t size = running.size(), blocks = ChainBlockCount(size, rank_count_);
  const size_t block = std::max<size_t>(1, (size + blocks - 1) / blocks);
  for (size_t first = 0; first < size; first += block) {
    const size_t end = std::min(size, first + block);
    const int count = static_cast<int>(end - first);
    if (rank > 0) MPI_Recv(running.data() + first, count, MPI_DOUBLE, rank - 1, kTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    continue_here(running, first, end);
    if (rank < last) MPI_Send(running.data() + first, count, MPI_DOUBLE, rank + 1, kTag, MPI_COMM_WORLD);
  }
  MPI_Bcast(running.data(), static_cast<int>(size), MPI_DOUBLE, last, MPI_COMM_WORLD);
}

bool MpiWorld::AllEqual(uint64_t value) const {
  uint64_t low = value, high = value;
  MPI_Allreduce(&value, &low, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(&value, &high, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  return low == high;
}

uint64_t MpiWorld::FromRankZero(uint64_t value) const {
  MPI_Bcast(&value, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  return value;
}

std::vector<std::string> MpiWorld::GatherToRankZero(const std::string& bytes) const {
  constexpr size_t kPiece = size_t{1} << 30;
  constexpr int kTag = 12;
  std::vector<std::string> all;
  if (rank_ != 0) {
    uint64_t size = bytes.size();
    MPI_Send(&size, 1, MPI_UINT64_T, 0, kTag, MPI_COMM_WORLD);
    for (size_t first = 0; first < bytes.size(); first += kPiece) {
      const int count = static_cast<int>(std::min(kPiece, bytes.size() - first));
      MPI_Send(bytes.data() + first, count, MPI_BYTE, 0, kTag, MPI_COMM_WORLD);
    }
    return all;
  }
  all.push_back(bytes);
  for (size_t r = 1; r < rank_count_; ++r) {
    uint64_t size = 0;
    MPI_Recv(&size, 1, MPI_UINT64_T, static_cast<int>(r), kTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::string& received = all.emplace_back(size, '\0');
    for (size_t first = 0; first < size; first += kPiece) {
      const int count = static_cast<int>(std::min<size_t>(kPiece, size - first));
      MPI_Recv(received.data() + first, count, MPI_BYTE, static_cast<int>(r), kTag, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
    }
  }
  return all;
}

#else  // built without MPI: the same interface, refusing to start

bool MpiAvailable() { return false; }

Result<std::unique_ptr<MpiWorld>> MpiWorld::Start() {
  return Status::Error("this claimgraph was built without MPI (CMake option CLAIMGRAPH_MPI=OFF)");
}

MpiWorld::~MpiWorld() = default;
void MpiWorld::SumCounts(std::vector<int64_t>&) const {}
std::vector<double> MpiWorld::GatherVaried(const std::vector<double>& values) const { return values; }
double MpiWorld::Max(double value) const { return value; }
void MpiWorld::PassAlongRanks(std::vector<double>& running,
                              const std::function<void(std::vector<double>&, size_t, size_t)>& continue_here) const {
  continue_here(running, 0, running.size());
}
bool MpiWorld::AllEqual(uint64_t) const { return true; }
uint64_t MpiWorld::FromRankZero(uint64_t value) const { return value; }
std::vector<std::string> MpiWorld::GatherToRankZero(const std::string& bytes) const { return {bytes}; }

#endif

}  // namespace claimgraph::distributed
