// The desk's rescoring after a write (issue 10: a desk-sized case of a few thousand
// assertions rescored in under 50 ms), on a SQLite store made from each casefile:
//   store   the store's export, read back by the loader (what a snapshot starts from)
//   score   Score() alone on the loaded graph
//   write   one POST /api/records of a new source and assertion through the handler, which
//           writes it to the store in one transaction and rebuilds the scored snapshot
// and, once per casefile, GET /api/claims answered from the handler (first, then cached).
//
//   serve_bench [--casefile FILE]... [--runs R] [--max-assertions N]
//
// scripts/bench runs it on its generated casefiles and on one of 3,000 assertions (a desk's
// size). Each figure is the median of R runs (default 5).
// Casefiles of more than --max-assertions (default 200,000) are skipped: a write there costs
// seconds, which says the desk is not meant for them, and nothing more.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "claimgraph/files.h"
#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "claimgraph/store.h"
#include "serve/handler.h"

namespace claimgraph {
namespace {

using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int Bench(const std::string& casefile, int runs, size_t max_assertions) {
  Result<std::string> text = ReadFile(casefile);
  if (!text.ok()) {
    std::fprintf(stderr, "%s\n", text.status().message().c_str());
    return 1;
  }
  LoadResult loaded = LoadCasefileTexts({casefile}, {text.value()});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 1;
  }
  const size_t assertions = loaded.graph->assertions().size();
  std::printf("serve_bench: %s: %zu assertions, %zu claims\n", casefile.c_str(), assertions, loaded.graph->claims().size());
  if (assertions > max_assertions) {
    std::printf("  skipped: more than %zu assertions (--max-assertions)\n", max_assertions);
    return 0;
  }
  const std::string directory = std::filesystem::temp_directory_path() / ("serve_bench_" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  const std::string path = directory + "/desk.db";
  {
    Result<CaseStore> store = CaseStore::Create(path);
    if (!store.ok() || !store->Add(text.value(), casefile, "bench").ok()) {
      std::fprintf(stderr, "serve_bench: cannot build the store\n");
      return 1;
    }
  }
  Result<std::unique_ptr<serve::Desk>> desk = serve::OpenStoreDesk(path);
  if (!desk.ok()) return 1;
  std::vector<double> store_times, score_times, write_times;
  for (int run = 0; run < runs; ++run) {
    Clock::time_point start = Clock::now();
    LoadResult again = desk.value()->Load();
    store_times.push_back(Milliseconds(start));
    start = Clock::now();
    Result<CorroborationResult> scores = Score(*again.graph);
    score_times.push_back(Milliseconds(start));
    if (!scores.ok()) return 1;
  }
  serve::HandlerOptions options;
  options.tokens = {{"bench", "bench-token-0123456789", true}};
  auto handler = serve::DeskHandler::Create(std::move(desk.value()), options);
  if (!handler.ok()) return 1;
  const std::string claim = loaded.graph->claims().front().id;
  for (int run = 0; run < runs; ++run) {
    const std::string source = "bench-source-" + std::to_string(run);
    serve::HttpRequest post{"POST", "/api/records",
                            {{"Content-Type", "application/json"}, {"Authorization", "Bearer bench-token-0123456789"}},
                            "{\"sources\": [{\"id\": \"" + source + "\", \"title\": \"T\", \"kind\": \"other\"}], "
                            "\"assertions\": [{\"source\": \"" + source + "\", \"claim\": \"" + claim + "\", \"stance\": \"supports\"}]}"};
    Clock::time_point start = Clock::now();
    serve::HttpResponse response = handler.value()->Handle(post);
    write_times.push_back(Milliseconds(start));
    if (response.status != 201) {
      std::fprintf(stderr, "serve_bench: the write failed: %s", response.body.c_str());
      return 1;
    }
  }
  serve::HttpRequest get{"GET", "/api/claims", {}, ""};
  Clock::time_point start = Clock::now();
  handler.value()->Handle(get);
  const double first = Milliseconds(start);
  start = Clock::now();
  for (int i = 0; i < 1000; ++i) handler.value()->Handle(get);
  const double cached = Milliseconds(start) / 1000.0;
  std::printf("  store export + load  %9.1f ms\n", Median(store_times));
  std::printf("  score                %9.1f ms\n", Median(score_times));
  std::printf("  write + rescore      %9.1f ms   (goal for a few thousand assertions: under 50 ms)\n", Median(write_times));
  std::printf("  GET /api/claims      %9.3f ms first, %.4f ms cached\n", first, cached);
  std::filesystem::remove_all(directory);
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) {
  std::vector<std::string> casefiles;
  int runs = 5;
  size_t max_assertions = 200000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--casefile") casefiles.push_back(argv[i + 1]);
    else if (option == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    else if (option == "--max-assertions") max_assertions = std::strtoull(argv[i + 1], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: serve_bench [--casefile FILE]... [--runs R] [--max-assertions N]\n");
      return 2;
    }
  }
  if (casefiles.empty()) {
    std::fprintf(stderr, "serve_bench: give --casefile FILE (tests/bench/casefile_generator --assertions 3000 -o FILE)\n");
    return 2;
  }
  int status = 0;
  for (const std::string& casefile : casefiles) status |= claimgraph::Bench(casefile, runs, max_assertions);
  return status;
}
