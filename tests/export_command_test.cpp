// The export and import prov-json commands: usage errors in full, and byte-identical output
// on every run.
#include <doctest/doctest.h>

#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ProjectPath;
using testing::RunTool;
using testing::ScratchDirectory;

const std::string kHelp = " (see 'claimgraph export --help')\n";

TEST_CASE("export names the format, file or output it is missing") {
  const std::string casefile = ProjectPath("tests/casefiles/workflow/exercise.json");
  testing::CommandOutput run = RunTool({"export"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "claimgraph export: name a format: prov-json, claimreview, graphml or gexf" + kHelp);
  run = RunTool({"export", "xml", casefile, "-o", "x"});
  CHECK(run.err == "claimgraph export: unknown format 'xml' (use prov-json, claimreview, graphml or gexf)" + kHelp);
  run = RunTool({"export", "graphml", "-o", "x"});
  CHECK(run.err == "claimgraph export: give at least one casefile" + kHelp);
  run = RunTool({"export", "graphml", casefile});
  CHECK(run.err == "claimgraph export: say where to write with -o OUT ('-' for standard output)" + kHelp);
  run = RunTool({"export", "graphml", casefile, "--review-url", "https://x.example", "-o", "x"});
  CHECK(run.err == "claimgraph export: --review-url applies to claimreview only" + kHelp);
  run = RunTool({"import", "prov-json", "-o", "x"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "claimgraph import prov-json: give exactly one PROV-JSON file (see 'claimgraph import "
                   "prov-json --help')\n");
}

TEST_CASE("export reports a casefile that does not load, and writes nothing") {
  ScratchDirectory scratch;
  const std::string broken = scratch.Write("broken.json", "{\"claimgraph\": \"1.0\",");
  testing::CommandOutput run = RunTool({"export", "prov-json", broken, "-o", scratch.File("out.json")});
  CHECK(run.exit_code == 2);
  CHECK(run.err.rfind(broken + ":", 0) == 0);
  CHECK(scratch.List() == std::vector<std::string>{"broken.json"});
}

TEST_CASE("every export format gives byte-identical output on every run") {
  ScratchDirectory scratch;
  const std::string sample = ProjectPath("samples/thaad-drills/case.json");
  for (const std::string format : {"prov-json", "claimreview", "graphml", "gexf"}) {
    CAPTURE(format);
    std::vector<std::string> texts;
    for (int run = 0; run < 2; ++run) {
      const std::string out = scratch.File(format + std::to_string(run));
      std::vector<std::string> args = {"export", format, sample, "-o", out};
      if (format == "claimreview") args.insert(args.end(), {"--review-url", "https://example.org/r"});
      testing::CommandOutput result = RunTool(args);
      REQUIRE_MESSAGE(result.exit_code == 0, result.err);
      texts.push_back(testing::ReadWholeFile(out));
    }
    CHECK_FALSE(texts[0].empty());
    CHECK(texts[0] == texts[1]);
  }
}

}  // namespace
}  // namespace claimgraph
