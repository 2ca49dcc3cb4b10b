// The importers on careless and hostile input: bytes that are not UTF-8, Unicode spaces in
// ids, byte order marks, CR-only line ends, empty files, impossible times. Each either gives
// a located error or a casefile the loader accepts (the contract in
// tests/fuzz/import_round_trip.h, also checked on generated inputs and on every input the
// importer fuzzers found).
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/import.h"
#include "claimgraph/prov_import.h"
#include "fuzz/import_round_trip.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

using fuzzing::CheckImportRoundTrip;
using fuzzing::Importer;

const std::string kEmergentHeader =
    "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth\n";
const std::string kFlightsHeader =
    "tuple_id,src,flight,sched_dep_time,act_dep_time,sched_arr_time,act_arr_time\n";
const std::string kProvPrefix =
    "{\"prefix\": {\"cg\": \"https://claimgraph.example/ns#\", \"id\": "
    "\"https://claimgraph.example/id/\"},\n";

// A PROV-JSON document with a record of each kind the importer reads.
const std::string kProvSeed =
    kProvPrefix +
    "\"entity\": {\"id:s\": {\"prov:label\": \"S\", \"cg:published\": \"2017-12-11\"},\n"
    "  \"id:c\": {\"prov:type\": {\"$\": \"cg:Claim\", \"type\": \"prov:QUALIFIED_NAME\"}, \"prov:value\": \"C\"}},\n"
    "\"agent\": {\"id:e\": {\"prov:label\": \"E\"}},\n"
    "\"wasAttributedTo\": {\"_:p\": {\"prov:entity\": \"id:s\", \"prov:agent\": \"id:e\"}},\n"
    "\"wasDerivedFrom\": {\"_:a\": {\"prov:generatedEntity\": \"id:c\", \"prov:usedEntity\": \"id:s\",\n"
    "  \"prov:type\": {\"$\": \"cg:Assertion\", \"type\": \"prov:QUALIFIED_NAME\"}, \"cg:stance\": \"supports\"}}}\n";

std::string DafnaLine(const std::string& object, const std::string& value, const std::string& source) {
  return "1|\t|\t" + object + "|\tAuthorsNamesList|\t" + value + "|\t" + source + "|\tnull|\t\n";
}

Result<ImportResult> Import(Importer importer, const std::string& text) {
  switch (importer) {
    case Importer::kEmergent: return ImportEmergent("input.txt", text);
    case Importer::kDafna: return ImportDafna("input.txt", text);
    case Importer::kFlightsCsv: return ImportFlightsCsv("input.txt", text);
    case Importer::kProvJson: return ImportProvJson("input.txt", text);
  }
  return Status::Error("unreachable");
}

// One small valid input per importer.
std::string ValidInput(Importer importer) {
  switch (importer) {
    case Importer::kEmergent:
      return kEmergentHeader + "Cat elected,Cat wins,for,a1,c1,http://x.com/1,x.com,true\n" +
             "Cat elected,No cat,against,a2,c1,,y.org,true\n";
    case Importer::kDafna: return DafnaLine("book1", "Knuth, D.", "shop-a") + DafnaLine("book1", "Knuth", "shop-b");
    case Importer::kFlightsCsv: return kFlightsHeader + "1,aa,AA-1,7:10 a.m.,,9:40 PM,\n2,ua,AA-1,7:12 AM,,,\n";
    case Importer::kProvJson:
      return kProvPrefix + "\"entity\": {\"id:s\": {\"prov:label\": \"S\"}}}\n";
  }
  return "";
}

constexpr Importer kImporters[] = {Importer::kEmergent, Importer::kDafna, Importer::kFlightsCsv,
                                   Importer::kProvJson};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

