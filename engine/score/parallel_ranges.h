// Fixed partitions for `--threads N` (issue 11, item 4): a loop over [0, count) is cut into
// contiguous ranges that depend only on `count` and the thread count, each range runs on
// one thread, and every output element is written by exactly one range. The methods only
// parallelise gathers (each output a sum over its own row, in the row's order) and exact
// reductions (max), so their results are byte-identical for every N; sums across rows stay
// on one thread in index order. std::thread rather than OpenMP: no runtime whose schedule
// could change between versions, and AddressSanitizer sees every thread.
#ifndef CLAIMGRAPH_SCORE_PARALLEL_RANGES_H_
#define CLAIMGRAPH_SCORE_PARALLEL_RANGES_H_

#include <cstddef>
#include <functional>

namespace claimgraph::score {

// The threads `requested` stands for: 0 means the cores available
// (std::thread::hardware_concurrency(), 1 when it is unknown); never more than 256.
size_t ResolveThreadCount(size_t requested);

// Calls body(begin, end) for consecutive ranges covering [0, count), on up to `threads`
// threads (the calling thread runs the first range) and returns once all have finished.
// Ranges hold at least `grain` elements, so a small loop runs inline on the calling thread:
// starting a thread costs tens of microseconds, the time of some 100,000 votes.
// REQUIRES: body touches only the outputs of its own range (or thread-local scratch).
void ForEachRange(size_t count, size_t threads, const std::function<void(size_t, size_t)>& body,
                  size_t grain = 16384);

// For tests: with a value > 0, every range may be as small as `elements`, whatever the
// caller's grain, so that a small case is cut into as many ranges as a large one (and a
// test of N = 1, 2, 7 on the sample compares real partitions). 0 restores the grains.
void SetSmallestRangeForTesting(size_t elements);

// max over [0, count) of value(i), computed range by range; max is exact, so the result
// does not depend on the partition. Empty: `initial`.
double MaxOverRanges(size_t count, size_t threads, double initial, const std::function<double(size_t, size_t)>& range_max);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_PARALLEL_RANGES_H_
