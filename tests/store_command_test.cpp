// `claimgraph store ...` as people use it, in-process through cli::Run: a desk built from
// casefiles, refused bad input that leaves the store byte-identical, and the other commands
// reading the store in place of the casefile with byte-identical output.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kSample = "samples/thaad-drills/case.json";

// The history's clock, fixed for the test (SOURCE_DATE_EPOCH, reproducible-builds.org).
struct FixedClock {
  FixedClock() { ::setenv("SOURCE_DATE_EPOCH", "1796191262", 1); }  // 2026-12-02T06:01:02Z
  ~FixedClock() { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

struct Desk {
  ScratchDirectory scratch;
  std::string path = scratch.File("desk.db");
  Desk() {
    REQUIRE(RunTool({"store", "init", path}).exit_code == 0);
    const CommandOutput added = RunTool({"store", "add", path, ProjectPath(kSample), "--by", "ana"});
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  }
  std::string Export() const {
    const CommandOutput exported = RunTool({"store", "export", path, "-o", "-"});
    REQUIRE(exported.exit_code == 0);
    return exported.out;
  }
};

TEST_CASE("store command: init, add, export and history") {
  FixedClock clock;
  ScratchDirectory scratch;
  const std::string path = scratch.File("desk.db");
  const CommandOutput init = RunTool({"store", "init", path});
  CHECK(init.exit_code == 0);
  CHECK(init.out == path + ": a new, empty claimgraph store\n");
  const std::string entities = scratch.Write("entities.json", R"({"claimgraph": "1.0",
    "entities": [{"id": "ministry", "name": "Ministry", "type": "state"}],
    "sources": [{"id": "statement", "title": "Statement", "kind": "statement", "publisher": "ministry"}]})");
  const std::string claims = scratch.Write("claims.json", R"({"claimgraph": "1.0",
    "claims": [{"id": "drill", "text": "A drill took place"}],
    "assertions": [{"source": "statement", "claim": "drill", "stance": "supports"}]})");
  const CommandOutput first = RunTool({"store", "add", path, entities, "--by", "ana"});
  CHECK(first.exit_code == 0);
  CHECK(first.out == path + ": revision 1: added 2 records by ana\n");
  const CommandOutput second = RunTool({"store", "add", path, claims, "--by", "ben"});
  CHECK(second.exit_code == 0);
  CHECK(second.out == path + ": revision 2: added 2 records by ben\n");

  const CommandOutput history = RunTool({"store", "history", path});
  CHECK(history.exit_code == 0);
  CHECK(history.out ==
        "revision  time                  author  action  collection  id\n"
        "1         2026-12-02T06:01:02Z  ana     add     entities    ministry\n"
        "1         2026-12-02T06:01:02Z  ana     add     sources     statement\n"
        "2         2026-12-02T06:01:02Z  ben     add     claims      drill\n"
        "2         2026-12-02T06:01:02Z  ben     add     assertions  statement drill\n");
  const CommandOutput one = RunTool({"store", "history", path, "--record", "drill", "--format", "json"});
  CHECK(one.exit_code == 0);
  CHECK(one.out ==
        "[\n  {\n    \"revision\": 2,\n    \"time\": \"2026-12-02T06:01:02Z\",\n    \"author\": \"ben\",\n"
        "    \"action\": \"add\",\n    \"collection\": \"claims\",\n    \"id\": \"drill\",\n"
        "    \"before\": null,\n"
        "    \"after\": \"{\\\"id\\\": \\\"drill\\\", \\\"text\\\": \\\"A drill took place\\\"}\"\n  }\n]\n");