TEST_CASE("invalid UTF-8 is an error at its line and column in every importer") {
  const std::string advice = "); save the file as UTF-8, or give --encoding latin1 if it is Latin-1";
  CHECK(ImportEmergent("input.txt", kEmergentHeader + "Caf\xE9 opens,x,for,a1,c1,,x.com,true\n")
            .status()
            .message() == "input.txt:2:4: error: invalid UTF-8 (byte 0xE9" + advice);
  CHECK(ImportDafna("input.txt", DafnaLine("b", "ok", "s") + DafnaLine("b", "M\xFCller", "s")).status().message() ==
        "input.txt:2:28: error: invalid UTF-8 (byte 0xFC" + advice);
  CHECK(ImportFlightsCsv("input.txt", kFlightsHeader + "1,aa,AA-1,7:10\xA0" "AM,,,\n").status().message() ==
        "input.txt:2:15: error: invalid UTF-8 (byte 0xA0" + advice);
  CHECK(ImportProvJson("input.txt", "{\"entity\": {\n  \"s\": {\"prov:label\": \"\xC3(\"}}}").status().message() ==
        "input.txt:2:24: error: invalid UTF-8 (byte 0xC3" + advice);
  for (Importer importer : kImporters) CHECK(Import(importer, "\xFF").status().code() == ExitCode::kInvalidInput);
}

TEST_CASE("import --encoding latin1 transcodes, without it nothing is written") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("latin1.csv", kEmergentHeader + "Caf\xE9 opens,x,for,a1,c1,,x.com,true\n");
  const CommandOutput refused = RunTool({"import", "emergent", input, "-o", scratch.File("out.json")});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == input + ":2:4: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8, or give "
                               "--encoding latin1 if it is Latin-1\n");
  CHECK(scratch.List() == std::vector<std::string>{"latin1.csv"});

  const CommandOutput imported =
      RunTool({"import", "emergent", input, "--encoding", "latin1", "-o", scratch.File("out.json")});
  CHECK(imported.exit_code == 0);
  CHECK(ReadWholeFile(scratch.File("out.json")).find("\"Caf\xC3\xA9 opens\"") != std::string::npos);
  CHECK(RunTool({"check", scratch.File("out.json")}).exit_code == 0);

  const CommandOutput unknown =
      RunTool({"import", "emergent", input, "--encoding", "cp1252", "-o", scratch.File("x.json")});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "claimgraph import: unknown encoding 'cp1252' (expected utf-8 or latin1) "
                       "(see 'claimgraph import --help')\n");
  CHECK(TranscodeLatin1("a\xE9\xFF") == "a\xC3\xA9\xC3\xBF");
}

TEST_CASE("ids are cleaned of Unicode spaces and control characters") {
  const std::string text = kEmergentHeader +
                           "Cat elected,Cat wins,for,a\xC2\xA0" "1,c\xE2\x80\x83" "1,,x\xE3\x80\x80.com,true\n"
                           "Cat elected,No cat,for,a\x7F" "2,c\xE2\x80\x83" "1,,x.com\xC2\x85,true\n";
  Result<ImportResult> imported = ImportEmergent("input.txt", text);
  REQUIRE(imported.ok());
  CHECK(imported->data.sources[0].id == "a-1");
  CHECK(imported->data.sources[1].id == "a-2");
  CHECK(imported->data.claims[0].id == "c-1");
  CHECK(imported->data.entities[0].id == "x-.com");
  CHECK(imported->data.entities[1].id == "x.com");
  CHECK(CheckImportRoundTrip(Importer::kEmergent, text) == "");
  // And the loader rejects what the importers clean: one definition serves both.
  const LoadResult loaded = LoadCasefileTexts(
      {"case.json"}, {"{\"claimgraph\": \"1.0\", \"claims\": [{\"id\": \"c\xE2\x80\xAF" "1\", \"text\": \"t\"}]}"});
  CHECK(loaded.status().message() ==
        "case.json:1:35: error: /claims/0/id: an id must not contain whitespace or control characters: "
        "\"c\xE2\x80\xAF" "1\"");
}

TEST_CASE("a byte order mark and CR-only line ends read as plain LF text in every importer") {
  for (Importer importer : kImporters) {
    CAPTURE(static_cast<int>(importer));
    const std::string plain = ValidInput(importer);
    Result<ImportResult> expected = Import(importer, plain);
    REQUIRE_MESSAGE(expected.ok(), expected.status().message());
    for (const std::string& variant :
         {"\xEF\xBB\xBF" + plain, Replace(plain, "\n", "\r"), "\xEF\xBB\xBF" + Replace(plain, "\n", "\r\n")}) {
      Result<ImportResult> imported = Import(importer, variant);
      REQUIRE_MESSAGE(imported.ok(), imported.status().message());
      CHECK(CasefileText(imported->data) == CasefileText(expected->data));
    }
  }
}

