// Value normalisers for imported data: two spellings of one answer must become one claim,
// or every method is measured against a split vote. Each returns nullopt when the value
// is absent ("Not Available", "Contact Airline", empty): there is no claim to record.
#ifndef CLAIMGRAPH_INGEST_NORMALISE_H_
#define CLAIMGRAPH_INGEST_NORMALISE_H_

#include <optional>
#include <string>
#include <string_view>

#include "claimgraph/import.h"

namespace claimgraph::ingest {

// True for the markers data sets use for "no value": empty, "Not Available", "N/A",
// "null", "none", "unknown", "-", "--" (case and surrounding space ignored).
bool IsAbsentValue(std::string_view value);

// The text with surrounding white space removed, or nullopt when IsAbsentValue.
std::optional<std::string> NormalisePlain(std::string_view value);

// An author list as its sorted last names, lower case, letters and digits only, joined by
// ';': "Knuth, Donald E.", "Donald E. Knuth" and "KNUTH, DONALD" all give "knuth";
// "O'Leary, Timothy J.; O'Leary, Linda I." gives "oleary;oleary". Handles the separators
// ';', '/', '&', "and", "by", "(Author)" notes, "Last, First" pairs, HTML entities
// (including the "&" -> "and" mangled form "Oandapos;Leary"), and drops titles and roles
// (Jr., Dr., editor). First names and initials are ignored because sellers abbreviate them
// inconsistently; a missing co-author still makes a different list.
std::optional<std::string> NormaliseAuthorList(std::string_view value);

// A clock time as "HH:MM" on the 24-hour clock: "7:10 a.m.", "7:10 AM", "Dec 4 7:10 AM",
// "12/04/2011 07:10 AM", "9:12aDec 4" all give "07:10". Date and time zone are dropped
// (every source reports local time). The first time with an am/pm marker wins, otherwise
// the first time read as 24-hour. nullopt when there is no time ("Contact Airline").
std::optional<std::string> NormaliseFlightTime(std::string_view value);

// NormaliseFlightTime for a value that must be a time or absent: nullopt with `problem`
// empty when it is absent (IsAbsentValue, or "Not Available" / "Contact Airline" after a
// date, as the flight sources write); nullopt with `problem` set ("has no time of day
// 25:99", "is not a time of day") when it is neither, so that "noon" is not taken as absent.
std::optional<std::string> NormaliseFlightTimeStrictly(std::string_view value,
                                                       std::string& problem);

// A gate as upper case without a "Gate"/"Terminal" prefix: "gate b12" -> "B12".
std::optional<std::string> NormaliseGate(std::string_view value);

// Applies `normaliser` to a value of `property`. With kFlightTimes a property whose name
// contains "gate" (any case) is a gate, anything else a time.
std::optional<std::string> NormaliseValue(ValueNormaliser normaliser, std::string_view property,
                                          std::string_view value);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_NORMALISE_H_
