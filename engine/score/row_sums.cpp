#include "score/row_sums.h"

#include <algorithm>
#include <iterator>

namespace claimgraph::score {
namespace {
// Rows looked at to choose the width: enough to see the shape of the lengths, few enough
// to cost nothing beside a pass (a few microseconds against a millisecond).
constexpr size_t kSampledRows = 256;
// The width must hold this share of the rows (a longer row takes the plain loop); rows of
// which this share have one length take the plain loop.
constexpr double kCoveredShare = 0.9;
constexpr uint32_t kWidths[] = {4, 8, 12, 16};
}  // namespace

uint32_t PaddedRowWidth(const Rows& rows, size_t first, size_t last) {
  if (last <= first) return 0;
  const size_t count = last - first, sampled = std::min(count, kSampledRows);
  uint32_t lengths[kSampledRows];
  size_t within[std::size(kWidths)] = {};
  for (size_t i = 0; i < sampled; ++i) {
    // Evenly spread over the range, the same rows for the same range every time.
    const size_t row = first + i * count / sampled;
    lengths[i] = rows.offsets[row + 1] - rows.offsets[row];
    for (size_t w = 0; w < std::size(kWidths); ++w) within[w] += lengths[i] <= kWidths[w];
  }
  // Rows of one length (an item's claim and its negation, two facts each) are predicted
  // well, and the plain loop then loads no more than it needs: 0.20 ms against 0.46 ms
  // padded to 4, for 125,000 rows of 2.
  std::sort(lengths, lengths + sampled);
  size_t most_common = 0;
  for (size_t i = 0, run = 0; i < sampled; ++i) {
    run = i > 0 && lengths[i] == lengths[i - 1] ? run + 1 : 1;
    most_common = std::max(most_common, run);
  }
  if (most_common >= kCoveredShare * sampled) return 0;
  for (size_t w = 0; w < std::size(kWidths); ++w) {
    if (within[w] >= kCoveredShare * sampled) return kWidths[w];
  }
  return 0;
}

}  // namespace claimgraph::score