TEST_CASE("an empty input is an error for every importer") {
  const std::string expected[] = {
      "input.txt:1: error: the file is empty (expected a header line with the Emergent columns)",
      "input.txt:1: error: the file is empty (expected lines of 7 fields, each followed by '|' and a tab)",
      "input.txt:1: error: the file is empty (expected a header line: tuple_id,src,flight,sched_dep_time,"
      "act_dep_time,sched_arr_time,act_arr_time)",
      "input.txt:1: error: the file is empty (expected a PROV-JSON document, a JSON object)"};
  for (size_t i = 0; i < 4; ++i) {
    for (const std::string text : {"", "\xEF\xBB\xBF", " \r\n\t\r"}) {
      CAPTURE(i);
      CHECK(Import(kImporters[i], text).status().message() == expected[i]);
    }
  }
}

TEST_CASE("import of an empty file exits 2 and writes nothing, in every format") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("empty.txt", "\xEF\xBB\xBF\r\n");
  const std::string output = scratch.Write("out.json", "kept");
  for (const std::string format : {"emergent", "dafna", "flights-csv", "prov-json"}) {
    CAPTURE(format);
    const CommandOutput run = RunTool({"import", format, input, "-o", output});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind(input + ":1: error: the file is empty (expected ", 0) == 0);
    CHECK(ReadWholeFile(output) == "kept");
  }
}

TEST_CASE("impossible flight times are located errors, not absent values") {
  CHECK(ImportFlightsCsv("input.txt", kFlightsHeader + "1,aa,AA-1,7:10 AM,,9:40 PM,\n2,ua,AA-1,25:99,,,\n")
            .status()
            .message() ==
        "input.txt:3:11: error: sched_dep_time \"25:99\" has no such time of day (hours are 0 to 23, or 1 "
        "to 12 with AM/PM; minutes 00 to 59)");
  CHECK(ImportFlightsCsv("input.txt", kFlightsHeader + "1,aa,AA-1,,\"noon\",,\n").status().message() ==
        "input.txt:2:12: error: act_dep_time \"noon\" is not a time of day (expected a clock time such as "
        "7:10 AM, or Not Available)");
  // What the flight sources write for "no time" stays absent.
  Result<ImportResult> absent = ImportFlightsCsv(
      "input.txt", kFlightsHeader + "1,aa,AA-1,Not Available,Dec 02 Contact Airline,n/a,\n2,ua,AA-1,7:10 AM,,,\n");
  REQUIRE(absent.ok());
  CHECK(absent->data.assertions.size() == 1);
  // Raw strings (--normalise none) are not times: nothing to check.
  CHECK(ImportFlightsCsv("input.txt", kFlightsHeader + "1,aa,AA-1,noon,,,\n", {.normaliser = ValueNormaliser::kNone})
            .ok());
}

TEST_CASE("PROV-JSON errors point into the user's file") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write(
      "dated.prov.json", kProvPrefix + "\"entity\": {\n  \"id:s\": {\"prov:label\": \"S\",\n"
                                       "    \"cg:published\": \"2017-02-30\"}}}\n");
  const CommandOutput run = RunTool({"import", "prov-json", input, "-o", scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "claimgraph import prov-json: " + input +
                       ": the records do not form a valid casefile; nothing was written:\n" + input +
                       ":3:3: error: /entity/id:s: published: \"2017-02-30\" is not a calendar date: February "
                       "2017 has 28 days\n");
  CHECK(scratch.List() == std::vector<std::string>{"dated.prov.json"});
  CHECK(ImportProvJson("in.json", kProvPrefix + "\"entity\": {\"id:s\": {\"prov:label\": \"S\", \"prov:label\": \"T\"}}}")
            .status()
            .message() == "in.json:2:40: error: /entity/id:s/prov:label: duplicate key \"prov:label\" (first at 2:21)");
}

