// Helpers shared by the tests: run the command line in-process, find project files,
// make scratch directories, and skip where ../shared/data is absent.
#ifndef CLAIMGRAPH_TESTS_TEST_SUPPORT_H_
#define CLAIMGRAPH_TESTS_TEST_SUPPORT_H_

#include <optional>
#include <string>
#include <vector>

namespace claimgraph::testing {

struct CommandOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `claimgraph ARGS...` in this process.
CommandOutput RunTool(const std::vector<std::string>& args);
// Runs a shell command line; captures standard output (and standard error if asked).
CommandOutput RunShell(const std::string& command_line);

// A path below the project root ("samples/thaad-drills/case.json").
std::string ProjectPath(const std::string& relative);
// ../shared/data/<relative> beside the project root, or nullopt (with a message that the
// caller should print via MESSAGE) when the data set is absent.
std::optional<std::string> SharedDataPath(const std::string& relative);

// A fresh empty directory under the system temporary directory, removed by the destructor.
class ScratchDirectory {
 public:
  ScratchDirectory();
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  // Writes a file into the directory and returns its path.
  std::string Write(const std::string& name, const std::string& content) const;
  // The names of the files in the directory, sorted.
  std::vector<std::string> List() const;

 private:
  std::string path_;
};

std::string ReadWholeFile(const std::string& path);

// The extraction tests' key for matching a speaker's name (docs/extraction.md, "Speakers"):
// ASCII letters case-folded, digits and apostrophes kept (a curly apostrophe made straight),
// every other character a word break, "the" and a final "'s" dropped, words joined by spaces.
// Written apart from the extractor's own entity merging, so the figures do not judge the
// extractor by itself.
std::string SpeakerNameKey(std::string name);

// The inputs a fuzz target once failed on, tests/fuzz/regressions/TARGET/*, in name order;
// empty when the folder is absent.
std::vector<std::string> RegressionInputs(const std::string& target);

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_TEST_SUPPORT_H_
