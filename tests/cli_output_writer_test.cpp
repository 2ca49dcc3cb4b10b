// OutputFile, the streaming form of WriteFileAtomically, and the command line's OutputWriter
// over it: the old file stays whole until Commit, an abandoned write leaves nothing, and
// blocks arrive in order.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/files.h"
#include "cli/output.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ReadWholeFile;
using testing::ScratchDirectory;

TEST_CASE("an output file written in pieces replaces the old one only when committed") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("out.csv", "old bytes");
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Open(path);
  REQUIRE(file.ok());
  REQUIRE(file.value()->Write("first,").ok());
  REQUIRE(file.value()->Write("second\n").ok());
  CHECK(ReadWholeFile(path) == "old bytes");  // not yet: readers see the old file whole
  CHECK(scratch.List() == std::vector<std::string>{".out.csv.claimgraph-tmp", "out.csv"});
  REQUIRE(file.value()->Commit().ok());
  CHECK(ReadWholeFile(path) == "first,second\n");
  CHECK(scratch.List() == std::vector<std::string>{"out.csv"});
}

TEST_CASE("an output file destroyed before Commit leaves the old file and no temporary file") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("out.csv", "old bytes");
  {
    Result<std::unique_ptr<OutputFile>> file = OutputFile::Open(path);
    REQUIRE(file.ok());
    REQUIRE(file.value()->Write("half a resu").ok());
  }
  CHECK(ReadWholeFile(path) == "old bytes");
  CHECK(scratch.List() == std::vector<std::string>{"out.csv"});
}

TEST_CASE("an output file refuses a directory and a missing directory with WriteFileAtomically's words") {
  ScratchDirectory scratch;
  Result<std::unique_ptr<OutputFile>> directory = OutputFile::Open(scratch.path());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() == scratch.path() + ": error: is a directory");
  const std::string missing = scratch.File("no-such-folder/out.csv");
  Result<std::unique_ptr<OutputFile>> nowhere = OutputFile::Open(missing);
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.status().message() == missing + ": error: cannot create a temporary file in " +
                                          scratch.File("no-such-folder") + ": No such file or directory");
  CHECK(nowhere.status().code() == ExitCode::kInvalidInput);
}

TEST_CASE("the output writer hands on blocks in order, to a file or to the stream") {
  ScratchDirectory scratch;
  std::string expected;
  for (int row = 0; row < 100000; ++row) expected += "row " + std::to_string(row) + "\n";  // several blocks
  for (const std::string& output : {scratch.File("rows.txt"), std::string("-")}) {
    std::ostringstream out, err;
    cli::OutputWriter writer(output, out);
    for (int row = 0; row < 100000; ++row) {
      writer.buffer() += "row " + std::to_string(row) + "\n";
      writer.FlushIfFull();
      CHECK(writer.buffer().size() < cli::OutputWriter::kBlockBytes + 16);
    }
    CHECK(writer.Finish(err) == ExitCode::kOk);
    CHECK(err.str().empty());
    CHECK((output == "-" ? out.str() : ReadWholeFile(output)) == expected);
  }
}

TEST_CASE("the output writer reports a file it cannot create, and an empty result still replaces the file") {
  ScratchDirectory scratch;
  const std::string missing = scratch.File("no-such-folder/out.txt");
  std::ostringstream out, err;
  cli::OutputWriter writer(missing, out);
  writer.buffer() += "text";
  CHECK(writer.Finish(err) == ExitCode::kInvalidInput);
  CHECK(err.str() == missing + ": error: cannot create a temporary file in " + scratch.File("no-such-folder") +
                         ": No such file or directory\n");
  const std::string path = scratch.Write("empty.txt", "old");
  cli::OutputWriter empty(path, out);
  CHECK(empty.Finish(err) == ExitCode::kOk);
  CHECK(ReadWholeFile(path).empty());
}

TEST_CASE("numbers are appended in to_chars' shortest round-trip form") {
  std::string buffer;
  cli::AppendShortestDecimal(buffer, 0.1);
  buffer += ' ';
  cli::AppendShortestDecimal(buffer, 1.0);
  buffer += ' ';
  cli::AppendShortestDecimal(buffer, 0.5963631973748572);
  buffer += ' ';
  cli::AppendShortestDecimal(buffer, 1e-300);
  buffer += ' ';
  cli::AppendInteger(buffer, 18446744073709551615ULL);
  CHECK(buffer == "0.1 1 0.5963631973748572 1e-300 18446744073709551615");
}

}  // namespace
}  // namespace claimgraph
