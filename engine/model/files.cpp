#include "claimgraph/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>

namespace claimgraph {
namespace {

// POSIX's SYMLOOP_MAX is at least 8; Linux gives up after 40, and so do we.
constexpr int kMaxLinksFollowed = 40;

// The temporary file being written, for the signal handler. A handler may only touch
// lock-free state, so the path sits in a fixed buffer and a flag says whether it is set.
char temporary_path[PATH_MAX];
volatile std::sig_atomic_t temporary_path_set = 0;
// Outputs are written one at a time: the handler knows one temporary path.
std::mutex writing;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveTemporaryFileAndDie(int signal_number) {
  // unlink and raise are async-signal-safe. SA_RESETHAND has restored the default action
  // and the signal is blocked while this runs, so it ends the process once we return.
  if (temporary_path_set != 0) ::unlink(temporary_path);
  ::raise(signal_number);
}

// Installs the cleanup handler for as long as it lives, then puts back what was there.
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(const std::string& path) {
    if (path.size() < sizeof temporary_path) {
      std::memcpy(temporary_path, path.c_str(), path.size() + 1);
      temporary_path_set = 1;
    }
    struct sigaction action {};
    action.sa_handler = RemoveTemporaryFileAndDie;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      installed_[i] = false;
      if (::sigaction(kCleanupSignals[i], nullptr, &previous_[i]) != 0) continue;
      if (previous_[i].sa_handler == SIG_IGN) continue;  // nohup's SIGHUP stays ignored
      installed_[i] = ::sigaction(kCleanupSignals[i], &action, nullptr) == 0;
    }
  }
  ~TemporaryFileGuard() {
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      if (installed_[i]) ::sigaction(kCleanupSignals[i], &previous_[i], nullptr);
    }
    temporary_path_set = 0;
  }
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;

 private:
  struct sigaction previous_[std::size(kCleanupSignals)] {};
  bool installed_[std::size(kCleanupSignals)] = {};
};

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string NameOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A place the user named that cannot be written is their input to fix (exit 2); a disk
// that fills or fails on the way is the environment's failure (exit 1).
Status Failure(const std::string& path, const std::string& what, int error_number,
               ExitCode code = ExitCode::kInvalidInput) {
  return Status::Error(path + ": error: " + what + ": " + std::strerror(error_number), code);
}

constexpr ExitCode kEnvironment = ExitCode::kInternalError;

// The path a chain of symbolic links ends at; `path` itself when it is not a link or does
// not exist. A relative link target is relative to the link's directory.
Result<std::string> FollowLinks(const std::string& output) {
  std::string path = output;
  for (int followed = 0; followed <= kMaxLinksFollowed; ++followed) {
    struct stat information {};
    if (::lstat(path.c_str(), &information) != 0 || !S_ISLNK(information.st_mode)) return path;
    char target[PATH_MAX];
    const ssize_t length = ::readlink(path.c_str(), target, sizeof target);
    if (length < 0) return Failure(output, "cannot follow the link", errno);
    if (static_cast<size_t>(length) == sizeof target) {
      return Failure(output, "cannot follow the link", ENAMETOOLONG);
    }
    const std::string next(target, static_cast<size_t>(length));
    const std::string directory = DirectoryOf(path);
    path = next[0] == '/' || path.find('/') == std::string::npos ? next
           : directory == "/"                                    ? "/" + next
                                                                 : directory + "/" + next;
  }
  return Failure(output, "cannot follow the link", ELOOP);
}

// write(2) until every byte is out, through partial writes and interruptions.
bool WriteAll(int descriptor, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written == 0) errno = EIO;  // no progress and no reason: do not spin
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

}  // namespace

// What an open output holds: the descriptor, and for a regular file the temporary file that
// Commit renames over the output (its cleanup handler and the one-writer lock live as long).
struct OutputFile::State {
  std::string output;     // the name the user gave, for messages
  std::string path;       // where the links end
  std::string temporary;  // empty when writing in place
  int descriptor = -1;
  std::unique_lock<std::mutex> lock;
  std::unique_ptr<TemporaryFileGuard> guard;

  // Closes and removes the temporary file: the old output stays as it was.
  void Abandon() {
    if (descriptor >= 0) ::close(descriptor);
    descriptor = -1;
    if (!temporary.empty()) ::unlink(temporary.c_str());
    temporary.clear();
    guard.reset();
  }
};

OutputFile::OutputFile(std::unique_ptr<State> state) : state_(std::move(state)) {}

