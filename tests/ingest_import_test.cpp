// The importers on small inline inputs: the exact records they make, the notes on what
// they skip, and the exact error messages for malformed lines.
#include <doctest/doctest.h>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/import.h"
#include "claimgraph/load.h"
#include "claimgraph/prov_import.h"
#include "test_support.h"

namespace claimgraph {
namespace {

const char kEmergentHeader[] =
    "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth,"
    "claimCount,articleCount,sourceCount\r\n";

std::string EmergentText() {
  return std::string(kEmergentHeader) +
         "Cat elected mayor,\"Cat wins, says town\",for,a1,c1,http://x.com/1,x.com,true,1,3,2\r\n"
         "Cat elected mayor,No cat won,against,a2,c1,https://y.org/2,y.org,true,1,3,2\r\n"
         "Cat elected mayor,Town votes,observing,a3,c1,not a url,x.com,true,1,3,2\r\n"
         "Moon is cheese,Cheese moon?,,a4,c2,http://x.com/4,x.com,unknown,1,1,1\r\n";
}

TEST_CASE("ImportEmergent makes one claim per claimId and one source per article") {
  Result<ImportResult> imported = ImportEmergent("e.csv", EmergentText());
  REQUIRE(imported.ok());
  const CaseData& data = imported->data;
  CHECK(CasefileText(data) ==
        "{\n"
        "  \"claimgraph\": \"1.0\",\n"
        "  \"title\": \"Emergent claims from e.csv\",\n"
        "  \"entities\": [\n"
        "    {\"id\": \"x.com\", \"name\": \"x.com\", \"type\": \"outlet\"},\n"
        "    {\"id\": \"y.org\", \"name\": \"y.org\", \"type\": \"outlet\"}\n"
        "  ],\n"
        "  \"sources\": [\n"
        "    {\"id\": \"a1\", \"title\": \"Cat wins, says town\", \"url\": \"http://x.com/1\", \"publisher\": \"x.com\", \"kind\": \"news report\"},\n"
        "    {\"id\": \"a2\", \"title\": \"No cat won\", \"url\": \"https://y.org/2\", \"publisher\": \"y.org\", \"kind\": \"news report\"},\n"
        "    {\"id\": \"a3\", \"title\": \"Town votes\", \"publisher\": \"x.com\", \"kind\": \"news report\"}\n"
        "  ],\n"
        "  \"claims\": [\n"
        "    {\"id\": \"c1\", \"text\": \"Cat elected mayor\"},\n"
        "    {\"id\": \"c2\", \"text\": \"Moon is cheese\"}\n"
        "  ],\n"
        "  \"assertions\": [\n"
        "    {\"source\": \"a1\", \"claim\": \"c1\", \"stance\": \"supports\"},\n"
        "    {\"source\": \"a2\", \"claim\": \"c1\", \"stance\": \"refutes\"},\n"
        "    {\"source\": \"a3\", \"claim\": \"c1\", \"stance\": \"reports\"}\n"
        "  ]\n"
        "}\n");
  CHECK(data.verdicts.empty());  // gold labels only when asked
  CHECK(imported->notes == std::vector<std::string>{
                               "e.csv: note: 1 line kept without a url (not an absolute http(s) URL); first at line 4",
                               "e.csv: note: 1 line skipped (the article has no stance); first at line 5"});
}

TEST_CASE("ImportEmergent records claimTruth as verdicts only with with_verdicts") {
  Result<ImportResult> imported = ImportEmergent("e.csv", EmergentText(), {.with_verdicts = true});
  REQUIRE(imported.ok());
  REQUIRE(imported->data.verdicts.size() == 1);  // c2 is "unknown": unlabelled
  CHECK(imported->data.verdicts[0].claim == 0);
  CHECK(imported->data.verdicts[0].rating == Rating::kTrue);
  CHECK(imported->data.verdicts[0].by == "Emergent");
}

TEST_CASE("ImportEmergent with source_per_outlet merges an outlet's articles into one source") {
  Result<ImportResult> imported = ImportEmergent("e.csv", EmergentText(), {.source_per_outlet = true});
  REQUIRE(imported.ok());
  const CaseData& data = imported->data;
  CHECK(data.entities.empty());
  REQUIRE(data.sources.size() == 2);
  CHECK(data.sources[0].id == "x.com");
  CHECK(data.sources[1].id == "y.org");
  REQUIRE(data.assertions.size() == 3);
  CHECK(data.assertions[2].source == 0);  // a3, from x.com, reports
  CHECK(data.assertions[2].stance == Stance::kReports);
}

TEST_CASE("ImportEmergent names the file and line of a malformed row") {
  auto error = [](const std::string& rows) {
    return ImportEmergent("e.csv", std::string(kEmergentHeader) + rows).status().message();
  };
  CHECK(error("Cat,Head,maybe,a1,c1,http://x.com,x.com,true,1,1,1\n") ==
        "e.csv:2: error: unknown articleHeadlineStance 'maybe' (expected for, against or observing)");
  CHECK(error("Cat,Head,for,a1,c1,http://x.com,x.com,true\n") ==
        "e.csv:2: error: expected 11 fields as in the header, found 8");
  CHECK(error("Cat,Head,for,a1,c1,http://x.com,x.com,yes,1,1,1\n") ==
        "e.csv:2: error: unknown claimTruth 'yes' (expected true, false or unknown)");
  CHECK(error("Cat,Head,for,a1,,http://x.com,x.com,true,1,1,1\n") == "e.csv:2: error: the claimId is empty");
  CHECK(error("Cat,Head,for,a1,c1,u,x.com,true,1,1,1\nCat,Head,for,a2,c1,u,x.com,false,1,1,1\n") ==
        "e.csv:3: error: claim 'c1' has claimTruth 'false' here but 'true' on line 2");
  CHECK(error("Cat,\"Head,for,a1,c1,u,x.com,true,1,1,1\n") ==
        "e.csv:2:5: error: a quoted field opened here is never closed (add the closing '\"')");
  CHECK(ImportEmergent("e.csv", "claimHeadline,url\n").status().message() ==
        "e.csv:1: error: the header has no column 'articleHeadline' (expected the columns "
        "claimHeadline, articleHeadline, articleHeadlineStance, articleId, claimId, url, source, claimTruth)");
}

std::string DafnaLine(const std::string& object, const std::string& value, const std::string& source) {
  return "1|\t|\t" + object + "|\tAuthorsNamesList|\t" + value + "|\t" + source + "|\tnull|\t\n";
}

TEST_CASE("ImportDafna makes a question per (object, property) and a claim per normalised value") {
  const std::string text = DafnaLine("isbn1", "Knuth, Donald E.", "A1 Books") +
                           DafnaLine("isbn1", "Donald E. Knuth", "eCampus") +
                           DafnaLine("isbn1", "Knuth; Fuller, John", "A1 Books") +
                           DafnaLine("isbn1", "Not Available", "eCampus") +
                           DafnaLine("isbn1", "KNUTH, DONALD", "eCampus");
  Result<ImportResult> imported = ImportDafna("b.txt", text, {.normaliser = ValueNormaliser::kAuthors});
  REQUIRE(imported.ok());
  const CaseData& data = imported->data;
  REQUIRE(data.sources.size() == 2);
  CHECK(data.sources[0].id == "A1-Books");  // white space is not allowed in ids
  CHECK(data.sources[0].title == "A1 Books");
  REQUIRE(data.claims.size() == 2);
  CHECK(data.claims[0].id == "isbn1/AuthorsNamesList=knuth");
  CHECK(data.claims[0].text == "AuthorsNamesList of isbn1 is Knuth, Donald E.");
  CHECK(data.claims[0].question == "isbn1/AuthorsNamesList");
  CHECK(data.claims[0].value == "knuth");
  CHECK(data.claims[1].value == "fuller;knuth");
  REQUIRE(data.assertions.size() == 3);
  CHECK((data.assertions[1].source == 1 && data.assertions[1].claim == 0));
  CHECK((data.assertions[2].source == 0 && data.assertions[2].claim == 1));
  CHECK(imported->notes == std::vector<std::string>{
      "b.txt: note: 1 line skipped (the value is absent, as in \"Not Available\" or empty); first at line 4",
      "b.txt: note: 1 line skipped (the same source gives the same value again); first at line 5"});
  // Without normalisation each spelling is its own claim.
  Result<ImportResult> raw = ImportDafna("b.txt", text);
  REQUIRE(raw.ok());
  CHECK(raw->data.claims.size() == 4);
}

TEST_CASE("ImportDafna names the line of a malformed claim") {
  CHECK(ImportDafna("f.txt", DafnaLine("x", "1", "s") + "1|\tx|\ty\n").status().message() ==
        "f.txt:2: error: expected 7 fields (claim id, entity id, object, property, value, source, "
        "timestamp) each followed by '|' and a tab, found 3");
  CHECK(ImportDafna("f.txt", DafnaLine("", "1", "s")).status().message() ==
        "f.txt:1: error: the object (field 3) is empty");
}

TEST_CASE("ImportFlightsCsv normalises times so that spellings of one time agree") {
  const std::string text =
      "tuple_id,src,flight,sched_dep_time,act_dep_time,sched_arr_time,act_arr_time\n"
      "1,aa,AA-1-X-Y,7:10 a.m.,7:16 a.m.,9:40 p.m.,\n"
      "2,ua,AA-1-X-Y,7:10 AM,Not Available,Dec 4 9:40 PM,9:32 PM\n";
  Result<ImportResult> imported = ImportFlightsCsv("d.csv", text);
  REQUIRE(imported.ok());
  const CaseData& data = imported->data;
  REQUIRE(data.claims.size() == 4);
  CHECK(data.claims[0].id == "AA-1-X-Y/sched_dep_time=07:10");
  CHECK(data.claims[2].id == "AA-1-X-Y/sched_arr_time=21:40");
  CHECK(data.claims[3].id == "AA-1-X-Y/act_arr_time=21:32");
  CHECK(data.assertions.size() == 6);
  CHECK(imported->notes == std::vector<std::string>{
      "d.csv: note: 2 time fields left out (absent, as in \"Not Available\" or empty); first at line 2"});
  CHECK(ImportFlightsCsv("d.csv", text, {.normaliser = ValueNormaliser::kAuthors}).status().message() ==
        "the flight CSV holds times: use the normaliser 'flight-times' or 'none'");
}

TEST_CASE("Imported casefiles load back with the same records") {
  Result<ImportResult> imported = ImportEmergent("e.csv", EmergentText(), {.with_verdicts = true});
  REQUIRE(imported.ok());
  const std::string text = CasefileText(imported->data);
  LoadResult loaded = LoadCasefileTexts({"e.json"}, {text});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  CHECK(CasefileText(loaded.graph->data()) == text);
}

TEST_CASE("claimgraph import writes the casefile and reports usage errors") {
  testing::ScratchDirectory scratch;
  const std::string input = scratch.Write("b.txt", DafnaLine("isbn1", "Knuth, D.", "s1") +
                                                       DafnaLine("isbn1", "D. Knuth", "s2"));
  testing::CommandOutput output =
      testing::RunTool({"import", "dafna", input, "-o", scratch.File("b.json"), "--normalise", "authors"});
  CHECK(output.exit_code == 0);
  CHECK(output.out == "wrote " + scratch.File("b.json") + ": 2 sources, 1 claims, 0 entities, 2 assertions, 0 verdicts\n");
  LoadResult loaded = LoadCasefiles({scratch.File("b.json")});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  CHECK(loaded.graph->claims().size() == 1);

  output = testing::RunTool({"import", "csv", input, "-o", scratch.File("x.json")});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph import: unknown format 'csv' (expected emergent, dafna, flights-csv, "
                      "prov-json or triples) (see 'claimgraph import --help')\n");
  output = testing::RunTool({"import", "dafna", input, "-o", scratch.File("x.json"), "--with-verdicts"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph import: option '--with-verdicts' does not apply to the format 'dafna' "
                      "(see 'claimgraph import --help')\n");
  output = testing::RunTool({"import", "dafna", input, "-o", scratch.File("x.json"), "--normalise", "names"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph import: unknown normaliser 'names' (expected authors, flight-times or none) "
                      "(see 'claimgraph import --help')\n");
  CHECK(scratch.List() == std::vector<std::string>{"b.json", "b.txt"});  // nothing half-written
}

TEST_CASE("importers percent-encode a url column RFC 3986 can encode and leave out what is no URL") {
  const std::string csv = std::string(kEmergentHeader) +
                          "C,A,for,a1,c1,\"https://x.com/a\"\"><script>alert(1)</script>\",x.com,true,1,3,2\r\n"
                          "C,B,for,a2,c1, https://x.com/caf\xC3\xA9 ,x.com,true,1,3,2\r\n"
                          "C,D,for,a3,c1,javascript:alert(1),x.com,true,1,3,2\r\n";
  Result<ImportResult> imported = ImportEmergent("e.csv", csv);
  REQUIRE(imported.ok());
  const CaseData& data = imported->data;
  REQUIRE(data.sources.size() == 3);
  CHECK(data.sources[0].url == "https://x.com/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
  CHECK(data.sources[1].url == "https://x.com/caf%C3%A9");
  CHECK(data.sources[2].url == "");
  CHECK(imported->notes == std::vector<std::string>{
                               "e.csv: note: 2 lines kept with the url percent-encoded (RFC 3986); first at line 2",
                               "e.csv: note: 1 line kept without a url (not an absolute http(s) URL); first at line 4"});
  const std::string prov =
      "{\"prefix\": {\"cg\": \"https://claimgraph.example/ns#\"}, \"entity\": {"
      "\"cg:s\": {\"prov:label\": \"S\", \"cg:url\": \"https://x.com/a b\"}, "
      "\"cg:t\": {\"prov:label\": \"T\", \"cg:url\": \"javascript:alert(1)\"}}}";
  Result<ImportResult> from_prov = ImportProvJson("in.json", prov);
  REQUIRE_MESSAGE(from_prov.ok(), from_prov.status().message());
  REQUIRE(from_prov->data.sources.size() == 2);
  CHECK(from_prov->data.sources[0].url == "https://x.com/a%20b");
  CHECK(from_prov->data.sources[1].url == "");
  CHECK(from_prov->notes == std::vector<std::string>{
                                "in.json: note: /entity/cg:t: url \"javascript:alert(1)\" left out: it is not an absolute "
                                "http or https URL (it must start with http:// or https://)"});
}

}  // namespace
}  // namespace claimgraph
