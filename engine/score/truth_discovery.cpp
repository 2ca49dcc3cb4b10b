// The registry of truth-discovery methods, and the helpers the method files share.
#include "score/truth_discovery.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "score/accucopy.h"
#include "score/average_log.h"
#include "score/catd.h"
#include "score/crh.h"
#include "score/investment.h"
#include "score/latent_truth.h"
#include "score/majority_vote.h"
#include "score/parallel_ranges.h"
#include "score/pooled_investment.h"
#include "score/semi_supervised.h"
#include "score/sums.h"
#include "score/three_estimates.h"
#include "score/truthfinder.h"
#include "score/two_estimates.h"

namespace claimgraph::score {

const std::vector<std::string>& TruthDiscoveryMethods() {
  static const std::vector<std::string> methods = {
      "majority",    "sums",        "average-log", "investment", "pooled-investment",
      "truthfinder", "2-estimates", "3-estimates", "accucopy",   "catd",
      "truthfinder-implication", "crh", "semi-supervised", "latent-truth"};
  return methods;
}

namespace {
const DistributedRunner* distributed_runner = nullptr;
}  // namespace

const std::vector<std::string>& DistributableMethods() {
  static const std::vector<std::string> methods = {"majority", "sums", "average-log", "investment",
                                                   "pooled-investment", "catd",
                                                   "truthfinder", "truthfinder-implication", "crh",
                                                   "2-estimates", "3-estimates", "semi-supervised"};
  return methods;
}

void SetDistributedRunner(const DistributedRunner* runner) { distributed_runner = runner; }

Result<TruthDiscoveryResult> RunTruthDiscovery(std::string_view method, const VoteArrays& votes,
                                               const FactLabels* labels) {
  if (distributed_runner != nullptr) return distributed_runner->Run(method, votes, labels);
  return RunTruthDiscoveryLocally(method, votes, labels);
}

Result<TruthDiscoveryResult> RunTruthDiscoveryLocally(std::string_view method, const VoteArrays& votes,
                                                      const FactLabels* labels) {
  if (method == "majority") return RunMajorityVote(votes, labels);
  if (method == "sums") return RunSums(votes, labels);
  if (method == "average-log") return RunAverageLog(votes, labels);
  if (method == "investment") return RunInvestment(votes, labels);
  if (method == "pooled-investment") return RunPooledInvestment(votes, labels);
  if (method == "truthfinder") return RunTruthFinder(votes, labels);
  if (method == "2-estimates") return RunTwoEstimates(votes, labels);
  if (method == "3-estimates") return RunThreeEstimates(votes, labels);
  if (method == "accucopy") return RunAccuCopy(votes, labels);
  if (method == "catd") return RunCatd(votes, labels);
  if (method == "truthfinder-implication") return RunTruthFinder(votes, labels, {.value_implication = true});
  if (method == "crh") return RunCrh(votes, labels);
  if (method == "semi-supervised") return RunSemiSupervised(votes, labels);
  if (method == "latent-truth") return RunLatentTruth(votes, labels);
  std::string known;
  for (const std::string& name : TruthDiscoveryMethods()) known += (known.empty() ? "" : ", ") + name;
  return Status::Error("unknown truth-discovery method \"" + std::string(method) +
                       "\"; known methods: " + known);
}

std::string FormatOptionValue(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

Status ValidateIterationOptions(size_t max_iterations, double tolerance) {
  if (max_iterations < 1) {
    return Status::Error("max_iterations must be at least 1, got " + std::to_string(max_iterations));
  }
  if (!std::isfinite(tolerance) || tolerance < 0) {
    return Status::Error("tolerance must be a finite number >= 0, got " + FormatOptionValue(tolerance));
  }
  return Status::Ok();
}

double MaxAbsDifference(const std::vector<double>& a, const std::vector<double>& b) {
  double largest = 0.0;
  for (size_t i = 0; i < a.size(); ++i) largest = std::max(largest, std::fabs(a[i] - b[i]));
  return largest;
}

bool EndIteration(std::vector<double>& next, std::vector<double>& current, double tolerance,
                  TruthDiscoveryResult& result) {
  return EndIteration(MaxAbsDifference(next, current), next, current, tolerance, result);
}

bool EndIteration(double residual, std::vector<double>& next, std::vector<double>& current, double tolerance,
                  TruthDiscoveryResult& result) {
  result.residual = residual;
  std::swap(current, next);
  result.converged = result.iterations > 1 && result.residual <= tolerance;
  return result.converged;
}

void ScaleByMax(std::vector<double>& values, const VoteArrays* votes) {
  double largest = 0.0;
  for (double value : values) largest = std::max(largest, value);
  if (votes != nullptr) largest = votes->MaxOverRanks(largest);
  if (largest <= 0.0) return;
  const double scale = 1.0 / largest;
  for (double& value : values) value *= scale;
}

void ApplyFixedBeliefs(const std::vector<int8_t>& fixed, std::vector<double>& belief) {
  for (size_t f = 0; f < fixed.size(); ++f) {
    if (fixed[f] >= 0) belief[f] = fixed[f];
  }
}

namespace {
// sums[r] = row r's sum of value, for rows [0, row_count), the rows cut into ranges for the
// threads.
void WriteRowSums(const Rows& rows, size_t row_count, size_t threads, const std::vector<double>& value,
                  std::vector<double>& sums) {
  sums.resize(row_count);
  double* out = sums.data();
  ForEachRange(row_count, threads, [&](size_t first, size_t last) {
    ForEachRowSum(rows, value.data(), first, last, [out](size_t row, double sum) { out[row] = sum; });
  });
}
}  // namespace

void SumOverFactRows(const VoteArrays& votes, const std::vector<double>& per_source, std::vector<double>& per_fact) {
  WriteRowSums(votes.FactRows(), votes.fact_count, votes.threads, per_source, per_fact);
}

void SumOverSourceRows(const VoteArrays& votes, const std::vector<double>& per_fact, std::vector<double>& per_source) {
  SumOverSourceRows(votes, votes.source_offsets, votes.source_facts, per_fact, per_source);
}

void SumOverSourceRows(const VoteArrays& votes, const std::vector<uint32_t>& offsets,
                       const std::vector<uint32_t>& entries, const std::vector<double>& per_entry,
                       std::vector<double>& per_source) {
  if (votes.reducer != nullptr) {  // a chain over the ranks, from zero
    per_source.assign(votes.source_count, 0.0);
    AddOverSourceRows(votes, offsets, entries, per_entry, per_source);
    return;
  }
  // In one process each sum starts from +0.0, as the chain's would, without the pass that
  // writes the zeros first.
  WriteRowSums({offsets.data(), entries.data(), entries.size()}, votes.source_count, votes.threads, per_entry,
               per_source);
}

void AddOverSourceRows(const VoteArrays& votes, const std::vector<uint32_t>& offsets,
                       const std::vector<uint32_t>& entries, const std::vector<double>& per_entry,
                       std::vector<double>& running_sums) {
  const Rows rows{offsets.data(), entries.data(), entries.size()};
  votes.ChainOverRanks(running_sums, [&](std::vector<double>& running, size_t block_first, size_t block_last) {
    double* sums = running.data();
    ForEachRange(block_last - block_first, votes.threads, [&](size_t first, size_t last) {
      ForEachRowSum(
          rows, per_entry.data(), block_first + first, block_first + last, [sums](size_t s) { return sums[s]; },
          [sums](size_t s, double sum) { sums[s] = sum; });
    });
  });
}

std::vector<double> ViewCounts(const VoteArrays& votes) {
  std::vector<double> views(votes.source_count, 0.0);
  for (size_t s = 0; s < votes.source_count; ++s) {
    uint32_t count = 0;
    for (uint32_t k = votes.source_item_offsets[s]; k < votes.source_item_offsets[s + 1]; ++k) {
      const uint32_t item = votes.source_items[k];
      count += votes.item_offsets[item + 1] - votes.item_offsets[item];
    }
    views[s] = count;
  }
  votes.SumOverRanks(views);
  return views;
}

std::vector<double> InitialTrust(const VoteArrays& votes, double fallback, bool use_priors) {
  std::vector<double> trust(votes.source_count, fallback);
  if (use_priors) {
    for (size_t s = 0; s < votes.source_count; ++s) {
      if (!std::isnan(votes.source_prior[s])) trust[s] = votes.source_prior[s];
    }
  }
  return trust;
}

void SetTrustOfSilentSources(const VoteArrays& votes, std::vector<double>& trust) {
  for (size_t s = 0; s < votes.source_count; ++s) {
    if (votes.VoteCountOfSource(s) == 0) {
      trust[s] = std::isnan(votes.source_prior[s]) ? 0.5 : votes.source_prior[s];
    }
  }
}

}  // namespace claimgraph::score
