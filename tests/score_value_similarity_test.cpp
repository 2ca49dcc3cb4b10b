#include <doctest/doctest.h>

#include "score/value_similarity.h"

namespace claimgraph::score {
namespace {

using doctest::Approx;

TEST_CASE("value similarity: what a value reads as") {
  CHECK(ReadQuantity("44590")->kind == ValueKind::kNumber);
  CHECK(ReadQuantity("-12.5")->amount == -12.5);
  CHECK(ReadQuantity("3e2")->amount == 300.0);
  CHECK(ReadQuantity("07:10")->kind == ValueKind::kClockTime);
  CHECK(ReadQuantity("07:10")->amount == 430.0);
  CHECK(ReadQuantity("7:05")->amount == 425.0);
  CHECK(ReadQuantity("1970-01-02")->kind == ValueKind::kDate);
  CHECK(ReadQuantity("1970-01-02")->amount == 1.0);
  CHECK(ReadQuantity("2000-03-01")->amount == 11017.0);  // 30 years of 365 days, 7 leap days, Jan, Feb 29
  CHECK(ReadQuantity("1969-12-31")->amount == -1.0);
  for (const char* not_quantity : {"", "knuth", "24:00", "7:5", "12:60", "2011-02-29", "2011-13-01", "inf",
                                   "nan", "1,000", "12 kg", "+3"}) {
    CAPTURE(not_quantity);
    CHECK_FALSE(ReadQuantity(not_quantity).has_value());
  }
}

TEST_CASE("value similarity: overlap of names, relative difference, distance") {
  CHECK(ValueSimilarity("knuth", "knuth") == 1.0);
  CHECK(ValueSimilarity("knuth;oleary", "knuth") == Approx(0.5));
  CHECK(ValueSimilarity("graham;knuth;patashnik", "knuth;patashnik") == Approx(2.0 / 3));
  CHECK(ValueSimilarity("oleary;oleary", "oleary") == Approx(0.5));  // two co-authors named O'Leary
  CHECK(ValueSimilarity("knuth", "smith") == 0.0);
  CHECK(ValueSimilarity("", "") == 0.0);
  CHECK(ValueSimilarity("knuth", "") == 0.0);
  CHECK(ValueSimilarity("100", "90") == Approx(0.9));
  CHECK(ValueSimilarity("100", "-100") == 0.0);
  CHECK(ValueSimilarity("1.0", "1") == 1.0);
  CHECK(ValueSimilarity("07:10", "07:40") == Approx(1 - 30.0 / 720));
  CHECK(ValueSimilarity("23:50", "00:10") == Approx(1 - 20.0 / 720));  // around midnight
  CHECK(ValueSimilarity("00:00", "12:00") == 0.0);
  CHECK(ValueSimilarity("2011-12-04", "2011-12-14") == Approx(1 - 10.0 / 365));
  CHECK(ValueSimilarity("2010-12-04", "2012-12-04") == 0.0);
  CHECK(ValueSimilarity("07:10", "430") == 0.0);  // different kinds compare as names
}

}  // namespace
}  // namespace claimgraph::score
