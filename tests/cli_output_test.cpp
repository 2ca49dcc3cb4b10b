// Every command's output: standard output checked to the end (a full disk is exit 1 with
// the reason), an output that is one of the inputs refused before anything is written, and
// special files, links and modes left as they were.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kSample = "samples/thaad-drills/case.json";
const std::string kClaim = "drill-not-aimed-at-third-party";

struct stat Lstat(const std::string& path) {
  struct stat information {};
  REQUIRE(::lstat(path.c_str(), &information) == 0);
  return information;
}

// The shell words of `claimgraph ARGS...`, each single-quoted.
std::string Binary(const std::vector<std::string>& args) {
  std::string line = CLAIMGRAPH_BINARY;
  for (const std::string& arg : args) line += " '" + arg + "'";
  return line;
}

TEST_CASE("every command that writes to a full standard output says so and exits 1") {
  const std::string sample = ProjectPath(kSample);
  ScratchDirectory scratch;
  const std::string exported = scratch.File("export.json");
  REQUIRE(RunTool({"export", "prov-json", sample, "-o", exported}).exit_code == 0);
  const std::vector<std::vector<std::string>> commands = {
      {"score", sample},
      {"score", sample, "-o", "-", "--format", "json"},
      {"explain", sample, kClaim},
      {"stats", sample},
      {"check", sample},
      {"check", "--format", "json", sample},
      {"query", sample, "claims"},
      {"render", sample, "--format", "dot", "-o", "-"},
      {"render", sample, "--format", "svg", "-o", "-"},
      {"export", "graphml", sample, "-o", "-"},
      {"import", "prov-json", exported, "-o", "-"},
      {"--help"},
  };
  for (const std::vector<std::string>& command : commands) {
    CAPTURE(command.front());
    CAPTURE(command.back());
    // Standard error to the pipe read here, then standard output to the full device.
    const CommandOutput result = RunShell(Binary(command) + " 2>&1 >/dev/full");
    CHECK(result.exit_code == 1);
    CHECK(result.out == "claimgraph: error: cannot write standard output: No space left on device\n");
  }
}

TEST_CASE("standard output that can be written is exit 0 with the bytes") {
  const CommandOutput result = RunShell(Binary({"score", ProjectPath(kSample), "--format", "csv"}) + " 2>&1");
  CHECK(result.exit_code == 0);
  CHECK(result.out == RunTool({"score", ProjectPath(kSample), "--format", "csv"}).out);
}

// The commands with inputs and -o, with `output` in place of OUT.
std::vector<std::vector<std::string>> CommandsWriting(const std::string& casefile, const std::string& prov,
                                                      const std::string& csv, const std::string& output) {
  return {
      {"score", casefile, "-o", output},
      {"explain", casefile, kClaim, "-o", output},
      {"export", "prov-json", casefile, "-o", output},
      {"export", "gexf", casefile, "-o", output},
      {"render", casefile, "--format", "dot", "-o", output},
      {"report", casefile, "-o", output},
      {"import", "prov-json", prov, "-o", output},
      {"import", "emergent", csv, "-o", output},
  };
}

TEST_CASE("an output that is one of the inputs is refused through any name, and the file is untouched") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write("case.json", ReadWholeFile(ProjectPath(kSample)));
  const std::string prov = scratch.File("case.prov.json");
  REQUIRE(RunTool({"export", "prov-json", casefile, "-o", prov}).exit_code == 0);
  const std::string csv = scratch.Write(
      "e.csv",
      "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth,"
      "claimCount,articleCount,sourceCount\n"
      "Cat elected mayor,Cat wins,for,a1,c1,http://x.com/1,x.com,true,1,1,1\n");
  for (const std::string& input : {casefile, prov, csv}) REQUIRE(::chmod(input.c_str(), 0640) == 0);
  REQUIRE(::symlink("case.json", scratch.File("case-link.json").c_str()) == 0);
  REQUIRE(::link(casefile.c_str(), scratch.File("case-hard.json").c_str()) == 0);
  REQUIRE(::symlink("case.prov.json", scratch.File("prov-link.json").c_str()) == 0);
  REQUIRE(::link(csv.c_str(), scratch.File("e-hard.csv").c_str()) == 0);
  const std::vector<std::string> listing = scratch.List();
  const std::vector<std::string> before = {ReadWholeFile(casefile), ReadWholeFile(prov), ReadWholeFile(csv)};
  const std::vector<struct stat> stats_before = {Lstat(casefile), Lstat(prov), Lstat(csv)};

  for (const std::string& output : {casefile, scratch.File("case-link.json"), scratch.File("case-hard.json")}) {
    for (const std::vector<std::string>& command : CommandsWriting(casefile, prov, csv, output)) {
      if (command.front() == "import") continue;  // their input is not the casefile
      CAPTURE(command.front());
      CAPTURE(output);
      const CommandOutput result = RunTool(command);
      CHECK(result.exit_code == 2);
      CHECK(result.out.empty());
      CHECK(result.err == "claimgraph: error: output '" + output + "' is the input '" + casefile +
                              "'; nothing was written\n");
    }
  }
  struct Import {
    std::string output, input, format;
  };
  for (const Import& import : {Import{prov, prov, "prov-json"}, Import{scratch.File("prov-link.json"), prov, "prov-json"},
                               Import{csv, csv, "emergent"}, Import{scratch.File("e-hard.csv"), csv, "emergent"}}) {
    CAPTURE(import.output);
    const CommandOutput result = RunTool({"import", import.format, import.input, "-o", import.output});
    CHECK(result.exit_code == 2);
    CHECK(result.err == "claimgraph: error: output '" + import.output + "' is the input '" + import.input +
                            "'; nothing was written\n");
  }
  CHECK(scratch.List() == listing);
  const std::vector<std::string> inputs = {casefile, prov, csv};
  for (size_t i = 0; i < inputs.size(); ++i) {
    CAPTURE(inputs[i]);
    CHECK(ReadWholeFile(inputs[i]) == before[i]);
    const struct stat after = Lstat(inputs[i]);
    CHECK(after.st_ino == stats_before[i].st_ino);
    CHECK(after.st_mode == stats_before[i].st_mode);
    CHECK(after.st_size == stats_before[i].st_size);
    CHECK(after.st_mtim.tv_sec == stats_before[i].st_mtim.tv_sec);
    CHECK(after.st_mtim.tv_nsec == stats_before[i].st_mtim.tv_nsec);
  }
}

