// Where a command's result goes: standard output through one checked stream, or a file
// through WriteFileAtomically (claimgraph/files.h). Every command writes through here.
#ifndef CLAIMGRAPH_CLI_OUTPUT_H_
#define CLAIMGRAPH_CLI_OUTPUT_H_

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::cli {

// A stream buffer over a file descriptor that remembers the first failed write(2): an
// ostream over std::cout's buffer reports only "bad", and errno is gone by the time the
// caller looks. After a failure every further write is dropped, so a full disk costs
// one failed call, not one per line.
class CheckedDescriptorBuffer : public std::streambuf {
 public:
  explicit CheckedDescriptorBuffer(int descriptor);
  ~CheckedDescriptorBuffer() override;
  CheckedDescriptorBuffer(const CheckedDescriptorBuffer&) = delete;
  CheckedDescriptorBuffer& operator=(const CheckedDescriptorBuffer&) = delete;

  // errno of the first failed write, or 0.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type character) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  bool Drain();

  int descriptor_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// Flushes `out`; when standard output could not be written, says so on `err`
// ("claimgraph: error: cannot write standard output: No space left on device") and
// returns exit code 1; otherwise returns `exit_code`.
ExitCode FinishStandardOutput(std::ostream& out, const CheckedDescriptorBuffer& buffer,
                              std::ostream& err, ExitCode exit_code);

// Writes a command's `text` to `output`: "-" is `out`, anything else a file written by
// WriteFileAtomically. Reports a failure on `err` and returns the exit code.
ExitCode WriteOutput(const std::string& output, std::string_view text, std::ostream& out,
                     std::ostream& err);

// RefuseOutputThatIsAnInput, reported: true when the command may go on.
bool OutputIsNotAnInput(const std::string& output, const std::vector<std::string>& inputs,
                        std::ostream& err, ExitCode& exit_code);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_OUTPUT_H_
