#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "score/row_sums.h"

namespace claimgraph::score {
namespace {

// Rows given by their lengths; entry k of the flattened array is a pseudo-random index into
// `value_count` values, fixed by `seed`.
struct TestRows {
  std::vector<uint32_t> offsets{0}, entries;
  Rows rows() const { return {offsets.data(), entries.data(), entries.size()}; }
};

TestRows RowsOfLengths(const std::vector<uint32_t>& lengths, uint32_t value_count, uint32_t seed) {
  TestRows made;
  std::mt19937 random(seed);
  for (const uint32_t length : lengths) {
    for (uint32_t j = 0; j < length; ++j) made.entries.push_back(random() % value_count);
    made.offsets.push_back(static_cast<uint32_t>(made.entries.size()));
  }
  return made;
}

// The loop the padded sums replace.
double PlainSum(const TestRows& made, const std::vector<double>& value, size_t row, double start) {
  double sum = start;
  for (uint32_t k = made.offsets[row]; k < made.offsets[row + 1]; ++k) sum += value[made.entries[k]];
  return sum;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::vector<uint32_t> Lengths(size_t count, uint32_t shortest, uint32_t longest, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<uint32_t> lengths(count);
  for (uint32_t& length : lengths) length = shortest + random() % (longest - shortest + 1);
  return lengths;
}

TEST_CASE("the padded width is the least of 4, 8, 12, 16 that holds nine rows in ten, else the plain loop") {
  // Rows nine in ten of one length: the plain loop, whose branch is then predicted.
  CHECK(PaddedRowWidth(RowsOfLengths(std::vector<uint32_t>(1000, 2), 10, 1).rows(), 0, 1000) == 0);
  std::vector<uint32_t> nearly_even(100, 3);
  for (size_t i = 0; i < 10; ++i) nearly_even[i * 10] = 1;
  CHECK(PaddedRowWidth(RowsOfLengths(nearly_even, 10, 1).rows(), 0, 100) == 0);
  nearly_even[5] = 1;  // 89 rows of 3 in 100: padded
  CHECK(PaddedRowWidth(RowsOfLengths(nearly_even, 10, 1).rows(), 0, 100) == 4);
  CHECK(PaddedRowWidth(RowsOfLengths(Lengths(1000, 0, 4, 1), 10, 1).rows(), 0, 1000) == 4);
  CHECK(PaddedRowWidth(RowsOfLengths(Lengths(1000, 3, 8, 2), 10, 1).rows(), 0, 1000) == 8);
  CHECK(PaddedRowWidth(RowsOfLengths(Lengths(1000, 9, 12, 3), 10, 1).rows(), 0, 1000) == 12);
  CHECK(PaddedRowWidth(RowsOfLengths(Lengths(1000, 13, 16, 4), 10, 1).rows(), 0, 1000) == 16);
  CHECK(PaddedRowWidth(RowsOfLengths(Lengths(1000, 20, 40, 5), 10, 1).rows(), 0, 1000) == 0);
  // Nine short rows in ten and one long: still padded to 4. Eight short, one of 7 and one
  // long: 8. Eight short and two long: the plain loop.
  std::vector<uint32_t> lengths(100);
  for (size_t i = 0; i < 100; ++i) lengths[i] = 1 + i % 3;
  for (size_t i = 0; i < 10; ++i) lengths[i * 10] = 30;
  CHECK(PaddedRowWidth(RowsOfLengths(lengths, 10, 1).rows(), 0, 100) == 4);
  for (size_t i = 0; i < 10; ++i) lengths[i * 10 + 5] = 7;
  CHECK(PaddedRowWidth(RowsOfLengths(lengths, 10, 1).rows(), 0, 100) == 8);
  for (size_t i = 0; i < 10; ++i) lengths[i * 10 + 5] = 30;
  CHECK(PaddedRowWidth(RowsOfLengths(lengths, 10, 1).rows(), 0, 100) == 0);
  // The choice is per range, and an empty range takes the plain loop.
  std::vector<uint32_t> mixed(Lengths(500, 1, 3, 6));
  for (const uint32_t length : Lengths(500, 30, 40, 7)) mixed.push_back(length);
  const TestRows made = RowsOfLengths(mixed, 10, 1);
  CHECK(PaddedRowWidth(made.rows(), 0, 500) == 4);
  CHECK(PaddedRowWidth(made.rows(), 500, 1000) == 0);
  CHECK(PaddedRowWidth(made.rows(), 7, 7) == 0);
}

TEST_CASE("padded row sums have the plain loop's bits for every width, up to the array's last row") {
  std::mt19937 random(20261204);
  std::vector<double> value(97);
  for (double& v : value) v = std::ldexp(double(random()), -int(random() % 40)) * (random() % 3 == 0 ? -1 : 1);
  // Shapes that select each width, rows longer than the width among them, and rows at the
  // end whose padding would run past the entries.
  for (const auto& [shortest, longest] : {std::pair{0u, 4u}, {0u, 8u}, {5u, 12u}, {9u, 16u}, {0u, 30u}}) {
    const TestRows made = RowsOfLengths(Lengths(400, shortest, longest, longest), 97, shortest + 7);
    std::vector<double> padded(400, -1.0);
    ForEachRowSum(made.rows(), value.data(), 0, 400, [&](size_t row, double sum) { padded[row] = sum; });
    size_t same = 0;
    for (size_t row = 0; row < 400; ++row) same += SameBits(padded[row], PlainSum(made, value, row, 0.0));
    CHECK(same == 400);
    // With a start value per row, as a sum continued from another.
    ForEachRowSum(
        made.rows(), value.data(), 0, 400, [&](size_t row) { return value[row % 97]; },
        [&](size_t row, double sum) { padded[row] = sum; });
    same = 0;
    for (size_t row = 0; row < 400; ++row) same += SameBits(padded[row], PlainSum(made, value, row, value[row % 97]));
    CHECK(same == 400);
  }
}

TEST_CASE("a padded sum keeps -0.0, infinities and NaN as the plain loop does") {
  const double infinity = std::numeric_limits<double>::infinity();
  const std::vector<double> value = {-0.0, infinity, std::nan(""), 1.5, -infinity, 0.0};
  // Rows: [-0.0], [], [inf], [NaN, 1.5], [inf, -inf], [0.0, -0.0], [-0.0, -0.0]; padded to 4.
  TestRows made;
  made.entries = {0, 1, 2, 3, 1, 4, 5, 0, 0, 0, 3, 3, 3, 3, 3};
  made.offsets = {0, 1, 1, 2, 4, 6, 8, 10};
  REQUIRE(PaddedRowWidth(made.rows(), 0, 7) == 4);
  for (const double start : {0.0, -0.0}) {
    std::vector<double> padded(7);
    ForEachRowSum(
        made.rows(), value.data(), 0, 7, [start](size_t) { return start; },
        [&](size_t row, double sum) { padded[row] = sum; });
    for (size_t row = 0; row < 7; ++row) {
      CAPTURE(row);
      CAPTURE(start);
      CHECK(SameBits(padded[row], PlainSum(made, value, row, start)));
    }
  }
  // The plain loop's -0.0 results, which +0.0 padding alone would have turned into +0.0.
  std::vector<double> from_negative_zero(7);
  ForEachRowSum(
      made.rows(), value.data(), 0, 7, [](size_t) { return -0.0; },
      [&](size_t row, double sum) { from_negative_zero[row] = sum; });
  CHECK(std::signbit(from_negative_zero[0]));
  CHECK(std::signbit(from_negative_zero[1]));
  CHECK(std::signbit(from_negative_zero[6]));
}

TEST_CASE("two sums over the same rows equal two single sums") {
  std::mt19937 random(7);
  std::vector<double> first(50), second(50);
  for (size_t i = 0; i < 50; ++i) {
    first[i] = double(random()) / 3.0;
    second[i] = 1.0 / (1.0 + double(random() % 1000));
  }
  for (const uint32_t longest : {4u, 8u, 12u, 16u, 40u}) {
    const TestRows made = RowsOfLengths(Lengths(300, 0, longest, longest + 1), 50, longest);
    size_t same = 0;
    ForEachRowSumTwice(made.rows(), first.data(), second.data(), 0, 300, [&](size_t row, double a, double b) {
      same += SameBits(a, PlainSum(made, first, row, 0.0)) && SameBits(b, PlainSum(made, second, row, 0.0));
    });
    CHECK(same == 300);
  }
}

}  // namespace
}  // namespace claimgraph::score
