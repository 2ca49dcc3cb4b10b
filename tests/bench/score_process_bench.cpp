// Whole-process scoring benchmark (issue 11, goals): runs the built claimgraph binary as a
// user would, `claimgraph score FILE [--method M]` with standard output to /dev/null, and
// reports for each command the median over --runs runs (default 5) of the wall time and of
// the child's CPU time (user + system, from wait4), and the child's peak resident set.
//
//   score_process_bench --casefile FILE... [--binary PATH] [--runs R] [--format F]
//
// PATH defaults to the claimgraph beside this program's build tree (build-bench/claimgraph
// for build-bench/tests/bench/score_process_bench), as scripts/bench builds it. The load
// average is printed before and after: on a shared machine the wall time grows with it,
// the CPU time much less. Goals at 1M generated assertions, one thread: --method sums
// <= 0.83 s, --method truthfinder <= 0.79 s, the default score < 1 s; at 10M the default
// score < 5 s.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Run {
  double wall = 0.0, cpu = 0.0;
  long peak_kilobytes = 0;
  bool ok = false;
};

// One run of `binary arguments...`, its standard output to /dev/null.
Run RunOnce(const std::vector<std::string>& command) {
  Run run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) return run;
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDOUT_FILENO);
    std::vector<char*> args;
    for (const std::string& argument : command) args.push_back(const_cast<char*>(argument.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) != child) return run;
  run.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run.peak_kilobytes = usage.ru_maxrss;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return run;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// The claimgraph of the build tree this program was built in: DIR/tests/bench/NAME ->
// DIR/claimgraph.
std::string DefaultBinary(const char* self) {
  std::string path = self;
  for (int up = 0; up < 3; ++up) {
    const size_t slash = path.rfind('/');
    path = slash == std::string::npos ? "." : path.substr(0, slash);
  }
  return path + "/claimgraph";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::string binary = DefaultBinary(argv[0]), format = "json";
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--casefile" && i + 1 < argc) files.push_back(argv[++i]);
    else if (arg == "--binary" && i + 1 < argc) binary = argv[++i];
    else if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--format" && i + 1 < argc) format = argv[++i];
    else {
      std::fprintf(stderr, "usage: score_process_bench --casefile FILE... [--binary PATH] [--runs R] [--format F]\n");
      return 2;
    }
  }
  if (files.empty() || access(binary.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "score_process_bench: need --casefile FILE and an executable claimgraph (%s)\n",
                 binary.c_str());
    return 2;
  }
  const std::vector<std::vector<std::string>> methods = {{"--method", "sums"}, {"--method", "truthfinder"}, {}};
  std::printf("score_process_bench: %s, %d runs each, --format %s, load average %s\n", binary.c_str(), runs,
              format.c_str(), LoadAverage().c_str());
  for (const std::vector<std::string>& method : methods) {
    std::vector<std::string> command = {binary, "score"};
    command.insert(command.end(), files.begin(), files.end());
    command.insert(command.end(), method.begin(), method.end());
    command.insert(command.end(), {"--format", format});
    std::vector<double> walls, cpus;
    long peak = 0;
    for (int run = 0; run < runs; ++run) {
      const Run measured = RunOnce(command);
      if (!measured.ok) {
        std::fprintf(stderr, "score_process_bench: the command failed\n");
        return 1;
      }
      walls.push_back(measured.wall);
      cpus.push_back(measured.cpu);
      peak = std::max(peak, measured.peak_kilobytes);
    }
    std::printf("  score %s: median wall %.3f s (min %.3f), median cpu %.3f s, peak %.1f MB\n",
                method.empty() ? "(default)" : ("--method " + method[1]).c_str(), Median(walls),
                *std::min_element(walls.begin(), walls.end()), Median(cpus), static_cast<double>(peak) / 1024.0);
  }
  std::printf("  load average after: %s\n", LoadAverage().c_str());
  return 0;
}