OutputFile::~OutputFile() {
  if (state_ != nullptr) state_->Abandon();
}

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& output) {
  if (output.empty()) return Status::Error("claimgraph: error: the output file name is empty");
  Result<std::string> path = FollowLinks(output);
  if (!path.ok()) return path.status();
  auto state = std::make_unique<State>();
  state->output = output;
  state->path = path.value();
  struct stat existing {};
  const bool exists = ::stat(state->path.c_str(), &existing) == 0;
  if (!exists && errno != ENOENT) return Failure(output, "cannot write", errno);
  if (exists && S_ISDIR(existing.st_mode)) return Status::Error(output + ": error: is a directory");
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device, FIFO or socket is the user's channel, not a file to replace: open and write.
    do {
      state->descriptor = ::open(state->path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    } while (state->descriptor < 0 && errno == EINTR);
    if (state->descriptor < 0) return Failure(output, "cannot open", errno);
    return std::unique_ptr<OutputFile>(new OutputFile(std::move(state)));
  }
  // The temporary file, then (in Commit) rename(2) over the path: readers see the old
  // bytes or the new ones, never a mixture, and a failure at any step leaves the old file.
  const std::string directory = DirectoryOf(state->path);
  const std::string prefix = state->path.find('/') == std::string::npos ? ""
                             : directory == "/"                         ? "/"
                                                                        : directory + "/";
  const std::string temporary = prefix + "." + NameOf(state->path) + ".claimgraph-tmp";
  state->lock = std::unique_lock<std::mutex>(writing);
  state->guard = std::make_unique<TemporaryFileGuard>(temporary);
  // A stale temporary file (or anything planted at its name) is removed, never written
  // through: O_EXCL then creates a fresh one.
  if (::unlink(temporary.c_str()) != 0 && errno != ENOENT) {
    return Failure(output, "cannot create a temporary file in " + directory, errno);
  }
  state->descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (state->descriptor < 0) return Failure(output, "cannot create a temporary file in " + directory, errno);
  state->temporary = temporary;
  if (exists) {
    // Only root may give a file away, so a failed chown keeps the writer as owner, as
    // any editor's save would; the permission bits are always kept.
    if (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid()) {
      const bool owner_kept = ::fchown(state->descriptor, existing.st_uid, existing.st_gid) == 0;
      static_cast<void>(owner_kept);
    }
    if (::fchmod(state->descriptor, existing.st_mode & 07777) != 0) {
      const int mode_error = errno;
      state->Abandon();
      return Failure(output, "cannot set the mode", mode_error, kEnvironment);
    }
  }
  return std::unique_ptr<OutputFile>(new OutputFile(std::move(state)));
}

Status OutputFile::Write(std::string_view bytes) {
  if (state_->descriptor < 0) return Failure(state_->output, "cannot write", EBADF, kEnvironment);
  if (WriteAll(state_->descriptor, bytes)) return Status::Ok();
  const int write_error = errno;
  state_->Abandon();
  return Failure(state_->output, "cannot write", write_error, kEnvironment);
}

Status OutputFile::Commit() {
  if (state_->descriptor < 0) return Failure(state_->output, "cannot write", EBADF, kEnvironment);
  const bool renaming = !state_->temporary.empty();
  // Durable before the rename: a crash must not swap a good file for an empty one.
  if (renaming && ::fsync(state_->descriptor) != 0) {
    const int sync_error = errno;
    state_->Abandon();
    return Failure(state_->output, "cannot write", sync_error, kEnvironment);
  }
  const int descriptor = state_->descriptor;
  state_->descriptor = -1;
  if (::close(descriptor) != 0) {
    const int close_error = errno;
    state_->Abandon();
    return Failure(state_->output, "cannot write", close_error, kEnvironment);
  }
  if (renaming && ::rename(state_->temporary.c_str(), state_->path.c_str()) != 0) {
    const int rename_error = errno;
    state_->Abandon();
    return Failure(state_->output, "cannot replace", rename_error, kEnvironment);
  }
  state_->temporary.clear();
  state_->guard.reset();
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": error: cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": error: cannot read: " + std::strerror(errno));
  return buffer.str();
}

Status WriteFileAtomically(const std::string& output, std::string_view bytes) {
  if (output == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (std::cout) return Status::Ok();
    return Status::Error(std::string("claimgraph: error: cannot write standard output: ") + std::strerror(errno),
                         ExitCode::kInternalError);
  }
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Open(output);
  if (!file.ok()) return file.status();
  if (Status written = file.value()->Write(bytes); !written.ok()) return written;
  return file.value()->Commit();
}

Status RefuseOutputThatIsAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty()) return Status::Error("claimgraph: error: the output file name is empty");
  struct stat written {};
  if (output == "-") {
    // "score in.json >> in.json": the shell opened the input for appending. (With ">" it has
    // already emptied it, and the loader says so.)
    if (::fstat(STDOUT_FILENO, &written) != 0 || !S_ISREG(written.st_mode)) return Status::Ok();
  } else if (::stat(output.c_str(), &written) != 0) {
    return Status::Ok();
  }
  for (const std::string& input : inputs) {
    struct stat read {};
    if (input == "-" || ::stat(input.c_str(), &read) != 0) continue;
    if (read.st_dev == written.st_dev && read.st_ino == written.st_ino) {
      const std::string named = output == "-" ? "standard output" : "output '" + output + "'";
      return Status::Error("claimgraph: error: " + named + " is the input '" + input + "'; nothing was written");
    }
  }
  return Status::Ok();
}

}  // namespace claimgraph