TEST_CASE("standard output appended to an input is refused, and the input is untouched") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write("case.json", ReadWholeFile(ProjectPath(kSample)));
  const std::string before = ReadWholeFile(casefile);
  const CommandOutput result = RunShell(Binary({"score", casefile}) + " 2>&1 >>'" + casefile + "'");
  CHECK(result.exit_code == 2);
  CHECK(result.out == "claimgraph: error: standard output is the input '" + casefile + "'; nothing was written\n");
  CHECK(ReadWholeFile(casefile) == before);
}

TEST_CASE("every command writing to /dev/null leaves it a character device") {
  const std::string sample = ProjectPath(kSample);
  ScratchDirectory scratch;
  const std::string prov = scratch.File("case.prov.json");
  REQUIRE(RunTool({"export", "prov-json", sample, "-o", prov}).exit_code == 0);
  const std::string csv = scratch.Write(
      "e.csv",
      "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth,"
      "claimCount,articleCount,sourceCount\n"
      "Cat elected mayor,Cat wins,for,a1,c1,http://x.com/1,x.com,true,1,1,1\n");
  const struct stat before = Lstat("/dev/null");
  for (const std::vector<std::string>& command : CommandsWriting(sample, prov, csv, "/dev/null")) {
    CAPTURE(command.front());
    const CommandOutput result = RunTool(command);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    const struct stat after = Lstat("/dev/null");
    CHECK(S_ISCHR(after.st_mode));
    CHECK(after.st_rdev == before.st_rdev);
    CHECK(after.st_ino == before.st_ino);
  }
}

TEST_CASE("every command replacing a file keeps its mode, and through a link keeps the link") {
  const std::string sample = ProjectPath(kSample);
  ScratchDirectory scratch;
  const std::string prov = scratch.File("case.prov.json");
  REQUIRE(RunTool({"export", "prov-json", sample, "-o", prov}).exit_code == 0);
  const std::string csv = scratch.Write(
      "e.csv",
      "claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId,url,source,claimTruth,"
      "claimCount,articleCount,sourceCount\n"
      "Cat elected mayor,Cat wins,for,a1,c1,http://x.com/1,x.com,true,1,1,1\n");
  const std::string target = scratch.File("target.out");
  const std::string link = scratch.File("link.out");
  REQUIRE(::symlink("target.out", link.c_str()) == 0);
  for (const std::vector<std::string>& command : CommandsWriting(sample, prov, csv, link)) {
    CAPTURE(command.front());
    scratch.Write("target.out", "old");
    REQUIRE(::chmod(target.c_str(), 0640) == 0);
    const CommandOutput result = RunTool(command);
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(S_ISLNK(Lstat(link).st_mode));
    CHECK((Lstat(target).st_mode & 07777) == 0640);
    CHECK(ReadWholeFile(target) != "old");
    CHECK(ReadWholeFile(target).size() > 10);
  }
  CHECK(scratch.List() == std::vector<std::string>{"case.prov.json", "e.csv", "link.out", "target.out"});
}

TEST_CASE("an output in a directory that does not exist names the directory, exit 2") {
  ScratchDirectory scratch;
  const std::string output = scratch.File("missing/scores.json");
  const CommandOutput result = RunTool({"score", ProjectPath(kSample), "-o", output});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == output + ": error: cannot create a temporary file in " + scratch.File("missing") +
                          ": No such file or directory\n");
  CHECK(scratch.List().empty());
}

}  // namespace
}  // namespace claimgraph::testing
