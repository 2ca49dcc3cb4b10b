// The pathological shapes benchmark (issue 8, item 4): generates each shape a hostile or a
// huge casefile has, at --nodes N (default 100000), and runs every command on it through
// the claimgraph binary, reporting wall time and the child's peak resident set
// (getrusage). Goal: every command on every shape under 2 s and 500 MB.
//
//   shapes_bench --binary build-bench/claimgraph [--nodes N] [--timeout S] [--shape NAME]
//
// Each child runs with a CPU-time limit (--timeout, default 60 s) and a 4 GB address-space
// limit, so that a quadratic command on a shared machine ends as "killed", not as swap.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

struct Shape {
  const char* name;
  const char* description;
  std::function<void(std::ostream&, size_t)> write;
};

void Header(std::ostream& out, const char* title) {
  out << "{\"claimgraph\": \"1.0\", \"title\": \"" << title << "\",\n";
}

std::string SourceRecord(size_t i, const std::string& extra = "") {
  return "{\"id\": \"s" + std::to_string(i) + "\", \"title\": \"Source " + std::to_string(i) +
         "\", \"kind\": \"news report\", \"published\": \"2024-01-01\"" + extra + "}";
}

void Sources(std::ostream& out, size_t count, const std::function<std::string(size_t)>& extra = nullptr) {
  out << "\"sources\": [\n";
  for (size_t i = 0; i < count; ++i) out << (i ? ",\n" : "") << SourceRecord(i, extra ? extra(i) : "");
  out << "],\n";
}

void OneClaim(std::ostream& out, const std::string& about = "") {
  out << "\"claims\": [{\"id\": \"c1\", \"text\": \"The claim\"" << about << "}],\n";
}

void Assertions(std::ostream& out, size_t count, const std::function<std::string(size_t)>& extra = nullptr) {
  out << "\"assertions\": [\n";
  for (size_t i = 0; i < count; ++i) {
    out << (i ? ",\n" : "") << "{\"source\": \"s" << i << "\", \"claim\": \"c1\", \"stance\": \"supports\""
        << (extra ? extra(i) : "") << "}";
  }
  out << "]";
}

void Citations(std::ostream& out, const std::vector<std::pair<size_t, size_t>>& pairs) {
  out << ",\n\"citations\": [\n";
  for (size_t i = 0; i < pairs.size(); ++i) {
    out << (i ? ",\n" : "") << "{\"from\": \"s" << pairs[i].first << "\", \"to\": \"s" << pairs[i].second
        << "\", \"kind\": \"quotes\"}";
  }
  out << "]";
}

std::vector<Shape> Shapes() {
  return {
      {"citation-chain", "s_i cites s_{i-1}; all support c1",
       [](std::ostream& out, size_t n) {
         Header(out, "citation chain");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, n);
         std::vector<std::pair<size_t, size_t>> pairs;
         for (size_t i = 1; i < n; ++i) pairs.emplace_back(i, i - 1);
         Citations(out, pairs);
         out << "}\n";
       }},
      {"speaker-chain", "s_i supports c1 with s_{i-1} as speaker",
       [](std::ostream& out, size_t n) {
         Header(out, "speaker chain");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, n, [](size_t i) { return i ? ", \"speaker\": \"s" + std::to_string(i - 1) + "\"" : std::string(); });
         out << "}\n";
       }},
      {"control-chain", "e_i controlled_by e_{i-1}; n/100 sources published along it",
       [](std::ostream& out, size_t n) {
         Header(out, "control chain");
         out << "\"entities\": [\n";
         for (size_t i = 0; i < n; ++i) {
           out << (i ? ",\n" : "") << "{\"id\": \"e" << i << "\", \"name\": \"Entity " << i << "\", \"type\": \"organisation\"";
           if (i) out << ", \"controlled_by\": [\"e" << i - 1 << "\"]";
           out << "}";
         }
         out << "],\n";
         const size_t sources = std::max<size_t>(n / 100, 2);
         Sources(out, sources, [&](size_t i) { return ", \"publisher\": \"e" + std::to_string((i * 100 + 99) % n) + "\""; });
         OneClaim(out, ", \"about\": [\"e0\"]");
         Assertions(out, sources);
         out << "}\n";
       }},
      {"wide-fan-in", "s0 cites s1..s_{n-1}; all support c1",
       [](std::ostream& out, size_t n) {
         Header(out, "wide fan-in");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, n);
         std::vector<std::pair<size_t, size_t>> pairs;
         for (size_t i = 1; i < n; ++i) pairs.emplace_back(0, i);
         Citations(out, pairs);
         out << "}\n";
       }},
      {"diamonds", "levels of two sources, each citing both of the level below (2^(n/2) paths)",
       [](std::ostream& out, size_t n) {
         Header(out, "diamonds");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, n);
         std::vector<std::pair<size_t, size_t>> pairs;
         for (size_t i = 2; i < n; ++i) {
           const size_t below = (i / 2 - 1) * 2;
           pairs.emplace_back(i, below);
           pairs.emplace_back(i, below + 1);
         }
         Citations(out, pairs);
         out << "}\n";
       }},
      {"same-day", "n sources of the same day support c1 in their own voice",
       [](std::ostream& out, size_t n) {
         Header(out, "same day");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, n);
         out << "}\n";
       }},
      {"many-warnings", "n sources that assert nothing (one warning each)",
       [](std::ostream& out, size_t n) {
         Header(out, "many warnings");
         Sources(out, n);
         OneClaim(out);
         Assertions(out, 1);
         out << "}\n";
       }},
  };
}