TEST_CASE("a loader error that names a second record names it in the PROV-JSON file too") {
  const std::string verdict =
      "{\"prov:type\": {\"$\": \"cg:Verdict\", \"type\": \"prov:QUALIFIED_NAME\"}, \"cg:claim\": \"id:c\", ";
  const std::string text =
      Replace(kProvPrefix, "\"id\":", "\"case\": \"https://claimgraph.example/case/\", \"id\":") +
      "\"entity\": {\"id:c\": {\"prov:type\": {\"$\": \"cg:Claim\", \"type\": \"prov:QUALIFIED_NAME\"}, "
      "\"prov:value\": \"C\"},\n  \"case:v1\": " + verdict + "\"cg:rating\": \"true\"},\n  \"case:v2\": " +
      verdict + "\"cg:rating\": \"false\"}}}\n";
  Result<ImportResult> imported = ImportProvJson("in.json", text);
  REQUIRE(imported.ok());
  CHECK(CheckImportedCasefile("in.json", text, imported.value(), CasefileText(imported->data)).message() ==
        "in.json:4:3: error: /entity/case:v2: rating: claim \"c\" is rated \"false\" here but \"true\" by the "
        "verdict at in.json:3:3 (/entity/case:v1)");
}

TEST_CASE("PROV-JSON numbers that are not finite are errors, not NaN in the casefile") {
  for (const std::string number : {"\"nan\"", "\"inf\"", "\"1e999\"", "\"-inf\""}) {
    CAPTURE(number);
    const std::string text = Replace(kProvSeed, "\"cg:stance\": \"supports\"",
                                     "\"cg:stance\": \"supports\", \"cg:confidence\": " + number);
    CHECK(ImportProvJson("in.json", text).status().message() ==
          "in.json:6:20: error: /wasDerivedFrom/_:a: cg:confidence must be a number in [0, 1]");
  }
}

TEST_CASE("200,000 nested arrays are an error, not a crash, for check and import prov-json") {
  ScratchDirectory scratch;
  const std::string nested = std::string(200000, '[') + std::string(200000, ']');
  std::string pointer;
  for (int level = 1; level < 256; ++level) pointer += "/0";
  const std::string casefile = scratch.Write("deep.json", "{\"claimgraph\": \"1.0\", \"title\": " + nested + "}");
  const CommandOutput checked = RunTool({"check", casefile});
  CHECK(checked.exit_code == 2);
  CHECK(checked.err == casefile + ":1:287: error: /title" + pointer +
                           ": nesting deeper than 256 levels\n");
  const std::string prov = scratch.Write("deep.prov.json", "{\"entity\": " + nested + "}");
  const CommandOutput imported = RunTool({"import", "prov-json", prov, "-o", scratch.File("out.json")});
  CHECK(imported.exit_code == 2);
  CHECK(imported.err == prov + ":1:267: error: /entity" + pointer + ": nesting deeper than 256 levels\n");
  // Document::Parse drops a byte order mark after the one the loader skips: the scan must
  // read past both, or it stopped at the second while the DOM recursed (a crash; found by
  // the PROV-JSON fuzzer).
  const std::string marked = scratch.Write(
      "marked.json", "\xEF\xBB\xBF\xEF\xBB\xBF{\"claimgraph\": \"1.0\", \"title\": " + nested + "}");
  const CommandOutput marked_check = RunTool({"check", marked});
  CHECK(marked_check.exit_code == 2);
  CHECK(marked_check.err == marked + ":1:289: error: /title" + pointer + ": nesting deeper than 256 levels\n");
  CHECK(scratch.List() == std::vector<std::string>{"deep.json", "deep.prov.json", "marked.json"});
}

TEST_CASE("the same casefile given twice, by name or through a symlink, is one error") {
  ScratchDirectory scratch;
  const std::string casefile = ProjectPath("tests/casefiles/valid/minimal.json");
  const std::string link = scratch.File("link.json");
  std::filesystem::create_symlink(casefile, link);
  const CommandOutput same = RunTool({"check", "tests/casefiles/valid/minimal.json", "tests/casefiles/valid/minimal.json"});
  CHECK(same.exit_code == 2);
  CHECK(same.err == "tests/casefiles/valid/minimal.json: error: given twice\n");
  const CommandOutput linked = RunTool({"score", casefile, link});
  CHECK(linked.exit_code == 2);
  CHECK(linked.out.empty());
  CHECK(linked.err == link + ": error: given twice (it is the file " + casefile + ")\n");
}

