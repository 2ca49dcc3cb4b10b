// How claim values compare, for the methods that look inside values: CRH's distance for
// numeric items (Li et al., SIGMOD 2014) and TruthFinder's implication between facts
// (Yin, Han and Yu, KDD 2007, section 3.2: imp(f1 -> f2) = sim(f1, f2) - base_sim).
// Values are Claim::value as the importers wrote them: author lists normalised to sorted
// last names joined by ';' (ingest/normalise.h), flight times as "HH:MM", numbers as text.
#ifndef CLAIMGRAPH_SCORE_VALUE_SIMILARITY_H_
#define CLAIMGRAPH_SCORE_VALUE_SIMILARITY_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace claimgraph::score {

// What a value reads as. A quantity (number, clock time, date) is compared by distance;
// anything else as a list of ';'-separated names (one name when there is no ';').
enum class ValueKind : uint8_t { kNumber, kClockTime, kDate };

struct Quantity {
  ValueKind kind = ValueKind::kNumber;
  // The number; minutes after midnight for a clock time; days since 1970-01-01 for a date.
  double amount = 0.0;
};

// The quantity `value` reads as, or nullopt when it reads as none:
//   a decimal number, the whole value ("-12.5", "3e8", "44590"; no thousands separators),
//   a clock time "H:MM" or "HH:MM" (00:00 to 23:59),
//   a date "YYYY-MM-DD" (a real calendar day).
std::optional<Quantity> ReadQuantity(std::string_view value);

// The similarity of two values in [0, 1] (1 for equal values, 0 when either is empty):
//   numbers:     1 - |a - b| / max(|a|, |b|)            (relative difference)
//   clock times: 1 - d / 720, d the distance in minutes around the clock (at most 12 hours)
//   dates:       1 - min(|a - b|, 365) / 365            (days; a year apart or more is 0)
//   otherwise:   Jaccard overlap of the ';'-separated names, counted with multiplicity
//                ("knuth;oleary" and "knuth" give 1/2), the paper's overlap of author lists.
// The clock and date scales are our choice: the paper defines similarity for author lists only.
double ValueSimilarity(std::string_view a, std::string_view b);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_VALUE_SIMILARITY_H_
