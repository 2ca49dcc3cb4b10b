// Extraction benchmark (issue 9): `claimgraph extract` must read at least 5 MB of article
// text a second on one core.
//
//   extract_bench [--megabytes M] [--runs R]   generated articles, M MB in all (default 8)
//   extract_bench --casefile FILE ...          the same (scripts/bench's convention; the
//                                              casefiles are not articles and are ignored)
//   extract_bench --keep DIR                   writes the articles into DIR and keeps them
//                                              (to compare drafts before and after a change)
//
// The articles are generated from sentence templates in the forms the extractor reads (a
// statement with "said ... that", an inverted quote, "according to", "X told OUTLET", a
// trailing "..., the agency reported", hedges and plain own-voice sentences), with names,
// places and numbers drawn from a fixed pseudo-random sequence, so that claims are many and
// mostly distinct, as in a real collection. They are written to files, so reading, checking
// UTF-8, splitting, attribution, entities, claim grouping and writing the draft are all
// timed. The figure is the median of R runs (default 3) of the process's CPU time on one
// thread (the goal); wall time is printed beside it.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "claimgraph/extract.h"

namespace claimgraph {
namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds of this process: on a shared machine (load far above the core count) wall time
// measures the neighbours; "one core" is what the process itself spends.
double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

class Generator {
 public:
  std::string Article(size_t bytes) {
    std::string text = "title: " + Pick(kPlaces) + " talks on " + Pick(kThings) + "\n\n";
    while (text.size() < bytes) {
      text += Sentence();
      text += (Next(4) == 0) ? "\n" : " ";
    }
    return text + "\n";
  }

 private:
  uint64_t state_ = 42;
  uint64_t Next(uint64_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's MMIX LCG
    return (state_ >> 33) % bound;
  }
  template <size_t N>
  std::string Pick(const char* const (&words)[N]) { return words[Next(N)]; }