// Hostile pieces spliced into valid inputs: what careless exports and attackers write.
const char* const kHostilePieces[] = {
    "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\r", "\r\n", "\n", "\t", "\x01", "\x7F",
    "\xC2\x85", "\"", "\"\"", ",", "|\t", " ", "\\", "{", "}", "[", "]", ":", "25:99", "noon", "0:00 PM",
    "Not Available", "id:", "%", "%2", "%20", "~1", "-", "1e999", "-0", "true", "null", "http://", "\xF0\x9F\x98\x80"};

std::string Mutate(const std::string& text, std::mt19937& random) {
  std::string mutated = text;
  const int edits = 1 + static_cast<int>(random() % 4);
  for (int edit = 0; edit < edits; ++edit) {
    const size_t at = mutated.empty() ? 0 : random() % (mutated.size() + 1);
    const size_t choice = random() % (std::size(kHostilePieces) + 2);
    if (choice == std::size(kHostilePieces)) {
      mutated.erase(at, random() % 4);
    } else if (choice == std::size(kHostilePieces) + 1) {
      mutated.insert(at, 1, static_cast<char>(random() % 256));
    } else {
      mutated.insert(at, kHostilePieces[choice]);
    }
  }
  return mutated;
}

TEST_CASE("generated hostile inputs give a located error or a casefile that loads, in every importer") {
  std::mt19937 random(20261201);
  for (Importer importer : kImporters) {
    const std::string seed = importer == Importer::kProvJson ? kProvSeed : ValidInput(importer);
    size_t imported = 0;
    for (int round = 0; round < 400; ++round) {
      const std::string input = Mutate(seed, random);
      CAPTURE(input);
      const std::string problem = CheckImportRoundTrip(importer, input);
      CHECK_MESSAGE(problem.empty(), problem);
      imported += Import(importer, input).ok();
    }
    CAPTURE(static_cast<int>(importer));
    CHECK(imported > 20);  // the mutations leave many inputs importable, so both halves are tested
  }
}

TEST_CASE("every input the fuzzers found is replayed") {
  namespace fs = std::filesystem;
  const std::pair<std::string, Importer> targets[] = {{"emergent", Importer::kEmergent},
                                                      {"dafna", Importer::kDafna},
                                                      {"flights_csv", Importer::kFlightsCsv},
                                                      {"prov_json", Importer::kProvJson}};
  size_t replayed = 0;
  for (const auto& [name, importer] : targets) {
    const std::string directory = ProjectPath("tests/fuzz/regressions/" + name);
    if (!fs::exists(directory)) continue;
    for (const auto& entry : fs::directory_iterator(directory)) {
      CAPTURE(entry.path().string());
      const std::string problem = CheckImportRoundTrip(importer, ReadWholeFile(entry.path().string()));
      CHECK_MESSAGE(problem.empty(), problem);
      ++replayed;
    }
  }
  // The loader's findings: the loader fuzzer splits its input at NUL bytes into casefiles.
  for (const auto& entry : fs::directory_iterator(ProjectPath("tests/fuzz/regressions"))) {
    if (!entry.is_regular_file()) continue;
    CAPTURE(entry.path().string());
    const std::string input = ReadWholeFile(entry.path().string());
    std::vector<std::string_view> texts;
    std::vector<std::string> names;
    for (size_t start = 0; texts.size() < 3;) {
      const size_t end = texts.size() == 2 ? std::string::npos : input.find('\0', start);
      texts.push_back(std::string_view(input).substr(start, end == std::string::npos ? std::string::npos : end - start));
      names.push_back("case" + std::to_string(texts.size()) + ".json");
      if (end == std::string::npos) break;
      start = end + 1;
    }
    const LoadResult loaded = LoadCasefileTexts(names, texts);
    bool errors = false;
    for (const Diagnostic& diagnostic : loaded.diagnostics) errors |= diagnostic.severity == Severity::kError;
    CHECK(loaded.ok() == !errors);
    ++replayed;
  }
  CHECK(replayed >= 2);
}

}  // namespace
}  // namespace claimgraph::testing
