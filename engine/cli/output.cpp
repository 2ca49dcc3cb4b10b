#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstring>

#include "claimgraph/files.h"
#include "cli/arguments.h"

namespace claimgraph::cli {

CheckedDescriptorBuffer::CheckedDescriptorBuffer(int descriptor) : descriptor_(descriptor) {
  setp(buffer_, buffer_ + sizeof buffer_);
}

CheckedDescriptorBuffer::~CheckedDescriptorBuffer() { Drain(); }

bool CheckedDescriptorBuffer::Drain() {
  const char* next = pbase();
  const char* end = pptr();
  while (next < end && error_ == 0) {
    const ssize_t written = ::write(descriptor_, next, static_cast<size_t>(end - next));
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      error_ = written < 0 ? errno : EIO;
      break;
    }
    next += written;
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_ == 0;
}

CheckedDescriptorBuffer::int_type CheckedDescriptorBuffer::overflow(int_type character) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(character, traits_type::eof())) return traits_type::not_eof(character);
  *pptr() = traits_type::to_char_type(character);
  pbump(1);
  return character;
}

std::streamsize CheckedDescriptorBuffer::xsputn(const char* text, std::streamsize count) {
  if (error_ != 0) return 0;
  std::streamsize done = 0;
  while (done < count) {
    if (pptr() == epptr() && !Drain()) return done;
    const std::streamsize room = epptr() - pptr();
    const std::streamsize step = std::min(room, count - done);
    std::memcpy(pptr(), text + done, static_cast<size_t>(step));
    pbump(static_cast<int>(step));
    done += step;
  }
  return done;
}

int CheckedDescriptorBuffer::sync() { return Drain() ? 0 : -1; }

ExitCode FinishStandardOutput(std::ostream& out, const CheckedDescriptorBuffer& buffer,
                              std::ostream& err, ExitCode exit_code) {
  out.flush();
  if (buffer.error() == 0) return exit_code;
  err << "claimgraph: error: cannot write standard output: " << std::strerror(buffer.error()) << "\n";
  return ExitCode::kInternalError;
}

ExitCode WriteOutput(const std::string& output, std::string_view text, std::ostream& out,
                     std::ostream& err) {
  if (output == "-") {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return ExitCode::kOk;  // a failure is reported once, when the command ends
  }
  return Report(WriteFileAtomically(output, text), err);
}

OutputWriter::OutputWriter(std::string output, std::ostream& out) : output_(std::move(output)), out_(out) {
  buffer_.reserve(kBlockBytes + kBlockBytes / 4);
}

void OutputWriter::Flush() {
  if (!failure_.ok() || buffer_.empty()) {
    buffer_.clear();
    return;
  }
  if (output_ == "-") {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));  // checked at the end
  } else {
    if (file_ == nullptr) {
      Result<std::unique_ptr<OutputFile>> opened = OutputFile::Open(output_);
      if (!opened.ok()) {
        failure_ = opened.status();
        buffer_.clear();
        return;
      }
      file_ = std::move(opened.value());
    }
    failure_ = file_->Write(buffer_);
  }
  buffer_.clear();
}

ExitCode OutputWriter::Finish(std::ostream& err) {
  if (output_ != "-" && file_ == nullptr && failure_.ok()) {
    // An empty result still replaces the file, as WriteFileAtomically would.
    Result<std::unique_ptr<OutputFile>> opened = OutputFile::Open(output_);
    if (opened.ok()) file_ = std::move(opened.value()); else failure_ = opened.status();
  }
  Flush();
  if (failure_.ok() && file_ != nullptr) failure_ = file_->Commit();
  file_.reset();  // an uncommitted file is removed here
  return Report(failure_, err);
}

void AppendShortestDecimal(std::string& buffer, double value) {
  char text[32];
  const std::to_chars_result written = std::to_chars(text, text + sizeof text, value);
  buffer.append(text, written.ptr);
}

void AppendInteger(std::string& buffer, uint64_t value) {
  char text[24];
  const std::to_chars_result written = std::to_chars(text, text + sizeof text, value);
  buffer.append(text, written.ptr);
}

bool OutputIsNotAnInput(const std::string& output, const std::vector<std::string>& inputs,
                        std::ostream& err, ExitCode& exit_code) {
  Status refused = RefuseOutputThatIsAnInput(output, inputs);
  if (refused.ok()) return true;
  exit_code = Report(refused, err);
  return false;
}

}  // namespace claimgraph::cli