  static constexpr const char* kStates[] = {"China", "Russia", "Japan", "India", "France", "Germany",
                                            "Turkey", "Iran", "Egypt", "Vietnam"};
  static constexpr const char* kBodies[] = {"Defense Ministry", "Foreign Ministry", "government",
                                            "Interior Ministry", "Trade Ministry"};
  static constexpr const char* kOutlets[] = {"Reuters", "AFP", "TASS", "Xinhua", "Kyodo News",
                                             "the BBC", "Bloomberg", "Interfax"};
  static constexpr const char* kFirst[] = {"Anna", "Ivan", "Mei", "Ravi", "Lena", "Omar", "Kenji",
                                           "Sofia", "Pavel", "Aiko", "Dmitri", "Lucia"};
  static constexpr const char* kLast[] = {"Petrova", "Sokolov", "Chen", "Kumar", "Weber", "Haddad",
                                          "Sato", "Rossi", "Novak", "Tanaka", "Ivanov", "Garcia"};
  static constexpr const char* kThings[] = {"exercise", "pipeline", "treaty", "summit", "tariff",
                                            "ceasefire", "loan", "satellite", "election", "port",
                                            "railway", "vaccine", "reactor", "embargo"};
  static constexpr const char* kVerbs[] = {"start", "end", "cost", "last", "cover", "reach", "need",
                                           "include", "open", "close"};
  static constexpr const char* kPlaces[] = {"the capital", "the north", "the border region",
                                            "the coastal province", "the Black Sea", "the Gulf",
                                            "the southern islands", "the old harbour"};
  static constexpr const char* kUnits[] = {"days", "weeks", "months", "billion dollars", "ships",
                                           "kilometres", "tonnes", "delegates"};
  static constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  std::string Clause() {
    return "the " + Pick(kThings) + " in " + Pick(kPlaces) + " would " + Pick(kVerbs) + " " +
           std::to_string(2 + Next(900)) + " " + Pick(kUnits);
  }
  std::string Sentence() {
    switch (Next(8)) {
      case 0: return Pick(kStates) + "'s " + Pick(kBodies) + " said in a statement on " + Pick(kDays) +
                     " that " + Clause() + ".";
      case 1: return "\u201C" + std::string(1, 'T') + Clause().substr(1) + ",\u201D said the ministry.";
      case 2: return Pick(kFirst) + " " + Pick(kLast) + ", a spokesman for the " + Pick(kBodies) +
                     ", told " + Pick(kOutlets) + " that " + Clause() + ".";
      case 3: return "According to " + Pick(kOutlets) + ", " + Clause() + ".";
      case 4: return "T" + Clause().substr(1) + ", the " + Pick(kOutlets) + " news agency reported " +
                     Pick(kDays) + ".";
      case 5: return "The " + Pick(kThings) + " is said to be a reply to the " + Pick(kThings) +
                     " talks in " + Pick(kPlaces) + ".";
      case 6: return "\"The " + Pick(kThings) + " is not aimed at any third country,\" " +
                     Pick(kFirst) + " " + Pick(kLast) + " said.";
      default: return "T" + Clause().substr(1) + " since " + std::to_string(1990 + Next(35)) +
                      ", as the " + Pick(kThings) + " in " + Pick(kPlaces) + " did before it.";
    }
  }
};

int Run(int argc, char** argv) {
  double megabytes = 8;
  int runs = 3;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--megabytes" && i + 1 < argc) megabytes = std::atof(argv[++i]);
    else if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (arg == "--casefile" && i + 1 < argc) ++i;  // not articles: ignored
    else if (arg == "--keep" && i + 1 < argc) keep = argv[++i];
    else {
      std::fprintf(stderr, "usage: extract_bench [--megabytes M] [--runs R] [--keep DIR]\n");
      return 2;
    }
  }
  const std::filesystem::path dir =
      keep.empty() ? std::filesystem::temp_directory_path() / "claimgraph-extract-bench" : std::filesystem::path(keep);
  if (keep.empty()) std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Generator generator;
  std::vector<std::string> paths;
  size_t total = 0;
  const size_t wanted = static_cast<size_t>(megabytes * 1e6);
  for (int n = 0; total < wanted; ++n) {
    const std::string text = generator.Article(3000 + static_cast<size_t>(n % 7) * 500);
    const std::string path = (dir / ("article-" + std::to_string(n) + ".txt")).string();
    std::ofstream(path, std::ios::binary) << text;
    paths.push_back(path);
    total += text.size();
  }
  std::vector<double> times, cpu_times;
  size_t records = 0, draft_bytes = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    const double cpu_start = CpuSeconds();
    Result<ExtractResult> result = ExtractDraft(paths);
    cpu_times.push_back(CpuSeconds() - cpu_start);
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (!result.ok()) {
      std::fprintf(stderr, "extract failed: %s\n", result.status().message().c_str());
      return 1;
    }
    records = result->attributions;
    draft_bytes = result->casefile.size();
  }
  if (keep.empty()) std::filesystem::remove_all(dir);
  std::sort(times.begin(), times.end());
  std::sort(cpu_times.begin(), cpu_times.end());
  const double median = times[times.size() / 2], cpu = cpu_times[cpu_times.size() / 2];
  const double rate = static_cast<double>(total) / 1e6 / cpu;
  std::printf("extract: %zu articles, %.2f MB of text, %zu records, draft %.2f MB: median of %d runs "
              "%.3f s CPU = %.2f MB/s on one core (goal >= 5 MB/s) %s; wall %.3f s = %.2f MB/s\n",
              paths.size(), static_cast<double>(total) / 1e6, records,
              static_cast<double>(draft_bytes) / 1e6, runs, cpu, rate, rate >= 5 ? "met" : "NOT MET",
              median, static_cast<double>(total) / 1e6 / median);
  return rate >= 5 ? 0 : 1;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Run(argc, argv); }
