// Reading whole files, and writing outputs so that nothing is destroyed: a failure never
// leaves a half-written output behind, a special file is never replaced by a regular one,
// and an output that is one of the inputs is refused before anything is written.
#ifndef CLAIMGRAPH_FILES_H_
#define CLAIMGRAPH_FILES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph {

// The whole file, or an error naming the file and the reason ("cannot open: No such file
// or directory").
Result<std::string> ReadFile(const std::string& path);

// Writes `bytes` to the output `path`:
// - a regular file, or a path that names nothing yet, is written to `.NAME.claimgraph-tmp`
//   in the same directory and renamed over NAME; an old file's permission bits are kept, a
//   new file gets 0666 & ~umask; a temporary file left by a killed run is replaced;
// - a symbolic link is followed (up to 40 links, a dangling one too) and its final target
//   written that way: the link stays a link;
// - anything else (a device such as /dev/null, a FIFO) is opened and written in place,
//   never unlinked or replaced; a directory is an error.
// While the temporary file exists, SIGINT, SIGTERM and SIGHUP remove it and then end the
// process as they would have (a signal the process ignores stays ignored).
// Errors: "PATH: error: cannot create a temporary file in DIR: Permission denied",
// "PATH: error: cannot write: No space left on device", "PATH: error: is a directory",
// "claimgraph: error: the output file name is empty".
// The path "-" writes to std::cout and flushes it ("cannot write standard output: ...");
// the command line passes its own checked stream instead (cli/output.h).
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// The same output written in pieces, for a command that streams its result in blocks:
// Open, Write as often as needed, then Commit (which fsyncs and renames). Until Commit
// succeeds an old file is untouched; destroyed uncommitted, or after any failed call, the
// temporary file is removed. The errors are WriteFileAtomically's. One open at a time per
// process (a second Open waits for the first to be destroyed).
// REQUIRES: path is not "-" (standard output goes through the command line's stream).
class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path);
  Status Write(std::string_view bytes);
  Status Commit();
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

 private:
  struct State;
  explicit OutputFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Fails, before anything is written, when `output` names the same file (device and inode,
// through any path, symbolic or hard link) as one of `inputs`:
// "claimgraph: error: output 'OUT' is the input 'IN'; nothing was written" (exit 2).
// For "-", standard output is compared when it is a regular file ("score in.json >> in.json":
// "standard output is the input 'in.json'"). An output that does not exist yet, and inputs
// that cannot be examined, pass; an empty output name fails as WriteFileAtomically would.
Status RefuseOutputThatIsAnInput(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_FILES_H_
