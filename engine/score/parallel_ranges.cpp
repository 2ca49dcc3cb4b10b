#include "score/parallel_ranges.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>
#include <vector>

namespace claimgraph::score {
namespace {
constexpr size_t kMostThreads = 256;
std::atomic<size_t> smallest_range_for_testing{0};

// Range r of `parts` over [0, count): the first count % parts ranges get one more element.
std::pair<size_t, size_t> RangeOf(size_t r, size_t parts, size_t count) {
  const size_t base = count / parts, extra = count % parts;
  const size_t begin = r * base + std::min(r, extra);
  return {begin, begin + base + (r < extra ? 1 : 0)};
}

size_t PartsFor(size_t count, size_t threads, size_t grain) {
  if (const size_t smallest = smallest_range_for_testing.load(std::memory_order_relaxed); smallest > 0) {
    grain = smallest;
  }
  const size_t by_grain = std::max<size_t>(1, count / std::max<size_t>(1, grain));
  return std::max<size_t>(1, std::min({threads, by_grain, kMostThreads}));
}
}  // namespace

void SetSmallestRangeForTesting(size_t elements) {
  smallest_range_for_testing.store(elements, std::memory_order_relaxed);
}

size_t ResolveThreadCount(size_t requested) {
  if (requested == 0) requested = std::max(1u, std::thread::hardware_concurrency());
  return std::min(requested, kMostThreads);
}

void ForEachRange(size_t count, size_t threads, const std::function<void(size_t, size_t)>& body, size_t grain) {
  if (count == 0) return;
  const size_t parts = PartsFor(count, threads, grain);
  if (parts == 1) {
    body(0, count);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(parts - 1);
  for (size_t r = 1; r < parts; ++r) {
    // A pair, not a structured binding: clang 14 cannot capture those (the fuzz build).
    const std::pair<size_t, size_t> range = RangeOf(r, parts, count);
    workers.emplace_back([&body, range] { body(range.first, range.second); });
  }
  const auto [begin, end] = RangeOf(0, parts, count);
  body(begin, end);
  for (std::thread& worker : workers) worker.join();
}

double MaxOverRanges(size_t count, size_t threads, double initial,
                     const std::function<double(size_t, size_t)>& range_max) {
  if (count == 0) return initial;
  const size_t parts = PartsFor(count, threads, 16384);
  std::vector<double> largest(parts, initial);
  ForEachRange(parts, parts, [&](size_t first, size_t last) {
    for (size_t r = first; r < last; ++r) {
      const auto [begin, end] = RangeOf(r, parts, count);
      largest[r] = range_max(begin, end);
    }
  }, 1);
  double result = initial;
  for (double value : largest) result = std::max(result, value);
  return result;
}

}  // namespace claimgraph::score
