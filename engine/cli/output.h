// Where a command's result goes: standard output through one checked stream, or a file
// through WriteFileAtomically (claimgraph/files.h). Every command writes through here.
#ifndef CLAIMGRAPH_CLI_OUTPUT_H_
#define CLAIMGRAPH_CLI_OUTPUT_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/files.h"
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

// One command's output, built in a buffer and handed on in blocks of about kBlockBytes: to
// `out` (the command line's checked standard output) for "-", else to an OutputFile
// (claimgraph/files.h), opened at the first block, that replaces the file only when Finish
// succeeds. Formatting appends rows to buffer() and calls FlushIfFull between batches, so
// that a million rows never sit in memory at once and are copied once.
class OutputWriter {
 public:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  OutputWriter(std::string output, std::ostream& out);
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  std::string& buffer() { return buffer_; }
  // Hands the buffer on once it holds a block or more.
  void FlushIfFull() {
    if (buffer_.size() >= kBlockBytes) Flush();
  }
  // Hands on the rest and, for a file, commits it. Reports the first failure on `err`
  // (the file's name and the reason) and returns its exit code; nothing half-written stays.
  ExitCode Finish(std::ostream& err);

 private:
  void Flush();

  std::string output_;
  std::ostream& out_;
  std::unique_ptr<OutputFile> file_;
  Status failure_ = Status::Ok();
  std::string buffer_;
};

// Appends `value` in the shortest form that reads back as the same double (std::to_chars),
// as JSON and CSV print numbers.
void AppendShortestDecimal(std::string& buffer, double value);
// Appends `value` in decimal (std::to_chars).
void AppendInteger(std::string& buffer, uint64_t value);

// RefuseOutputThatIsAnInput, reported: true when the command may go on.
bool OutputIsNotAnInput(const std::string& output, const std::vector<std::string>& inputs,
                        std::ostream& err, ExitCode& exit_code);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_OUTPUT_H_
