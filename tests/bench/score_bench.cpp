// Scoring benchmark (issue 3, item 10): graph build or casefile load, vote-array build,
// the default corroboration score, and every truth-discovery method (time in all and per
// iteration, assertion visits per second), with the process's peak memory.
//
//   score_bench [--assertions N] [--runs R] [--methods LIST] [--scores LIST] [--casefile FILE]...
//
// --scores: comma-separated corroboration scores to time, of "priors-chains", "priors",
// "default" (as `claimgraph score` runs it) and "chains" (as `explain`); default: all,
// "none" for none.
// --methods: comma-separated truth-discovery methods to time (default: all; "none" for
// none, e.g. to profile the default score alone).
//
// Without --casefile the graph is generated in memory with a fixed seed (shape below);
// with it, the casefiles (e.g. from tests/bench/casefile_generator) are loaded and the load
// is timed too. Each figure is the median of R runs (default 3). Goals: the default score
// of 10M assertions under 10 s on one core; iterative methods at >= 100M assertion visits/s.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "score/truth_discovery.h"

namespace claimgraph {
namespace {

// The generated shape, per N assertions: N/4 sources (about 4 claims each), N/8 claims
// (about 8 reports each, claims paired into two-answer questions), max(100, N/1000)
// entities of which a fifth are controlled by one of 10 states; 30% of assertions name an
// entity speaker, 40% of later reports of a claim cite an earlier report of it; stances
// 80% supports, 15% refutes, 5% reports; 30% of sources have a reliability prior.
CaseData Generate(size_t assertion_count) {
  std::mt19937_64 random(20171211);
  auto below = [&](size_t n) { return static_cast<Index>(random() % n); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  CaseData data;
  const size_t entity_count = std::max<size_t>(100, assertion_count / 1000);
  const size_t source_count = std::max<size_t>(8, assertion_count / 4);
  const size_t claim_count = std::max<size_t>(2, assertion_count / 8);
  data.entities.resize(entity_count);
  for (Index e = 0; e < entity_count; ++e) {
    data.entities[e].id = "e" + std::to_string(e);
    data.entities[e].name = "Entity " + std::to_string(e);
    if (e >= 10 && chance(0.2)) data.entities[e].controlled_by = {below(10)};
  }
  data.sources.resize(source_count);
  for (Index s = 0; s < source_count; ++s) {
    data.sources[s].id = "s" + std::to_string(s);
    data.sources[s].title = "Source " + std::to_string(s);
    data.sources[s].publisher = below(entity_count);
    if (chance(0.3)) data.sources[s].reliability = 0.3 + 0.6 * (below(1000) / 1000.0);
  }
  data.claims.resize(claim_count);
  for (Index c = 0; c < claim_count; ++c) {
    data.claims[c].id = "c" + std::to_string(c);
    data.claims[c].text = "Claim " + std::to_string(c);
    data.claims[c].question = "q" + std::to_string(c / 2);
    if (chance(0.3)) data.claims[c].about = {below(entity_count)};
  }
  data.assertions.reserve(assertion_count);
  std::vector<Index> reporters;
  for (Index c = 0; data.assertions.size() < assertion_count; c = (c + 1) % claim_count) {
    reporters.clear();
    for (int k = 0; k < 8 && data.assertions.size() < assertion_count; ++k) reporters.push_back(below(source_count));
    std::sort(reporters.begin(), reporters.end());
    reporters.erase(std::unique(reporters.begin(), reporters.end()), reporters.end());
    for (size_t k = 0; k < reporters.size(); ++k) {
      Assertion assertion{.source = reporters[k], .claim = c};
      double stance = std::uniform_real_distribution<double>(0, 1)(random);
      assertion.stance = stance < 0.8 ? Stance::kSupports : stance < 0.95 ? Stance::kRefutes : Stance::kReports;
      if (chance(0.3)) assertion.speaker = {NodeKind::kEntity, below(entity_count)};
      data.assertions.push_back(assertion);
      // Cite an earlier (lower-numbered) reporter of the same claim: acyclic by construction.
      if (k > 0 && chance(0.4)) data.citations.push_back({.from = reporters[k], .to = reporters[below(k)]});
    }
  }
  return data;
}

// "a,b" -> {"a", "b"}; "none" -> {}.
std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> parts;
  if (list == "none") return parts;
  size_t start = 0;
  for (size_t comma = list.find(','); comma != std::string::npos; comma = list.find(',', start)) {
    parts.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  parts.push_back(list.substr(start));
  return parts;
}

double Seconds(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double PeakMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int Run(int argc, char** argv) {
  size_t assertion_count = 1000000, runs = 3;
  std::vector<std::string> casefiles;
  std::vector<std::string> methods = score::TruthDiscoveryMethods();
  std::vector<std::string> scores = {"priors-chains", "priors", "default", "chains"};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--assertions") assertion_count = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--runs") runs = std::max<size_t>(1, std::strtoull(argv[i + 1], nullptr, 10));
    else if (flag == "--casefile") casefiles.push_back(argv[i + 1]);
    else if (flag == "--methods") methods = SplitCommas(argv[i + 1]);
    else if (flag == "--scores") scores = SplitCommas(argv[i + 1]);
    else {
      std::fprintf(stderr, "score_bench: unknown option '%s'\n", argv[i]);
      return 2;
    }
  }

  std::vector<double> build_times;
  std::optional<ProvenanceGraph> graph;
  for (size_t run = 0; run < runs; ++run) {
    graph.reset();
    if (casefiles.empty()) {
      CaseData data = Generate(assertion_count);
      build_times.push_back(Seconds([&] { graph.emplace(std::move(data)); }));
    } else {
      LoadResult loaded;
      build_times.push_back(Seconds([&] { loaded = LoadCasefiles(casefiles); }));
      if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
        return 2;
      }
      graph = std::move(loaded.graph);
    }
  }
  const size_t assertions = graph->assertions().size();
  std::printf("assertions %zu, sources %zu, claims %zu, entities %zu, citations %zu; median of %zu runs\n",
              assertions, graph->sources().size(), graph->claims().size(), graph->entities().size(),
              graph->citations().size(), runs);
  std::printf("%-44s %10.3f s\n", casefiles.empty() ? "graph build (in memory)" : "load casefiles",
              Median(build_times));