struct Measured {
  double seconds = 0;
  long peak_kb = 0;
  int status = 0;
};

Measured Run(const std::vector<std::string>& argv, int timeout_seconds) {
  Measured measured;
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    rlimit cpu{static_cast<rlim_t>(timeout_seconds), static_cast<rlim_t>(timeout_seconds)};
    setrlimit(RLIMIT_CPU, &cpu);
    rlimit memory{4UL << 30, 4UL << 30};
    setrlimit(RLIMIT_AS, &memory);
    std::FILE* null = std::fopen("/dev/null", "w");
    if (null != nullptr) {
      dup2(fileno(null), 1);
      dup2(fileno(null), 2);
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  measured.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  measured.peak_kb = usage.ru_maxrss;
  measured.status = status;
  return measured;
}

std::string Outcome(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("killed (") + (WTERMSIG(status) == SIGXCPU ? "cpu limit" : strsignal(WTERMSIG(status))) + ")";
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = "build-bench/claimgraph", only;
  size_t nodes = 100000;
  int timeout = 60;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--binary") binary = value;
    else if (flag == "--nodes") nodes = std::stoul(value);
    else if (flag == "--timeout") timeout = std::stoi(value);
    else if (flag == "--shape") only = value;
    else if (flag == "--casefile") continue;  // the scripts/bench convention; shapes are generated here
    else {
      std::fprintf(stderr, "shapes_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  const std::filesystem::path scratch =
      std::filesystem::temp_directory_path() / ("shapes_bench." + std::to_string(getpid()));
  std::filesystem::create_directories(scratch);
  const std::string out = (scratch / "out").string();
  std::printf("%-15s %-26s %9s %9s  %s\n", "shape", "command", "seconds", "peak MB", "outcome");
  bool all_met = true;
  for (const Shape& shape : Shapes()) {
    if (!only.empty() && only != shape.name) continue;
    const std::string file = (scratch / (std::string(shape.name) + ".json")).string();
    {
      std::ofstream stream(file);
      shape.write(stream, nodes);
    }
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
        {"check", {binary, "check", file}},
        {"stats", {binary, "stats", file}},
        {"score", {binary, "score", file}},
        {"explain c1", {binary, "explain", file, "c1"}},
        {"query origins c1", {binary, "query", file, "origins", "c1"}},
        {"query first-appearance c1", {binary, "query", file, "first-appearance", "c1"}},
        {"render --format dot", {binary, "render", file, "--format", "dot", "-o", out}},
        {"export graphml", {binary, "export", "graphml", file, "-o", out}},
    };
    for (const auto& [name, command] : commands) {
      const Measured measured = Run(command, timeout);
      const bool met = measured.seconds < 2.0 && measured.peak_kb < 500 * 1024 &&
                       WIFEXITED(measured.status) && WEXITSTATUS(measured.status) == 0;
      all_met &= met;
      std::printf("%-15s %-26s %9.2f %9.1f  %s%s\n", shape.name, name.c_str(), measured.seconds,
                  measured.peak_kb / 1024.0, Outcome(measured.status).c_str(), met ? "" : "  (goal missed)");
      std::fflush(stdout);
    }
    std::filesystem::remove(file);
  }
  std::filesystem::remove_all(scratch);
  std::printf("goal (every command < 2 s and < 500 MB, exit 0): %s\n", all_met ? "met" : "missed");
  return 0;
}
