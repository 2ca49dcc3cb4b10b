// Internal to the score layer: the one loop every method spends its time in, a sum per row
// of a compressed sparse row array (a fact's voters, a source's facts, an item's voters) of
// a per-entry value gathered by index.
//
// Why not the plain loop. Rows hold a few entries each (about four votes a fact in a large
// archive) and their lengths vary at random, so the plain loop's exit branch is mispredicted
// about once a row, and that cost more than the loads: 2.0 ms a pass over a million votes
// against 1.2 ms without it (a synthetic 225,000 rows of Poisson(4.2) length on this
// machine). A row no longer than a width W is therefore summed in W steps, with the
// entries past its end added as +0.0: the loads past the end read the next rows' entries
// (in bounds, and wanted next anyway), and the only branch on a row's length, whether it
// fits in W, is taken the same way for nine rows in ten.
//
// The bits are the plain loop's. The terms are added in the row's order, starting from
// `start`, and x + (+0.0) == x for every x except -0.0. A sum can only be -0.0 before the
// padding if its start is -0.0 (under round-to-nearest, s + t is -0.0 only when both are),
// so a row whose start is -0.0 takes the plain loop.
//
// W is chosen per call from a sample of the rows' lengths: the least of 4, 8, 12 and 16
// that holds nine rows in ten, or the plain loop for longer rows and for rows nine in ten
// of one length, where the branch is predicted well and padding would only add loads. The
// choice changes only the time.
#ifndef CLAIMGRAPH_SCORE_ROW_SUMS_H_
#define CLAIMGRAPH_SCORE_ROW_SUMS_H_

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace claimgraph::score {

// One compressed sparse row array: row r is entries[offsets[r], offsets[r + 1]).
struct Rows {
  const uint32_t* offsets = nullptr;
  const uint32_t* entries = nullptr;
  size_t entry_count = 0;  // offsets[row count]
};

// The padded width for rows [first, last) (see above); 0 for the plain loop.
uint32_t PaddedRowWidth(const Rows& rows, size_t first, size_t last);

namespace row_sums_detail {

template <uint32_t kWidth, typename Start, typename Body>
void SumRows(const Rows& rows, const double* value, size_t first, size_t last, Start& start, Body& body) {
  for (size_t row = first; row < last; ++row) {
    const uint32_t begin = rows.offsets[row], count = rows.offsets[row + 1] - begin;
    double sum = start(row);
    if (kWidth > 0 && count <= kWidth && begin + kWidth <= rows.entry_count && !(sum == 0 && std::signbit(sum))) {
      for (uint32_t j = 0; j < kWidth; ++j) {
        const uint64_t keep = uint64_t{0} - uint64_t{j < count};
        sum += std::bit_cast<double>(std::bit_cast<uint64_t>(value[rows.entries[begin + j]]) & keep);
      }
    } else {
      for (uint32_t k = begin; k < begin + count; ++k) sum += value[rows.entries[k]];
    }
    body(row, sum);
  }
}

// Two sums over the same rows, of `first_value` and of `second_value`: the rows' entries
// and the masks are read once for both.
template <uint32_t kWidth, typename Body>
void SumRowsTwice(const Rows& rows, const double* first_value, const double* second_value, size_t first,
                  size_t last, Body& body) {
  for (size_t row = first; row < last; ++row) {
    const uint32_t begin = rows.offsets[row], count = rows.offsets[row + 1] - begin;
    double first_sum = 0.0, second_sum = 0.0;
    if (kWidth > 0 && count <= kWidth && begin + kWidth <= rows.entry_count) {
      for (uint32_t j = 0; j < kWidth; ++j) {
        const uint64_t keep = uint64_t{0} - uint64_t{j < count};
        const uint32_t entry = rows.entries[begin + j];
        first_sum += std::bit_cast<double>(std::bit_cast<uint64_t>(first_value[entry]) & keep);
        second_sum += std::bit_cast<double>(std::bit_cast<uint64_t>(second_value[entry]) & keep);
      }
    } else {
      for (uint32_t k = begin; k < begin + count; ++k) {
        first_sum += first_value[rows.entries[k]];
        second_sum += second_value[rows.entries[k]];
      }
    }
    body(row, first_sum, second_sum);
  }
}

// run(std::integral_constant<uint32_t, W>()) for the width PaddedRowWidth chose: each
// width is its own loop, unrolled at compile time.
template <typename Run>
void WithWidth(uint32_t width, Run run) {
  switch (width) {
    case 4: return run(std::integral_constant<uint32_t, 4>());
    case 8: return run(std::integral_constant<uint32_t, 8>());
    case 12: return run(std::integral_constant<uint32_t, 12>());
    case 16: return run(std::integral_constant<uint32_t, 16>());
    default: return run(std::integral_constant<uint32_t, 0>());
  }
}

}  // namespace row_sums_detail

// For each row in [first, last), in order: body(row, start(row) + the row's values added
// in the row's order), bit for bit the plain loop's sum.
template <typename Start, typename Body>
void ForEachRowSum(const Rows& rows, const double* value, size_t first, size_t last, Start start, Body body) {
  row_sums_detail::WithWidth(PaddedRowWidth(rows, first, last), [&](auto width) {
    row_sums_detail::SumRows<width()>(rows, value, first, last, start, body);
  });
}

// The same, each sum starting from +0.0.
template <typename Body>
void ForEachRowSum(const Rows& rows, const double* value, size_t first, size_t last, Body body) {
  ForEachRowSum(rows, value, first, last, [](size_t) { return 0.0; }, body);
}

// body(row, sum of first_value, sum of second_value) for each row, both from +0.0.
template <typename Body>
void ForEachRowSumTwice(const Rows& rows, const double* first_value, const double* second_value, size_t first,
                        size_t last, Body body) {
  row_sums_detail::WithWidth(PaddedRowWidth(rows, first, last), [&](auto width) {
    row_sums_detail::SumRowsTwice<width()>(rows, first_value, second_value, first, last, body);
  });
}

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_ROW_SUMS_H_