  std::vector<double> vote_times;
  score::VoteArrays votes;
  for (size_t run = 0; run < runs; ++run) vote_times.push_back(Seconds([&] { votes = score::BuildVoteArrays(*graph); }));
  std::printf("%-44s %10.3f s\n", "vote arrays", Median(vote_times));

  auto time_score = [&](const char* label, ScoreOptions options) {
    const std::string name = label;
    if (std::find(scores.begin(), scores.end(), name.substr(0, name.find(':'))) == scores.end()) return;
    std::vector<double> times;
    for (size_t run = 0; run < runs; ++run) {
      times.push_back(Seconds([&] {
        Result<CorroborationResult> result = Score(*graph, options);
        if (!result.ok()) std::fprintf(stderr, "%s\n", result.status().message().c_str());
      }));
    }
    double median = Median(times);
    std::printf("%-44s %10.3f s  %8.1f M assertions/s\n", label, median, assertions / median / 1e6);
  };
  ScoreOptions priors;
  priors.reliability_method = "";
  time_score("priors-chains: corroboration, priors, with chains", priors);
  priors.record_chains = false;
  time_score("priors: corroboration, priors, no chains", priors);
  ScoreOptions defaults;
  // As `claimgraph score` runs it: no chains, no groups kept (explain keeps both).
  defaults.record_chains = false;
  defaults.keep_groups = false;
  time_score("default: as `claimgraph score`", defaults);
  time_score("chains: default with chains, as `explain`", ScoreOptions{});

  for (const std::string& method : methods) {
    std::vector<double> times;
    size_t iterations = 0;
    for (size_t run = 0; run < runs; ++run) {
      times.push_back(Seconds([&] {
        Result<score::TruthDiscoveryResult> result = score::RunTruthDiscovery(method, votes);
        iterations = result.ok() ? result->iterations : 0;
      }));
    }
    double median = Median(times), per_iteration = median / std::max<size_t>(1, iterations);
    std::printf("method %-37s %10.3f s  %3zu iterations  %8.4f s/iteration  %8.1f M assertion visits/s\n",
                method.c_str(), median, iterations, per_iteration, assertions / per_iteration / 1e6);
  }
  std::printf("%-44s %10.0f MB\n", "peak memory (resident)", PeakMegabytes());
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) { return claimgraph::Run(argc, argv); }
