// PROV-JSON export and import, checked with a real PROV implementation (python3-prov via
// Debian's prov-tools): prov-convert must read every export and write PROV-N, and
// prov-compare must find export -> import -> export to be the same document.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "claimgraph/prov_import.h"
#include "export_test_tools.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::RunShell;
using testing::RunTool;
using testing::ScratchDirectory;
using testing::ShellQuote;

// Every kind of record and field, with the characters that break naive writers: quotes,
// backslashes, markup, control characters, non-ASCII text, and ids with '/', ':', '%', '.'.
CaseData HostileCase() {
  CaseData data;
  data.files = {"hostile.json"};
  data.title = "Title with \"quotes\", \\backslash, <tags> & \x01 control";
  data.review = {.author_name = "Desk <b>\"&", .author_url = "https://desk.example/?a=1&b=2",
                 .date_published = "2020-02-01"};
  data.entities = {{.id = "ent/ity:1%", .name = "Name \"quoted\"\nsecond line", .aliases = {"alias <1>", "\xCE\xA9"},
                    .type = EntityType::kPerson, .controlled_by = {1}, .url = "https://e.example/a?b=c&d"},
                   {.id = "state", .name = "State", .type = EntityType::kState},
                   {.id = "place", .name = "Place", .type = EntityType::kPlace}};
  data.sources = {{.id = "src#1?", .title = "Emoji \xF0\x9F\x98\x80, tab\t, unit separator \x1F",
                   .url = "https://a.example/x?y=1", .publisher = 0, .kind = SourceKind::kNewsReport,
                   .published = "2020-01-01T10:00:00+02:00", .language = "zh-Hans", .reliability = 0.3},
                  {.id = "s2", .title = "Second", .kind = SourceKind::kOther}};
  data.claims = {{.id = "claim.with.dots", .text = "Text with ]]> and </graphml> and ' and }", .about = {1, 2},
                  .excludes = {1}, .question = "q?", .value = "v&"},
                 {.id = "c2", .text = "Other", .excludes = {0}}};
  data.assertions = {{.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 0}, .stance = Stance::kRefutes,
                      .confidence = 0.25f, .quote = "\"Quote\" \\ end"},
                     {.source = 1, .claim = 1, .speaker = {NodeKind::kSource, 0}, .stance = Stance::kReports},
                     {.source = 1, .claim = 0, .stance = Stance::kSupports, .confidence = 0.9f}};
  data.citations = {{.from = 1, .to = 0, .kind = CitationKind::kPrimarySource},
                    {.from = 1, .to = 0, .kind = CitationKind::kLinks},
                    {.from = 0, .to = 1, .kind = CitationKind::kDerivedFrom}};
  data.verdicts = {{.claim = 1, .rating = Rating::kFalse, .by = "Desk", .date = "2020-01-05", .url = "https://v.example"}};
  return data;
}

bool IsValidUtf8Json(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  return !document.HasParseError();
}

TEST_CASE("local names percent-encode everything but letters, digits, '-' and '_', and decode back") {
  CHECK(ProvLocalName("tass-2017_12") == "tass-2017_12");
  CHECK(ProvLocalName("a/b:c.d%e") == "a%2Fb%3Ac%2Ed%25e");
  CHECK(ProvLocalName("\xCE\xA9") == "%CE%A9");
  CHECK(DecodeProvLocalName("a%2Fb%3Ac%2Ed%25e") == std::optional<std::string>("a/b:c.d%e"));
  CHECK_FALSE(DecodeProvLocalName("a%2").has_value());
  CHECK_FALSE(DecodeProvLocalName("a%zz").has_value());
}

TEST_CASE("every record and field survives export and import, hostile strings included") {
  const CaseData original = HostileCase();
  const std::string exported = ExportProvJson(ProvenanceGraph(original));
  CHECK(IsValidUtf8Json(exported));
  Result<ImportResult> imported = ImportProvJson("hostile.prov.json", exported);
  REQUIRE_MESSAGE(imported.ok(), imported.status().message());
  // The casefile writer prints every field in a fixed order: equal text, equal records.
  CHECK(CasefileText(imported->data) == CasefileText(original));
  CHECK(ExportProvJson(ProvenanceGraph(std::move(imported->data))) == exported);
}

TEST_CASE("bytes that are not UTF-8 are replaced, so the export stays valid JSON") {
  CaseData data = HostileCase();
  data.sources[1].title = "broken \xC3\x28 and \xED\xA0\x80 surrogate and \xFF";
  const std::string exported = ExportProvJson(ProvenanceGraph(std::move(data)));
  CHECK(IsValidUtf8Json(exported));
  CHECK(exported.find("broken \xEF\xBF\xBD( and \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate and \xEF\xBF\xBD") !=
        std::string::npos);
}

