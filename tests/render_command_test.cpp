// `claimgraph render`: the command line, its errors, and atomic output.
#include <doctest/doctest.h>

#include "test_support.h"

namespace claimgraph {
namespace {

using testing::RunTool;

const std::string kSample = "samples/thaad-drills/case.json";

TEST_CASE("render writes the format its output's extension names") {
  testing::ScratchDirectory scratch;
  for (const char* name : {"graph.dot", "graph.svg", "graph.png", "graph.pdf"}) {
    testing::CommandOutput result = RunTool({"render", testing::ProjectPath(kSample), "-o", scratch.File(name)});
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.err == "");
  }
  CHECK(testing::ReadWholeFile(scratch.File("graph.dot")).rfind("digraph \"claimgraph\" {", 0) == 0);
  CHECK(testing::ReadWholeFile(scratch.File("graph.svg")).rfind("<?xml", 0) == 0);
  CHECK(testing::ReadWholeFile(scratch.File("graph.png")).rfind("\x89PNG", 0) == 0);
  CHECK(testing::ReadWholeFile(scratch.File("graph.pdf")).rfind("%PDF-", 0) == 0);
}

TEST_CASE("render --format overrides the extension, and '-' writes to standard output") {
  testing::CommandOutput result =
      RunTool({"render", testing::ProjectPath(kSample), "--focus", "drill-not-aimed-at-third-party",
               "--format", "dot", "-o", "-"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("id=\"drill-not-aimed-at-third-party\"") != std::string::npos);
}

TEST_CASE("render explains usage errors in full") {
  CHECK(RunTool({"render", "-o", "x.svg"}).err ==
        "claimgraph render: give at least one casefile (see 'claimgraph render --help')\n");
  CHECK(RunTool({"render", kSample}).err ==
        "claimgraph render: give the output file with -o OUT (see 'claimgraph render --help')\n");
  testing::CommandOutput gif = RunTool({"render", kSample, "-o", "x.gif"});
  CHECK(gif.exit_code == 2);
  CHECK(gif.err ==
        "claimgraph render: cannot tell the format of 'x.gif' from its name; end it in .dot, .svg, "
        ".png or .pdf, or give --format (see 'claimgraph render --help')\n");
  CHECK(RunTool({"render", kSample, "-o", "x.svg", "--group-by", "colour"}).err ==
        "claimgraph render: unknown --group-by 'colour'; use none, origin or publisher (see "
        "'claimgraph render --help')\n");
  CHECK(RunTool({"render", kSample, "-o", "x.svg", "--layout", "circo"}).err ==
        "claimgraph render: unknown --layout 'circo'; use auto, dot, neato or sfdp (see "
        "'claimgraph render --help')\n");
  CHECK(RunTool({"render", kSample, "-o", "x.svg", "--focus", "c1", "--depth", "two"}).err ==
        "claimgraph render: --depth must be a whole number, not 'two' (see 'claimgraph render "
        "--help')\n");
  CHECK(RunTool({"render", kSample, "-o", "x.svg", "--format", "gif"}).err ==
        "claimgraph render: unknown --format 'gif'; use dot, svg, png or pdf (see 'claimgraph "
        "render --help')\n");
}

TEST_CASE("a failed render leaves no output file behind") {
  testing::ScratchDirectory scratch;
  testing::CommandOutput result = RunTool({"render", testing::ProjectPath(kSample), "--focus",
                                           "no-such-claim", "-o", scratch.File("focus.svg")});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "claimgraph render: --focus 'no-such-claim' is not the id of a source, claim or entity in "
        "the casefiles\n");
  CHECK(scratch.List().empty());
}

}  // namespace
}  // namespace claimgraph