  const std::string exported = scratch.File("case.json");
  const CommandOutput written = RunTool({"store", "export", path, "-o", exported});
  CHECK(written.exit_code == 0);
  CHECK(ReadWholeFile(exported) ==
        "{\n  \"claimgraph\": \"1.0\",\n"
        "  \"entities\": [\n    {\"id\": \"ministry\", \"name\": \"Ministry\", \"type\": \"state\"}\n  ],\n"
        "  \"sources\": [\n    {\"id\": \"statement\", \"title\": \"Statement\", \"publisher\": \"ministry\", "
        "\"kind\": \"statement\"}\n  ],\n"
        "  \"claims\": [\n    {\"id\": \"drill\", \"text\": \"A drill took place\"}\n  ],\n"
        "  \"assertions\": [\n    {\"source\": \"statement\", \"claim\": \"drill\", \"stance\": \"supports\"}\n  ]\n}\n");
}

TEST_CASE("store command: the author defaults to $USER, else unknown") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("desk.db");
  REQUIRE(RunTool({"store", "init", path}).exit_code == 0);
  const char* saved = std::getenv("USER");
  const std::string user = saved != nullptr ? saved : "";
  ::setenv("USER", "dana", 1);
  const CommandOutput named = RunTool({"store", "add", path, scratch.Write("a.json", R"({"claimgraph": "1.0", "claims": [{"id": "a", "text": "A"}]})")});
  ::unsetenv("USER");
  const CommandOutput unnamed = RunTool({"store", "add", path, scratch.Write("b.json", R"({"claimgraph": "1.0", "claims": [{"id": "b", "text": "B"}]})")});
  if (saved != nullptr) ::setenv("USER", user.c_str(), 1);
  CHECK(named.out == path + ": revision 1: added 1 record by dana\n");
  CHECK(unnamed.out == path + ": revision 2: added 1 record by unknown\n");
}

TEST_CASE("store command: a hostile casefile is refused with every error located, and the store is unchanged") {
  Desk desk;
  const std::string before = desk.Export();
  const std::string hostile = desk.scratch.Write("hostile.json",
      "{\"claimgraph\": \"1.0\",\n"
      " \"sources\": [{\"id\": \"<script>\", \"title\": \"</script><b>x\", \"kind\": \"other\", \"url\": \"javascript:alert(1)\"},\n"
      "             {\"id\": \"s 2\", \"title\": \"t\", \"kind\": \"other\", \"publisher\": \"tass\"}],\n"
      " \"claims\": [{\"id\": \"c1\", \"text\": \"x\", \"excludes\": [\"c1\"], \"colour\": \"red\"}],\n"
      " \"assertions\": [{\"source\": \"<script>\", \"claim\": \"c1\", \"stance\": \"supports\", \"confidence\": 2}]}");
  const CommandOutput added = RunTool({"store", "add", desk.path, hostile});
  CHECK(added.exit_code == 2);
  CHECK(added.out == "");
  CHECK(added.err ==
        hostile + ":2:76: error: /sources/0/url: \"javascript:alert(1)\" is not an absolute http or https URL "
                  "(it must start with http:// or https://)\n" +
        hostile + ":3:15: error: /sources/1/id: an id must not contain whitespace or control characters: \"s 2\"\n" +
        hostile + ":4:59: error: /claims/0/colour: \"colour\" is not a field of a claim (its fields are id, text, "
                  "about, excludes, question, value)\n" +
        hostile + ":5:77: error: /assertions/0/confidence: confidence must be between 0 and 1, not 2\n"
                  "claimgraph store add: nothing was added; " + desk.path + " is still at revision 1\n");
  // The same loader and checks as `check` of the store and the file together.
  const CommandOutput checked = RunTool({"check", "--no-warnings", desk.path, hostile});
  CHECK(added.err.substr(0, added.err.rfind("claimgraph store add:")) == checked.err);
  CHECK(desk.Export() == before);

  // References resolve against the stored records: "tass" is a stored entity.
  const std::string fragment = desk.scratch.Write("fragment.json",
      "{\"claimgraph\": \"1.0\",\n \"sources\": [{\"id\": \"new-report\", \"title\": \"t\", \"kind\": \"other\", "
      "\"publisher\": \"tass\"}],\n \"citations\": [{\"from\": \"new-report\", \"to\": \"no-such-source\", \"kind\": \"quotes\"}]}");
  const CommandOutput unknown = RunTool({"store", "add", desk.path, fragment});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == fragment + ":3:39: error: /citations/0/to: unknown id \"no-such-source\": expected the id of a source\n"
                       "claimgraph store add: nothing was added; " + desk.path + " is still at revision 1\n");
  CHECK(desk.Export() == before);
}