TEST_CASE("prov-convert reads the hostile export and writes PROV-N") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("hostile.prov.json", ExportProvJson(ProvenanceGraph(HostileCase())));
  testing::CommandOutput converted =
      RunShell("prov-convert -f provn " + ShellQuote(path) + " " + ShellQuote(scratch.File("out.provn")) + " 2>&1");
  REQUIRE_MESSAGE(converted.exit_code == 0, converted.out);
  const std::string provn = testing::ReadWholeFile(scratch.File("out.provn"));
  CHECK(provn.find("agent(id:ent%2Fity%3A1%25, [prov:type='prov:Person'") != std::string::npos);
  CHECK(provn.find("wasDerivedFrom(id:s2, id:src%231%3F, -, -, -, [prov:type='prov:PrimarySource', "
                   "cg:citationKind=\"primary source\"])") != std::string::npos);
}

TEST_CASE("the exercise case maps onto PROV as docs/exports.md describes") {
  ScratchDirectory scratch;
  const std::string out = scratch.File("exercise.prov.json");
  testing::CommandOutput exported =
      RunTool({"export", "prov-json", ProjectPath("tests/casefiles/workflow/exercise.json"), "-o", out});
  REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
  testing::CommandOutput converted = RunShell("prov-convert -f provn " + ShellQuote(out) + " - 2>&1");
  REQUIRE_MESSAGE(converted.exit_code == 0, converted.out);
  const std::string& provn = converted.out;
  for (const char* line : {
           "entity(id:wire-b-report, [prov:type='cg:Source', prov:label=\"Wire B on the exercise\", "
           "cg:kind=\"wire report\", cg:url=\"https://wire.example/1\" %% xsd:anyURI, "
           "cg:published=\"2020-01-02T08:00:00+00:00\" %% xsd:dateTime, cg:reliability=\"0.8\" %% xsd:float])",
           "entity(id:not-aimed, [prov:type='cg:Claim', prov:value=\"The exercise is not aimed at any third party\", "
           "cg:about='id:state-a'])",
           "agent(id:analyst, [prov:type='prov:Person', prov:label=\"Jane Analyst\", cg:entityType=\"person\"])",
           "agent(id:state-a, [prov:type='prov:Organization', prov:label=\"State A\", cg:entityType=\"state\"])",
           "wasAttributedTo(id:wire-b-report, id:wire-b)",
           "wasDerivedFrom(id:outlet-a-report, id:ministry-release, -, -, -, [prov:type='prov:Quotation', "
           "cg:citationKind=\"quotes\"])",
           "wasDerivedFrom(id:paper-c-report, id:wire-b-report, -, -, -, [cg:citationKind=\"derived from\"])",
           "wasDerivedFrom(id:not-aimed, id:outlet-a-report, -, -, -, [prov:type='cg:Assertion', "
           "cg:stance=\"supports\", cg:speaker='id:ministry-a', cg:quote=\"It is not aimed at anyone, the ministry "
           "said.\", cg:confidence=\"1\" %% xsd:float])",
           "wasDerivedFrom(id:threatens-neighbours, id:ministry-release, -, -, -, [prov:type='cg:Assertion', "
           "cg:stance=\"refutes\", cg:confidence=\"0.9\" %% xsd:float])",
           "actedOnBehalfOf(id:ministry-a, id:state-a, -, [prov:type='cg:ControlledBy'])",
           "entity(case:verdict-1, [prov:type='cg:Verdict', cg:claim='id:began-january', cg:rating=\"true\", "
           "cg:by=\"Example Desk\", cg:date=\"2020-02-01\", cg:url=\"https://desk.example/checks/began-january\" "
           "%% xsd:anyURI])"}) {
    CHECK_MESSAGE(provn.find(line) != std::string::npos, line);
  }
}

TEST_CASE("the sample case round-trips: export, import, export gives the same document") {
  ScratchDirectory scratch;
  const std::string first = scratch.File("first.prov.json");
  const std::string casefile = scratch.File("imported.json");
  const std::string second = scratch.File("second.prov.json");
  testing::CommandOutput run =
      RunTool({"export", "prov-json", ProjectPath("samples/thaad-drills/case.json"), "-o", first});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  run = RunTool({"import", "prov-json", first, "-o", casefile});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  run = RunTool({"export", "prov-json", casefile, "-o", second});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(testing::ReadWholeFile(first) == testing::ReadWholeFile(second));
  testing::CommandOutput compared =
      RunShell("prov-compare -f json -F json " + ShellQuote(first) + " " + ShellQuote(second) + " 2>&1");
  CHECK_MESSAGE(compared.exit_code == 0, compared.out);
  testing::CommandOutput converted = RunShell("prov-convert -f provn " + ShellQuote(first) + " - 2>&1");
  CHECK_MESSAGE(converted.exit_code == 0, converted.out);
  CHECK(converted.out.find("entity(id:drill-not-aimed-at-third-party, [prov:type='cg:Claim'") != std::string::npos);

  // prov-compare can tell documents apart, so the check above can fail.
  const std::string other = scratch.File("other.prov.json");
  run = RunTool({"export", "prov-json", ProjectPath("tests/casefiles/workflow/exercise.json"), "-o", other});
  REQUIRE(run.exit_code == 0);
  CHECK(RunShell("prov-compare -f json -F json " + ShellQuote(first) + " " + ShellQuote(other) + " >/dev/null 2>&1")
            .exit_code != 0);
}

