// WriteFileAtomically and RefuseOutputThatIsAnInput: what each kind of path becomes after a
// write (bytes, mode, file type, inode), what a failure leaves behind, and every message.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <vector>

#include "claimgraph/files.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::ReadWholeFile;
using testing::ScratchDirectory;

struct stat Lstat(const std::string& path) {
  struct stat information {};
  REQUIRE(::lstat(path.c_str(), &information) == 0);
  return information;
}

mode_t Umask() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

TEST_CASE("a new file gets the bytes and 0666 less the umask, and no temporary file stays") {
  ScratchDirectory scratch;
  const std::string path = scratch.File("out.json");
  REQUIRE(WriteFileAtomically(path, "{}\n").ok());
  CHECK(ReadWholeFile(path) == "{}\n");
  CHECK((Lstat(path).st_mode & 07777) == (0666 & ~Umask()));
  CHECK(scratch.List() == std::vector<std::string>{"out.json"});
}

TEST_CASE("an existing file is replaced by a new inode and keeps its mode") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("out.json", "old");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  const struct stat before = Lstat(path);
  REQUIRE(WriteFileAtomically(path, "new bytes").ok());
  const struct stat after = Lstat(path);
  CHECK(ReadWholeFile(path) == "new bytes");
  CHECK((after.st_mode & 07777) == 0640);
  CHECK(S_ISREG(after.st_mode));
  CHECK(after.st_ino != before.st_ino);  // renamed over, never truncated in place
  CHECK(scratch.List() == std::vector<std::string>{"out.json"});
}

TEST_CASE("a symbolic link stays a link and its target is replaced, keeping the target's mode") {
  ScratchDirectory scratch;
  REQUIRE(::mkdir(scratch.File("data").c_str(), 0755) == 0);
  const std::string target = scratch.Write("data/real.json", "old");
  REQUIRE(::chmod(target.c_str(), 0600) == 0);
  REQUIRE(::symlink("data/real.json", scratch.File("link.json").c_str()) == 0);
  REQUIRE(WriteFileAtomically(scratch.File("link.json"), "through the link").ok());
  CHECK(S_ISLNK(Lstat(scratch.File("link.json")).st_mode));
  char text[64] = {};
  REQUIRE(::readlink(scratch.File("link.json").c_str(), text, sizeof text - 1) > 0);
  CHECK(std::string(text) == "data/real.json");
  CHECK(ReadWholeFile(target) == "through the link");
  CHECK((Lstat(target).st_mode & 07777) == 0600);
  CHECK(scratch.List() == std::vector<std::string>{"data", "link.json"});

  // A dangling link: its target is created, and the link still points at it.
  REQUIRE(::symlink("data/new.json", scratch.File("dangling.json").c_str()) == 0);
  REQUIRE(WriteFileAtomically(scratch.File("dangling.json"), "created").ok());
  CHECK(S_ISLNK(Lstat(scratch.File("dangling.json")).st_mode));
  CHECK(ReadWholeFile(scratch.File("data/new.json")) == "created");
}

TEST_CASE("a link loop is an error that names the output") {
  ScratchDirectory scratch;
  REQUIRE(::symlink("b", scratch.File("a").c_str()) == 0);
  REQUIRE(::symlink("a", scratch.File("b").c_str()) == 0);
  const Status status = WriteFileAtomically(scratch.File("a"), "x");
  CHECK(status.code() == ExitCode::kInvalidInput);
  CHECK(status.message() == scratch.File("a") + ": error: cannot follow the link: Too many levels of symbolic links");
}

TEST_CASE("/dev/null is written in place and stays a character device") {
  const struct stat before = Lstat("/dev/null");
  REQUIRE(S_ISCHR(before.st_mode));
  CHECK(WriteFileAtomically("/dev/null", "discarded").ok());
  const struct stat after = Lstat("/dev/null");
  CHECK(S_ISCHR(after.st_mode));
  CHECK(after.st_rdev == before.st_rdev);
  CHECK(after.st_ino == before.st_ino);
  CHECK((after.st_mode & 07777) == (before.st_mode & 07777));
}