TEST_CASE("store command: a bad second casefile leaves the store at its old revision, byte-identical") {
  Desk desk;
  const std::string before = desk.Export();
  const std::string good = desk.scratch.Write("good.json",
      R"({"claimgraph": "1.0", "claims": [{"id": "new-claim", "text": "New"}]})");
  const std::string bad = desk.scratch.Write("bad.json",
      "{\"claimgraph\": \"1.0\",\n \"assertions\": [{\"source\": \"tass-report-2016-first-drill\", \"claim\": \"new-claim\", \"stance\": \"maybe\"}]}");
  const CommandOutput added = RunTool({"store", "add", desk.path, good, bad});
  CHECK(added.exit_code == 2);
  CHECK(added.err == bad + ":2:82: error: /assertions/0/stance: stance must be one of supports, refutes, reports, not \"maybe\"\n"
                           "claimgraph store add: nothing was added; " + desk.path + " is still at revision 1\n");
  CHECK(desk.Export() == before);
  const CommandOutput history = RunTool({"store", "history", desk.path, "--record", "new-claim"});
  CHECK(history.out == "revision  time  author  action  collection  id\n(no rows)\n");
  // The two together, good second, are one revision.
  const std::string fixed = desk.scratch.Write("fixed.json",
      R"({"claimgraph": "1.0", "assertions": [{"source": "tass-report-2016-first-drill", "claim": "new-claim", "stance": "reports"}]})");
  const CommandOutput both = RunTool({"store", "add", desk.path, good, fixed, "--by", "ben"});
  CHECK(both.exit_code == 0);
  CHECK(both.out == desk.path + ": revision 2: added 2 records by ben\n");
}

TEST_CASE("store command: store files that are a directory, a FIFO, read-only or missing") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write("c.json", R"({"claimgraph": "1.0", "claims": [{"id": "a", "text": "A"}]})");
  ::mkdir(scratch.File("folder.db").c_str(), 0700);
  REQUIRE(::mkfifo(scratch.File("fifo.db").c_str(), 0600) == 0);
  const std::string folder = scratch.File("folder.db"), fifo = scratch.File("fifo.db");
  CommandOutput result = RunTool({"store", "add", folder, casefile});
  CHECK(result.exit_code == 2);
  CHECK(result.err == folder + ": error: is a directory, not a claimgraph store\n");
  result = RunTool({"store", "history", fifo});
  CHECK(result.exit_code == 2);
  CHECK(result.err == fifo + ": error: is not a regular file, so not a claimgraph store\n");
  result = RunTool({"store", "init", folder});
  CHECK(result.exit_code == 2);
  CHECK(result.err == folder + ": error: already exists; 'store init' makes a new store\n");
  result = RunTool({"store", "export", scratch.File("missing.db"), "-o", "-"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == scratch.File("missing.db") + ": error: cannot open the store: No such file or directory\n");
  result = RunTool({"store", "add", casefile, casefile});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "claimgraph store add: " + casefile + " is the store; name casefiles to add to it\n");

  const std::string path = scratch.File("desk.db");
  REQUIRE(RunTool({"store", "init", path}).exit_code == 0);
  REQUIRE(RunTool({"store", "add", path, casefile}).exit_code == 0);
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  result = RunTool({"stats", path});
  CHECK(result.exit_code == 0);  // reading needs no write permission
  result = RunTool({"store", "export", path, "-o", path});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "claimgraph: error: output '" + path + "' is the input '" + path + "'; nothing was written\n");
}