// Replaces every occurrence of `from` in `text` by `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

TEST_CASE("a document rewritten by python-prov, with its record prefix renamed, reads back the same") {
  ScratchDirectory scratch;
  const std::string first = scratch.File("first.prov.json");
  const std::string rewritten = scratch.File("rewritten.prov.json");
  REQUIRE(RunTool({"export", "prov-json", ProjectPath("tests/casefiles/workflow/exercise.json"), "-o", first})
              .exit_code == 0);
  testing::CommandOutput converted =
      RunShell("prov-convert -f json " + ShellQuote(first) + " " + ShellQuote(rewritten) + " 2>&1");
  REQUIRE_MESSAGE(converted.exit_code == 0, converted.out);
  // python-prov writes one line, with its own blank-node names and date-time spelling.
  std::string text = testing::ReadWholeFile(rewritten);
  REQUIRE(text.find("\"id\": \"https://claimgraph.example/id/\"") != std::string::npos);
  text = ReplaceAll(ReplaceAll(text, "\"id\": \"https", "\"rec\": \"https"), "id:", "rec:");
  Result<ImportResult> imported = ImportProvJson("rewritten.prov.json", text);
  REQUIRE_MESSAGE(imported.ok(), imported.status().message());
  const std::string again = scratch.Write("again.prov.json", ExportProvJson(ProvenanceGraph(std::move(imported->data))));
  testing::CommandOutput compared =
      RunShell("prov-compare -f json -F json " + ShellQuote(first) + " " + ShellQuote(again) + " 2>&1");
  CHECK_MESSAGE(compared.exit_code == 0, compared.out);
}

TEST_CASE("import errors name the file, the JSON pointer and what is wrong") {
  auto message = [](const std::string& text) { return ImportProvJson("in.json", text).status().message(); };
  CHECK(message("{\"activity\": {}}") ==
        "in.json:1:2: error: /activity: claimgraph cannot import PROV 'activity' records: a casefile has no "
        "equivalent (it reads prefix, entity, agent, wasAttributedTo, wasDerivedFrom and actedOnBehalfOf)");
  CHECK(message("{\"entity\": {\n  \"x\": [1,}\n}") == "in.json:2:11: error: not valid JSON: Invalid value.");
  const std::string prefix = "{\"prefix\": {\"cg\": \"https://claimgraph.example/ns#\"}, ";
  CHECK(message(prefix + "\"entity\": {\"cg:s\": {\"prov:label\": \"S\"}, \"cg:c\": {\"prov:type\": "
                         "{\"$\": \"cg:Claim\", \"type\": \"prov:QUALIFIED_NAME\"}, \"prov:value\": \"C\"}}, "
                         "\"wasDerivedFrom\": {\"_:a/1\": {\"prov:generatedEntity\": \"cg:c\", \"prov:usedEntity\": "
                         "\"cg:s\", \"prov:type\": {\"$\": \"cg:Assertion\", \"type\": \"prov:QUALIFIED_NAME\"}}}}") ==
        "in.json:1:206: error: /wasDerivedFrom/_:a~11: a cg:Assertion needs cg:stance \"supports\", \"refutes\" or "
        "\"reports\"");
  CHECK(message(prefix + "\"entity\": {\"cg:s\": {\"prov:label\": \"S\"}}, \"wasAttributedTo\": {\"_:p\": "
                         "{\"prov:entity\": \"cg:s\", \"prov:agent\": \"cg:nobody\"}}}") ==
        "in.json:1:115: error: /wasAttributedTo/_:p: 'cg:nobody' is not a record of this document; expected an agent");
  CHECK(message(prefix + "\"entity\": {\"cg:s\": {}}}") ==
        "in.json:1:65: error: /entity/cg:s: a source needs prov:label, its title");
}

TEST_CASE("import writes nothing when the records do not form a valid casefile") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write(
      "spaced.prov.json",
      "{\"prefix\": {\"id\": \"https://claimgraph.example/id/\"}, \"entity\": {\"id:a%20b\": {\"prov:label\": \"A\"}}}");
  testing::CommandOutput run = RunTool({"import", "prov-json", input, "-o", scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "claimgraph import prov-json: " + input +
                       ": the records do not form a valid casefile; nothing was written:\n" + input +
                       ":1:65: error: /entity/id:a%20b: id: an id must not contain whitespace or control "
                       "characters: \"a b\"\n");
  CHECK(scratch.List() == std::vector<std::string>{"spaced.prov.json"});
}

}  // namespace
}  // namespace claimgraph