TEST_CASE("a full device is written in place and its failure is exit 1 with the reason") {
  const Status status = WriteFileAtomically("/dev/full", "no room");
  CHECK(status.code() == ExitCode::kInternalError);
  CHECK(status.message() == "/dev/full: error: cannot write: No space left on device");
  CHECK(S_ISCHR(Lstat("/dev/full").st_mode));
}

TEST_CASE("a FIFO is written in place: its reader gets the bytes and it stays a FIFO") {
  ScratchDirectory scratch;
  const std::string fifo = scratch.File("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Linux lets O_RDWR open a FIFO without waiting for a writer: the reader is in place
  // before the write, and a writer that replaced the FIFO would leave it empty, not hang.
  const int reader = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  REQUIRE(reader >= 0);
  const Status status = WriteFileAtomically(fifo, "through the pipe");
  char received[64] = {};
  const ssize_t length = ::read(reader, received, sizeof received - 1);
  ::close(reader);
  CHECK(status.ok());
  CHECK(length == 16);
  CHECK(std::string(received) == "through the pipe");
  CHECK(S_ISFIFO(Lstat(fifo).st_mode));
  CHECK(scratch.List() == std::vector<std::string>{"pipe"});
}

TEST_CASE("an empty output name is refused before anything is created") {
  const Status written = WriteFileAtomically("", "x");
  CHECK(written.code() == ExitCode::kInvalidInput);
  CHECK(written.message() == "claimgraph: error: the output file name is empty");
  const Status refused = RefuseOutputThatIsAnInput("", {"in.json"});
  CHECK(refused.code() == ExitCode::kInvalidInput);
  CHECK(refused.message() == "claimgraph: error: the output file name is empty");
}

TEST_CASE("a directory is refused") {
  ScratchDirectory scratch;
  const Status status = WriteFileAtomically(scratch.path(), "x");
  CHECK(status.code() == ExitCode::kInvalidInput);
  CHECK(status.message() == scratch.path() + ": error: is a directory");
}

TEST_CASE("a stale temporary file is replaced, and one planted as a link is not written through") {
  ScratchDirectory scratch;
  const std::string victim = scratch.Write("victim.txt", "keep me");
  REQUIRE(::symlink("victim.txt", scratch.File(".out.json.claimgraph-tmp").c_str()) == 0);
  REQUIRE(WriteFileAtomically(scratch.File("out.json"), "fresh").ok());
  CHECK(ReadWholeFile(scratch.File("out.json")) == "fresh");
  CHECK(ReadWholeFile(victim) == "keep me");
  CHECK(scratch.List() == std::vector<std::string>{"out.json", "victim.txt"});

  scratch.Write(".out.json.claimgraph-tmp", "left by a killed run");
  REQUIRE(WriteFileAtomically(scratch.File("out.json"), "again").ok());
  CHECK(ReadWholeFile(scratch.File("out.json")) == "again");
  CHECK(scratch.List() == std::vector<std::string>{"out.json", "victim.txt"});
}

TEST_CASE("a directory that cannot take the temporary file is named, and nothing is created") {
  ScratchDirectory scratch;
  const std::string missing = scratch.File("no-such-directory");
  const Status status = WriteFileAtomically(missing + "/out.json", "x");
  CHECK(status.code() == ExitCode::kInvalidInput);
  CHECK(status.message() == missing + "/out.json: error: cannot create a temporary file in " + missing +
                                ": No such file or directory");
  CHECK(scratch.List().empty());

  if (::geteuid() == 0) {
    MESSAGE("running as root: permission checks pass, so the read-only directory case is skipped");
    return;
  }
  const std::string locked = scratch.File("locked");
  REQUIRE(::mkdir(locked.c_str(), 0555) == 0);
  const Status denied = WriteFileAtomically(locked + "/out.json", "x");
  CHECK(denied.message() == locked + "/out.json: error: cannot create a temporary file in " + locked +
                                ": Permission denied");
  ::chmod(locked.c_str(), 0755);
}

TEST_CASE("a write that fails half-way leaves the old file as it was and no temporary file") {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("out.json", "the old, complete casefile");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  // A file size limit makes write(2) fail with EFBIG after the first 1 KB.
  struct rlimit saved {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  void (*saved_handler)(int) = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 1024;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  const Status status = WriteFileAtomically(path, std::string(4096, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, saved_handler);
  CHECK(status.code() == ExitCode::kInternalError);
  CHECK(status.message() == path + ": error: cannot write: File too large");
  CHECK(ReadWholeFile(path) == "the old, complete casefile");
  CHECK((Lstat(path).st_mode & 07777) == 0640);
  CHECK(scratch.List() == std::vector<std::string>{"out.json"});
}

// In a child process, a write past a file size limit raises SIGXFSZ while the temporary
// file exists; its handler raises `signal_number`, as a user's Ctrl-C would at that moment.
int WriteInterruptedBy(int signal_number, bool ignored, const std::string& path) {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    static int raised = 0;
    raised = signal_number;
    if (ignored) std::signal(signal_number, SIG_IGN);
    std::signal(SIGXFSZ, [](int) { std::raise(raised); });
    struct rlimit small {};
    ::getrlimit(RLIMIT_FSIZE, &small);
    small.rlim_cur = 1024;
    ::setrlimit(RLIMIT_FSIZE, &small);
    const Status status = WriteFileAtomically(path, std::string(4096, 'x'));
    ::_exit(status.ok() ? 0 : 4);
  }
  int wait_status = 0;
  REQUIRE(::waitpid(child, &wait_status, 0) == child);
  return wait_status;
}

TEST_CASE("a signal while the temporary file exists removes it and still ends the process") {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    CAPTURE(signal_number);
    ScratchDirectory scratch;
    const int wait_status = WriteInterruptedBy(signal_number, false, scratch.File("out.json"));
    CHECK(WIFSIGNALED(wait_status));
    CHECK(WTERMSIG(wait_status) == signal_number);
    CHECK(scratch.List().empty());
  }
}

TEST_CASE("a signal the process ignores stays ignored during a write") {
  ScratchDirectory scratch;
  const int wait_status = WriteInterruptedBy(SIGHUP, true, scratch.File("out.json"));
  REQUIRE(WIFEXITED(wait_status));
  CHECK(WEXITSTATUS(wait_status) == 4);  // the write failed on its own (EFBIG) and cleaned up
  CHECK(scratch.List().empty());
}

TEST_CASE("an output that is an input is refused, through any name") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", "{}");
  REQUIRE(::symlink("in.json", scratch.File("soft.json").c_str()) == 0);
  REQUIRE(::link(input.c_str(), scratch.File("hard.json").c_str()) == 0);
  const std::vector<std::string> inputs = {scratch.Write("other.json", "{}"), input};
  for (const std::string name : {"in.json", "soft.json", "hard.json"}) {
    CAPTURE(name);
    const Status status = RefuseOutputThatIsAnInput(scratch.File(name), inputs);
    CHECK(status.code() == ExitCode::kInvalidInput);
    CHECK(status.message() == "claimgraph: error: output '" + scratch.File(name) + "' is the input '" + input +
                                  "'; nothing was written");
  }
  CHECK(RefuseOutputThatIsAnInput(scratch.File("new.json"), inputs).ok());
  CHECK(RefuseOutputThatIsAnInput("-", inputs).ok());
  CHECK(RefuseOutputThatIsAnInput(scratch.File("other-copy.json"), {input}).ok());
}

}  // namespace
}  // namespace claimgraph
