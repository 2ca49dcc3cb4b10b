// Gold answers of the evaluation data sets (docs/evaluation.md), keyed by the questions the
// importers create ("OBJECT/PROPERTY"), with values normalised as the importers normalise
// claims, so that a prediction is right exactly when its claim's `value` equals the gold.
#ifndef CLAIMGRAPH_INGEST_GOLD_H_
#define CLAIMGRAPH_INGEST_GOLD_H_

#include <map>
#include <string>
#include <string_view>

#include "claimgraph/status.h"

namespace claimgraph::importers {

using GoldAnswers = std::map<std::string, std::string>;  // question -> normalised value

// The book gold (`ISBN<TAB>author list` lines, blank lines between): question
// "ISBN/AuthorsNamesList", value NormaliseAuthorList. A line without a tab is an error.
Result<GoldAnswers> ReadBooksGold(std::string_view file, std::string_view text);

// The clean PClean flight CSV: question "FLIGHT/COLUMN" for the four time columns, value
// NormaliseFlightTime. Two rows of one flight that disagree are an error.
Result<GoldAnswers> ReadFlightsCsvGold(std::string_view file, std::string_view text);

// The DAFNA flight truth (`flight<TAB>` scheduled departure, actual departure, departure
// gate, scheduled arrival, actual arrival, arrival gate): question
// "FLIGHT<object_suffix>/PROPERTY" with the DAFNA property names (ExpectedDepartureTime,
// ...); empty fields are left out. `object_suffix` is the date the claim file appends to
// each flight ("2011-12-04").
Result<GoldAnswers> ReadDafnaFlightTruth(std::string_view file, std::string_view text,
                                         std::string_view object_suffix);

}  // namespace claimgraph::importers

#endif  // CLAIMGRAPH_INGEST_GOLD_H_
