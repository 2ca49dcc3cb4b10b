#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/query.h"

namespace claimgraph {
namespace {

// A table with every cell kind and the characters each format must protect.
QueryTable MixedTable() {
  QueryTable table;
  table.columns = {"id", "score", "count", "text"};
  table.rows.push_back({std::string("a"), 0.5, int64_t{3}, std::string("plain")});
  table.rows.push_back({std::string("b"), 0.12345, int64_t{0}, std::string("say \"hi\", then\nleave")});
  table.rows.push_back({std::string("c"), std::monostate{}, int64_t{-1}, std::monostate{}});
  return table;
}

TEST_CASE("the text table aligns columns, shows empty cells as '-' and keeps each row on one line") {
  CHECK(FormatQueryTable(MixedTable(), TableFormat::kTable) ==
        "id  score   count  text\n"
        "a   0.5000  3      plain\n"
        "b   0.1235  0      say \"hi\", then leave\n"
        "c   -       -1     -\n");
}

TEST_CASE("an empty answer says so in the text table") {
  QueryTable table;
  table.columns = {"claim"};
  CHECK(FormatQueryTable(table, TableFormat::kTable) == "claim\n(no rows)\n");
  CHECK(FormatQueryTable(table, TableFormat::kJson) == "[]\n");
  CHECK(FormatQueryTable(table, TableFormat::kCsv) == "claim\r\n");
}

TEST_CASE("CSV quotes fields with commas, quotes or line breaks (RFC 4180) and ends lines with CRLF") {
  CHECK(FormatQueryTable(MixedTable(), TableFormat::kCsv) ==
        "id,score,count,text\r\n"
        "a,0.5,3,plain\r\n"
        "b,0.12345,0,\"say \"\"hi\"\", then\nleave\"\r\n"
        "c,,-1,\r\n");
}

TEST_CASE("JSON gives one object per row, numbers as numbers and empty cells as null") {
  CHECK(FormatQueryTable(MixedTable(), TableFormat::kJson) ==
        "[\n"
        "  {\n    \"id\": \"a\",\n    \"score\": 0.5,\n    \"count\": 3,\n    \"text\": \"plain\"\n  },\n"
        "  {\n    \"id\": \"b\",\n    \"score\": 0.12345,\n    \"count\": 0,\n"
        "    \"text\": \"say \\\"hi\\\", then\\nleave\"\n  },\n"
        "  {\n    \"id\": \"c\",\n    \"score\": null,\n    \"count\": -1,\n    \"text\": null\n  }\n"
        "]\n");
}

TEST_CASE("JSON and CSV print a double in the shortest form that reads back exactly, the table rounds to 4 decimals") {
  QueryTable table;
  table.columns = {"p", "q"};
  const double third = 1.0 / 3.0;
  // Each cell constructed in place: g++ 12 at -O2 warns falsely (-Wfree-nonheap-object) on
  // an initializer list of variants that hold only doubles.
  for (const auto& [p, q] : {std::pair{third, -0.0}, std::pair{1e-300, std::numeric_limits<double>::quiet_NaN()}}) {
    std::vector<QueryValue> row;
    row.emplace_back(std::in_place_type<double>, p);
    row.emplace_back(std::in_place_type<double>, q);
    table.rows.push_back(std::move(row));
  }
  CHECK(FormatQueryTable(table, TableFormat::kCsv) == "p,q\r\n0.3333333333333333,-0\r\n1e-300,nan\r\n");
  CHECK(std::stod("0.3333333333333333") == third);
  CHECK(FormatQueryTable(table, TableFormat::kTable) == "p       q\n0.3333  0.0000\n0.0000  nan\n");
  CHECK(FormatQueryTable(table, TableFormat::kJson) ==
        "[\n  {\n    \"p\": 0.3333333333333333,\n    \"q\": -0\n  },\n"
        "  {\n    \"p\": 1e-300,\n    \"q\": null\n  }\n]\n");
}

TEST_CASE("table formats and verdict bands parse from their command-line spelling") {
  CHECK(ParseTableFormat("csv") == TableFormat::kCsv);
  CHECK(ParseTableFormat("json") == TableFormat::kJson);
  CHECK(ParseTableFormat("table") == TableFormat::kTable);
  CHECK_FALSE(ParseTableFormat("xml").has_value());
  CHECK(ParseVerdictBand("single origin") == VerdictBand::kSingleOrigin);
  CHECK(ParseVerdictBand("single-origin") == VerdictBand::kSingleOrigin);
  CHECK(ParseVerdictBand("self-reported-only") == VerdictBand::kSelfReportedOnly);
  CHECK(ParseVerdictBand("self_reported_only") == VerdictBand::kSelfReportedOnly);
  CHECK(ParseVerdictBand("corroborated") == VerdictBand::kCorroborated);
  CHECK_FALSE(ParseVerdictBand("true").has_value());
}

TEST_CASE("a claim filter rejects score bounds outside [0, 1] or in the wrong order") {
  ClaimFilter filter;
  CHECK(filter.Validate().ok());
  filter.min_score = 0.7;
  filter.max_score = 0.6;
  CHECK(filter.Validate().message() == "--min-score is greater than --max-score: no claim can match");
  filter.min_score = -0.1;
  CHECK(filter.Validate().message() ==
        "scores are in [0, 1]: give --min-score and --max-score between 0 and 1");
}

}  // namespace
}  // namespace claimgraph
