// Inner-loop benchmark (issue 11, items 3 and 4): every truth-discovery method on the
// given casefile, at each thread count, in assertion visits per second (assertions times
// iterations over the method's time, without the load and the vote arrays) and per core;
// also the vote arrays' build time. Each figure is the median of R runs. It checks that
// every thread count gives bit-identical beliefs and trust, and fails if not.
//
//   methods_bench --casefile FILE... [--threads 1,2] [--runs 3] [--methods LIST]
//
// Goal (issue 11, item 3): 150 million visits a second per core or more for every
// iterative method at 1M and 10M assertions; the random-gather limit of this machine is
// about 230 million (one cache miss per vote).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "score/parallel_ranges.h"
#include "score/truth_discovery.h"

namespace claimgraph {
namespace {

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t comma = list.find(','); comma != std::string::npos; comma = list.find(',', start)) {
    parts.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  parts.push_back(list.substr(start));
  return parts;
}

double Seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

int Run(int argc, char** argv) {
  size_t runs = 3;
  std::vector<std::string> casefiles, methods = score::TruthDiscoveryMethods();
  std::vector<size_t> thread_counts = {1, 2};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--casefile") {
      casefiles.push_back(argv[i + 1]);
    } else if (flag == "--runs") {
      runs = std::max<size_t>(1, std::strtoull(argv[i + 1], nullptr, 10));
    } else if (flag == "--methods") {
      methods = SplitCommas(argv[i + 1]);
    } else if (flag == "--threads") {
      thread_counts.clear();
      for (const std::string& part : SplitCommas(argv[i + 1])) thread_counts.push_back(std::strtoull(part.c_str(), nullptr, 10));
    } else {
      std::fprintf(stderr, "methods_bench: unknown option '%s'\n", argv[i]);
      return 2;
    }
  }
  if (casefiles.empty()) {
    std::fprintf(stderr, "methods_bench: give --casefile FILE\n");
    return 2;
  }
  LoadResult loaded = LoadCasefiles(casefiles);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 2;
  }
  const ProvenanceGraph& graph = *loaded.graph;
  const size_t assertions = graph.assertions().size();
  std::printf("assertions %zu, sources %zu, claims %zu; median of %zu runs\n", assertions,
              graph.sources().size(), graph.claims().size(), runs);
  int status = 0;
  std::vector<score::TruthDiscoveryResult> reference(methods.size());
  for (size_t threads : thread_counts) {
    const size_t used = score::ResolveThreadCount(threads);
    score::VoteArrays votes;
    std::vector<double> build_times;
    for (size_t run = 0; run < runs; ++run) {
      build_times.push_back(Seconds([&] { votes = score::BuildVoteArrays(graph, used); }));
    }
    std::printf("threads %zu: vote arrays %.3f s, %zu votes\n", used, Median(build_times), votes.source_facts.size());
    for (size_t m = 0; m < methods.size(); ++m) {
      std::vector<double> times;
      score::TruthDiscoveryResult result;
      for (size_t run = 0; run < runs; ++run) {
        times.push_back(Seconds([&] {
          Result<score::TruthDiscoveryResult> ran = score::RunTruthDiscovery(methods[m], votes);
          if (ran.ok()) result = std::move(ran.value());
        }));
      }
      const double median = Median(times), per_iteration = median / std::max<size_t>(1, result.iterations);
      const double visits = assertions / per_iteration / 1e6;
      std::printf("threads %zu  %-24s %8.3f s  %3zu iterations  %8.4f s/iteration  %7.1f M visits/s  %7.1f M/s per core\n",
                  used, methods[m].c_str(), median, result.iterations, per_iteration, visits, visits / used);
      if (threads == thread_counts.front()) {
        reference[m] = std::move(result);
      } else if (!SameBits(reference[m].fact_belief, result.fact_belief) ||
                 !SameBits(reference[m].source_trust, result.source_trust) ||
                 !SameBits(reference[m].fact_probability, result.fact_probability) ||
                 reference[m].iterations != result.iterations) {
        std::printf("  MISMATCH: %s with %zu threads differs from %zu threads\n", methods[m].c_str(), used,
                    thread_counts.front());
        status = 1;
      }
    }
  }
  return status;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Run(argc, argv); }
