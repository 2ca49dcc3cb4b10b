// Loading benchmark (issue 2): parse + validate + build of casefiles, as LoadCasefiles does
// it, timed over several runs.
//
//   load_bench --casefile FILE... [--runs R]
//
// Prints the median wall time of R runs (default 5), assertions per second, input MB/s,
// and the peak resident memory the load added, per assertion, beyond the quote text (the
// quotes are the one part that grows with what analysts write, not with the graph).
// Each run also times RapidJSON's own SAX reader over the same files, doing nothing with the
// events but validating UTF-8 (kParseValidateEncodingFlag): the floor a JSON loader is
// judged against. The ratio of the two medians is printed; both are taken in the same
// runs, alternately, so that a shared machine's load weighs on both alike.
// Goals (issue 11): the ratio at most 1.6; <= 120 bytes per assertion beyond quotes.
// Peak memory is measured over the first run (ru_maxrss never decreases, and later runs
// reuse freed memory), against the resident size just before it.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <rapidjson/filereadstream.h>
#include <rapidjson/reader.h>

#include "claimgraph/load.h"

namespace {

size_t PeakResidentBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

size_t CurrentResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

size_t FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return in ? static_cast<size_t>(in.tellg()) : 0;
}

// RapidJSON's SAX pass over `files` with UTF-8 validation and a handler that accepts
// everything: false when a file cannot be read or is not JSON.
bool RawSaxPass(const std::vector<std::string>& files) {
  static char buffer[1 << 16];
  for (const std::string& file : files) {
    std::FILE* handle = std::fopen(file.c_str(), "rb");
    if (handle == nullptr) return false;
    rapidjson::FileReadStream stream(handle, buffer, sizeof buffer);
    rapidjson::BaseReaderHandler<> handler;
    rapidjson::Reader reader;
    const bool parsed = !reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, handler).IsError();
    std::fclose(handle);
    if (!parsed) return false;
  }
  return true;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--casefile" && i + 1 < argc) files.push_back(argv[++i]);
    else if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: load_bench --casefile FILE... [--runs R]\n");
      return 2;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: load_bench --casefile FILE... [--runs R]\n");
    return 2;
  }
  size_t bytes = 0;
  for (const std::string& file : files) bytes += FileBytes(file);

  // Load the schema and warm the allocator with a tiny casefile, so that neither is counted.
  claimgraph::LoadCasefileTexts({"warm-up"}, {"{\"claimgraph\": \"1.0\"}"});
  const size_t resident_before = CurrentResidentBytes();

  std::vector<double> seconds, raw_seconds;
  size_t assertions = 0, quote_bytes = 0, peak_after_first = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    claimgraph::LoadResult result = claimgraph::LoadCasefiles(files);
    const auto stop = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return 2;
    }
    seconds.push_back(std::chrono::duration<double>(stop - start).count());
    if (run == 0) {
      peak_after_first = PeakResidentBytes();
      assertions = result.graph->assertions().size();
      for (const auto& assertion : result.graph->assertions()) quote_bytes += assertion.quote.size();
    }
    const auto raw_start = std::chrono::steady_clock::now();
    if (!RawSaxPass(files)) {
      std::fprintf(stderr, "load_bench: RapidJSON's SAX reader rejected the input\n");
      return 2;
    }
    raw_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - raw_start).count());
  }
  const double raw_median = Median(raw_seconds);
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double added = static_cast<double>(peak_after_first) - static_cast<double>(resident_before);
  std::printf("load_bench: %zu file(s), %.1f MB, %zu assertions, %d runs\n", files.size(),
              static_cast<double>(bytes) / 1e6, assertions, runs);
  std::printf("  median %.3f s (min %.3f, max %.3f): %.0f assertions/s, %.1f MB/s\n", median,
              seconds.front(), seconds.back(), static_cast<double>(assertions) / median,
              static_cast<double>(bytes) / 1e6 / median);
  std::printf("  RapidJSON SAX pass with UTF-8 validation: median %.3f s, %.1f MB/s; "
              "load / raw = %.2f (goal <= 1.6)\n",
              raw_median, static_cast<double>(bytes) / 1e6 / raw_median, median / raw_median);
  std::printf("  peak resident added %.1f MB, quote text %.1f MB: %.0f bytes per assertion "
              "beyond quote text\n",
              added / 1e6, static_cast<double>(quote_bytes) / 1e6,
              (added - static_cast<double>(quote_bytes)) / static_cast<double>(assertions));
  return 0;
}