TEST_CASE("store command: usage errors name what is wrong") {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"store"}, "claimgraph store: name a subcommand: init, add, export or history (see 'claimgraph store --help')\n"},
      {{"store", "drop", "x.db"}, "claimgraph store: unknown subcommand 'drop' (expected init, add, export or history) (see 'claimgraph store --help')\n"},
      {{"store", "init"}, "claimgraph store: name the store file after 'init' (see 'claimgraph store --help')\n"},
      {{"store", "add", "x.db"}, "claimgraph store: name the casefiles to add after the store (see 'claimgraph store --help')\n"},
      {{"store", "export", "x.db"}, "claimgraph store: say where to write the casefile with -o OUT ('-' for standard output) (see 'claimgraph store --help')\n"},
      {{"store", "history", "x.db", "--by", "ana"}, "claimgraph store: --by applies to 'store add' only (see 'claimgraph store --help')\n"},
      {{"store", "history", "x.db", "--format", "csv"}, "claimgraph store: --format must be table or json, not 'csv' (see 'claimgraph store --help')\n"},
      {{"store", "init", "x.db", "y.db"}, "claimgraph store: 'store init' takes one store file; unexpected 'y.db' (see 'claimgraph store --help')\n"},
  };
  for (const auto& [args, message] : cases) {
    const CommandOutput result = RunTool(args);
    CHECK(result.exit_code == 2);
    CHECK(result.err == message);
  }
}

TEST_CASE("store command: score, stats, query, explain, render and export read a store as the casefile") {
  Desk desk;
  const std::string sample = ProjectPath(kSample);
  const std::vector<std::vector<std::string>> commands = {
      {"score"},
      {"score", "--format", "json"},
      {"stats"},
      {"query", "claims"},
      {"query", "origins", "drill-not-aimed-at-third-party"},
      {"explain", "drill-not-aimed-at-third-party"},
      {"render", "--focus", "drill-not-aimed-at-third-party", "--format", "dot", "-o", "-"},
      {"export", "prov-json", "-o", "-"},
  };
  for (const std::vector<std::string>& command : commands) {
    CAPTURE(command[0]);
    // The input goes where the command takes it (after the format word for export).
    auto with = [&](const std::string& input) {
      std::vector<std::string> args = command;
      const size_t at = command[0] == "export" ? 2 : 1;
      args.insert(args.begin() + static_cast<long>(at), input);
      return RunTool(args);
    };
    const CommandOutput from_store = with(desk.path);
    const CommandOutput from_casefile = with(sample);
    CHECK(from_store.exit_code == 0);
    CHECK(from_casefile.exit_code == 0);
    CHECK(!from_store.out.empty());
    CHECK(from_store.out == from_casefile.out);
  }
  // Exported twice: byte-identical, and it loads back to the same graph as the sample.
  const std::string first = desk.Export();
  CHECK(first == desk.Export());
  const std::string exported = desk.scratch.Write("exported.json", first);
  CHECK(RunTool({"score", exported}).out == RunTool({"score", sample}).out);
  CHECK(RunTool({"check", exported}).out == "1 casefile valid: 18 sources, 20 claims, 22 entities, 54 assertions, "
                                            "15 citations, 0 verdicts\n");
}

TEST_CASE("store command: a casefile checked together with a store is located in the store's export") {
  Desk desk;
  const std::string duplicate = desk.scratch.Write("dup.json",
      R"({"claimgraph": "1.0", "claims": [{"id": "drill-not-aimed-at-third-party", "text": "x"}]})");
  const CommandOutput checked = RunTool({"check", "--no-warnings", desk.path, duplicate});
  CHECK(checked.exit_code == 2);
  CHECK(checked.err == duplicate + ":1:35: error: /claims/0/id: duplicate id \"drill-not-aimed-at-third-party\": "
                                   "already used by a claim at " + desk.path + ":50:6 (/claims/0/id)\n");
  const CommandOutput missing = RunTool({"score", desk.scratch.File("none.db"), desk.path});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == desk.scratch.File("none.db") + ": error: cannot open: No such file or directory\n");
}

}  // namespace
}  // namespace claimgraph::testing
