// What a first-time user stumbles on: the vocabularies in --help, "did you mean" for an
// enumeration, the visual-language page, check's JSON on standard output, a format that
// contradicts the output's name, --depth without --focus, and a misspelt query.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kSample = "samples/thaad-drills/case.json";

const char* const kVocabularies =
    "Vocabularies (schemas/casefile.schema.json):\n"
    "  assertion \"stance\"   \"supports\", \"refutes\", \"reports\"\n"
    "  source \"kind\"        \"statement\", \"press release\", \"wire report\", \"news report\", "
    "\"social post\", \"other\"\n"
    "  entity \"type\"        \"organisation\", \"person\", \"state\", \"outlet\", \"place\", \"system\", "
    "\"other\"\n"
    "  citation \"kind\"      \"quotes\", \"derived from\", \"primary source\", \"links\"\n"
    "  verdict \"rating\"     \"true\", \"false\"\n";

TEST_CASE("check --help and stats --help list the vocabularies, exactly as the schema has them") {
  for (const char* command : {"check", "stats"}) {
    CAPTURE(command);
    const CommandOutput help = RunTool({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find(kVocabularies) != std::string::npos);
  }
  // The same values, in the same order, as the schema's enumerations.
  const std::string schema = ReadWholeFile(ProjectPath("schemas/casefile.schema.json"));
  for (const char* enumeration :
       {"\"enum\": [\"supports\", \"refutes\", \"reports\"]",
        "\"enum\": [\"statement\", \"press release\", \"wire report\", \"news report\", \"social post\", \"other\"]",
        "\"enum\": [\"organisation\", \"person\", \"state\", \"outlet\", \"place\", \"system\", \"other\"]",
        "\"enum\": [\"quotes\", \"derived from\", \"primary source\", \"links\"]",
        "\"enum\": [\"true\", \"false\"]"}) {
    CAPTURE(enumeration);
    CHECK(schema.find(enumeration) != std::string::npos);
  }
}

TEST_CASE("an enumeration value a little off gets a suggestion, and one far off gets none") {
  ScratchDirectory scratch;
  const auto check = [&](const std::string& field, const std::string& value) {
    const std::string casefile = scratch.Write(
        "case.json",
        "{\"claimgraph\": \"1.0\",\n"
        " \"sources\": [{\"id\": \"s1\", \"title\": \"T\", \"kind\": " +
            (field == "kind" ? "\"" + value + "\"" : std::string("\"other\"")) +
            "}],\n"
            " \"claims\": [{\"id\": \"c1\", \"text\": \"C\"}],\n"
            " \"assertions\": [{\"source\": \"s1\", \"claim\": \"c1\", \"stance\": " +
            (field == "stance" ? "\"" + value + "\"" : std::string("\"supports\"")) + "}]}\n");
    const CommandOutput result = RunTool({"check", "--no-warnings", casefile});
    CHECK(result.exit_code == 2);
    return result.err.substr(casefile.size());
  };
  CHECK(check("stance", "support") ==
        ":4:49: error: /assertions/0/stance: stance must be one of supports, refutes, reports, not "
        "\"support\"; did you mean \"supports\"?\n");
  CHECK(check("stance", "Refutes") ==
        ":4:49: error: /assertions/0/stance: stance must be one of supports, refutes, reports, not "
        "\"Refutes\"; did you mean \"refutes\"?\n");
  CHECK(check("stance", "agrees") ==
        ":4:49: error: /assertions/0/stance: stance must be one of supports, refutes, reports, not "
        "\"agrees\"\n");
  CHECK(check("kind", "news") ==
        ":2:41: error: /sources/0/kind: kind must be one of statement, press release, wire report, "
        "news report, social post, other, not \"news\"; did you mean \"news report\"?\n");
  CHECK(check("kind", "press-release") ==
        ":2:41: error: /sources/0/kind: kind must be one of statement, press release, wire report, "
        "news report, social post, other, not \"press-release\"; did you mean \"press release\"?\n");
}

TEST_CASE("render --help names docs/visual-language.md, and the page exists") {
  const CommandOutput help = RunTool({"render", "--help"});
  CHECK(help.out.find("docs/visual-language.md explains shapes, colours and lines.") != std::string::npos);
  CHECK(std::filesystem::is_regular_file(ProjectPath("docs/visual-language.md")));
}

TEST_CASE("check --format json writes a valid casefile's report to standard output too") {
  const CommandOutput result = RunTool({"check", "--format", "json", "--no-warnings", ProjectPath(kSample)});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == "{\"valid\":true,\"diagnostics\":[]}\n");
}

TEST_CASE("render refuses a --format that contradicts the output's extension, and writes nothing") {
  ScratchDirectory scratch;
  const CommandOutput result =
      RunTool({"render", ProjectPath(kSample), "-o", scratch.File("x.svg"), "--format", "png"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "claimgraph render: --format png does not match the output '" + scratch.File("x.svg") +
                          "', whose extension says svg; leave --format out or end the output in .png "
                          "(see 'claimgraph render --help')\n");
  CHECK(scratch.List().empty());
  // Agreeing, or an output whose name says nothing, is fine.
  CHECK(RunTool({"render", ProjectPath(kSample), "-o", scratch.File("x.svg"), "--format", "svg"}).exit_code == 0);
  CHECK(RunTool({"render", ProjectPath(kSample), "-o", scratch.File("graph"), "--format", "png"}).exit_code == 0);
  CHECK(ReadWholeFile(scratch.File("graph")).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("render --depth without --focus is a usage error") {
  ScratchDirectory scratch;
  const CommandOutput result = RunTool({"render", ProjectPath(kSample), "-o", scratch.File("x.svg"), "--depth", "3"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "claimgraph render: --depth needs --focus ID: it counts the steps from the focused node "
        "(see 'claimgraph render --help')\n");
  CHECK(scratch.List().empty());
}

TEST_CASE("an unknown query is named, with the closest query and the whole list") {
  const std::string list =
      "The queries are claims, first-appearance, origins, single-origin, self-reported, contested, "
      "source, publisher, answers, timeline (see 'claimgraph query --help')\n";
  CommandOutput result = RunTool({"query", ProjectPath(kSample), "nosuchquery"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "claimgraph query: unknown query 'nosuchquery'; " + list);
  result = RunTool({"query", ProjectPath(kSample), "orgins", "c1"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "claimgraph query: unknown query 'orgins'; did you mean 'origins'? " + list);
  result = RunTool({"query", ProjectPath(kSample), "first"});
  CHECK(result.err == "claimgraph query: unknown query 'first'; did you mean 'first-appearance'? " + list);
  // A casefile that does not exist is not taken for the query.
  result = RunTool({"query", "no-such-case.json", "contsted"});
  CHECK(result.err == "claimgraph query: unknown query 'contsted'; did you mean 'contested'? " + list);
  result = RunTool({"query", "no-such-case.json"});
  CHECK(result.err ==
        "claimgraph query: name a query after the casefiles: claims, first-appearance, origins, single-origin, "
        "self-reported, contested, source, publisher, answers, timeline (see 'claimgraph query --help')\n");
}

}  // namespace
}  // namespace claimgraph::testing
