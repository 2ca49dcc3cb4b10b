// The value normalisers: spellings of one answer give one value; absent values give none.
#include <doctest/doctest.h>

#include "ingest/normalise.h"

namespace claimgraph::ingest {
namespace {

TEST_CASE("NormaliseAuthorList reduces an author list to its sorted last names") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Knuth, Donald E.", "knuth"},
      {"Donald E. Knuth", "knuth"},
      {"KNUTH, DONALD", "knuth"},
      {"Donald Ervin Knuth", "knuth"},
      {"O'Leary, Timothy J.; O'Leary, Linda I.", "oleary;oleary"},
      {"Timothy J Oandapos;Leary, Linda I Oandapos;Leary", "oleary;oleary"},  // "&" mangled to "and"
      {"Ben-Ari, M.", "benari"},
      {"Michael J. Hernandez, John L. Viescas", "hernandez;viescas"},
      {"Adams, Tyrone, Scollard, Sharon", "adams;scollard"},
      {"Gong, Li/ Ellison, Gary/ Dageforde, Mary", "dageforde;ellison;gong"},
      {"Limoncelli, Thomas A. (Author) Hogan, Christine (Joint Author)", "hogan;limoncelli"},
      {"Edited by Jones, Karen Sparck Edited by Willett, Peter", "jones;willett"},
      {"Tom Carpenter and Grant Moerschel & Richard Dreger", "carpenter;dreger;moerschel"},
      {"St&uuml;tzle, Thomas; Hoos, Holger", "hoos;stutzle"},
      {"Robert C. Seacord Jr.", "seacord"},
      {"HAAG, STEPHEN PERRY, JAMES T. SOSINSKY, BARRIE", "haag;perry;sosinsky"},  // run together
      {"Puder, Arno Romer, Kay Pilhofer, Frank", "pilhofer;puder;romer"},
      {"Stephen Haag; James T Perry; James Perry", "haag;perry"},  // one author listed twice
      {"Cheryl A. Schmidt, Todd Meadors, Meadors", "meadors;schmidt"},
      {"THOMAS &amp; CHANDRASEKHAR", "chandrasekhar;thomas"},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    CHECK(NormaliseAuthorList(text) == expected);
  }
  CHECK(NormaliseAuthorList("Not Available") == std::nullopt);
  CHECK(NormaliseAuthorList("  ") == std::nullopt);
  CHECK(NormaliseAuthorList("(Author)") == std::nullopt);
}

TEST_CASE("NormaliseFlightTime gives HH:MM on the 24-hour clock") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"7:10 a.m.", "07:10"},         {"7:10 AM", "07:10"},
      {"7:10 p.m.", "19:10"},         {"12:05 AM", "00:05"},
      {"12:05 PM", "12:05"},          {"Dec 4 7:10 PM", "19:10"},
      {"12/04/2011 08:00 PM", "20:00"}, {"9:12aDec 4", "09:12"},
      {"2011-12-04 09:26AM CST", "09:26"}, {"12/4/11 3:46 PM (-06:00)", "15:46"},
      {"Sun, Dec 4 9:31 PM", "21:31"}, {"21:31", "21:31"},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    CHECK(NormaliseFlightTime(text) == expected);
  }
  CHECK(NormaliseFlightTime("Contact Airline") == std::nullopt);
  CHECK(NormaliseFlightTime("Dec 04 - Not Available") == std::nullopt);
  CHECK(NormaliseFlightTime("25:10") == std::nullopt);
  CHECK(NormaliseFlightTime("7:61 AM") == std::nullopt);
}

TEST_CASE("NormaliseGate and NormaliseValue") {
  CHECK(NormaliseGate("gate b12") == "B12");
  CHECK(NormaliseGate(" C16 ") == "C16");
  CHECK(NormaliseGate("Not provided by airline") == std::nullopt);
  CHECK(NormaliseGate("--") == std::nullopt);
  CHECK(NormaliseValue(ValueNormaliser::kFlightTimes, "DepartureGate", "gate 7") == "7");
  CHECK(NormaliseValue(ValueNormaliser::kFlightTimes, "ActualDepartureTime", "7:10 PM") == "19:10");
  CHECK(NormaliseValue(ValueNormaliser::kNone, "x", "  Knuth, D. ") == "Knuth, D.");
  CHECK(NormaliseValue(ValueNormaliser::kNone, "x", "N/A") == std::nullopt);
}

TEST_CASE("ValueNormaliser names parse back") {
  for (ValueNormaliser normaliser :
       {ValueNormaliser::kNone, ValueNormaliser::kAuthors, ValueNormaliser::kFlightTimes}) {
    CHECK(ParseValueNormaliser(Name(normaliser)) == normaliser);
  }
  CHECK(ParseValueNormaliser("author") == std::nullopt);
}

}  // namespace
}  // namespace claimgraph::ingest
