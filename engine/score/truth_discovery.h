// Internal to the score layer: the compact arrays that every truth-discovery method
// iterates, and the entry point that runs one method by name. One .cpp per method.
//
// Model. A "fact" is one answer a source can vote for. Each claim gives a fact; claims
// that exclude each other (the `excludes` relation, or the same `question`) form one
// "data item" whose facts compete. A claim with no alternative gets a second, implicit
// fact: its negation, so that a `refutes` assertion is a vote for the negation and a
// `supports` assertion a vote for the claim. For a claim with alternatives, `refutes` is
// a vote against it only (it is spread over the item's other facts). `reports` is not a
// vote. Each (source, fact) pair is counted once.
#ifndef CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_
#define CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"
#include "score/row_sums.h"

namespace claimgraph::score {

// Distributed scoring (engine/distributed/, docs/distributed.md) runs a method on each
// rank's own data items; the per-source sums of its votes are then partial, and the methods
// complete them through this hook before using them. Implementations must combine in a
// fixed order (rank order), so that a run with K ranks always gives the same bytes.
class RankReducer {
 public:
  virtual ~RankReducer() = default;
  // values[s] becomes the sum over ranks of every rank's values[s]; same size everywhere.
  // REQUIRES: every value is a whole number of magnitude below 2^53 (a count).
  virtual void SumOverRanks(std::vector<double>& values) const = 0;
  // The largest of every rank's `value`.
  virtual double MaxOverRanks(double value) const = 0;
  // running[s] continued by every rank in turn: rank r starts from what rank r - 1 passed
  // on, `add_own_terms(running, first, last)` adds its own terms to the sources [first,
  // last), and every rank ends with the last rank's values. A source's row is in fact order
  // and ranks hold consecutive items, so each sum adds the single process's terms in the
  // single process's order: the same bits (TruthFinder's -log(1 - t) near t = 1 amplifies
  // any other order's last bit past 1e-12). Sources go in blocks, so that rank r works on a
  // block while rank r + 1 works on the one before: a pipeline, not K passes in sequence.
  virtual void ChainOverRanks(
      std::vector<double>& running,
      const std::function<void(std::vector<double>&, size_t, size_t)>& add_own_terms) const = 0;
};

// Compressed sparse rows, both directions, built once from the graph.
struct VoteArrays {
  // The threads every method runs its loops on (score/parallel_ranges.h): results are the
  // same for every count, only the time changes. At least 1.
  size_t threads = 1;
  size_t source_count = 0;
  size_t fact_count = 0;
  size_t item_count = 0;
  // fact f: the claim it stands for, and whether it is that claim's implicit negation.
  std::vector<Index> claim_of_fact;
  std::vector<uint8_t> fact_is_negation;
  // item i: facts [item_offsets[i], item_offsets[i+1]) in item_facts; item_of_fact[f].
  // Facts are numbered in item order (item_facts[k] == k), so the facts of a range of
  // items are one range of fact rows.
  std::vector<uint32_t> item_offsets, item_facts, item_of_fact;
  // fact f: voting sources [fact_offsets[f], fact_offsets[f+1]) in fact_sources.
  std::vector<uint32_t> fact_offsets, fact_sources;
  // source s: facts it votes for [source_offsets[s], source_offsets[s+1]) in source_facts.
  std::vector<uint32_t> source_offsets, source_facts;
  // Casefile reliability priors; NaN where the casefile gives none.
  std::vector<double> source_prior;
  // fact of each claim (the positive fact), indexed by claim.
  std::vector<uint32_t> fact_of_claim;
  // Added for the methods that model an implicit "false" view (2-/3-Estimates) and source
  // dependence (AccuCopy). item i: the distinct sources voting for any of its facts,
  // [item_voter_offsets[i], item_voter_offsets[i+1]) in item_voters, ascending; source s:
  // the distinct items it votes in, [source_item_offsets[s], ...) in source_items, ascending.
  std::vector<uint32_t> item_voter_offsets, item_voters;
  std::vector<uint32_t> source_item_offsets, source_items;
  // source s: the sources it took material from (its citations), ascending, no duplicates,
  // no self-citation: [citation_offsets[s], citation_offsets[s+1]) in cited_sources.
  std::vector<uint32_t> citation_offsets, cited_sources;
  // claim c's `value` (Claim::value, may be empty) is value_text[value_offsets[c],
  // value_offsets[c+1]), for the methods that compare values (CRH's distances, TruthFinder's
  // implication). Copied, so that the arrays never depend on the graph outliving them.
  std::string value_text;
  std::vector<size_t> value_offsets;

  // Null in a single process. On a rank (RestrictToItems), the reducer that completes the
  // per-source sums, and each source's vote count over all ranks.
  const RankReducer* reducer = nullptr;
  std::vector<uint32_t> source_vote_total;

  // The number of votes of fact f, and of source s (over all ranks).
  uint32_t VoteCountOfFact(size_t f) const { return fact_offsets[f + 1] - fact_offsets[f]; }
  uint32_t VoteCountOfSource(size_t s) const {
    return source_vote_total.empty() ? source_offsets[s + 1] - source_offsets[s] : source_vote_total[s];
  }
  // The hook's two reductions; no-ops in a single process.
  void SumOverRanks(std::vector<double>& per_source) const {
    if (reducer != nullptr) reducer->SumOverRanks(per_source);
  }
  double MaxOverRanks(double value) const { return reducer != nullptr ? reducer->MaxOverRanks(value) : value; }
  void ChainOverRanks(std::vector<double>& running,
                      const std::function<void(std::vector<double>&, size_t, size_t)>& add_own_terms) const {
    if (reducer != nullptr) {
      reducer->ChainOverRanks(running, add_own_terms);
    } else {
      add_own_terms(running, 0, running.size());
    }
  }
  // The rows of the arrays above, for ForEachRowSum (score/row_sums.h).
  Rows ItemRows() const { return {item_offsets.data(), item_facts.data(), item_facts.size()}; }
  Rows FactRows() const { return {fact_offsets.data(), fact_sources.data(), fact_sources.size()}; }
  Rows SourceRows() const { return {source_offsets.data(), source_facts.data(), source_facts.size()}; }
  Rows ItemVoterRows() const { return {item_voter_offsets.data(), item_voters.data(), item_voters.size()}; }
  Rows SourceItemRows() const { return {source_item_offsets.data(), source_items.data(), source_items.size()}; }
  // Whether source `from` cites source `to` (binary search in from's row).
  bool Cites(uint32_t from, uint32_t to) const;
  // The value of the claim that fact f stands for; empty for an implicit negation.
  std::string_view ValueOfFact(size_t f) const;
};

// per_fact[f] = the sum of per_source[s] over f's voters, in the row's (ascending) order;
// rows are cut into ranges for the threads, each written by one. A fact's voters are on
// its own rank, so nothing crosses ranks.
void SumOverFactRows(const VoteArrays& votes, const std::vector<double>& per_source, std::vector<double>& per_fact);
// per_source[s] = the sum over s's votes, on every rank, of per_fact[f], added in fact order
// (VoteArrays::ChainOverRanks): the single process's sum, bit for bit, whatever the ranks.
void SumOverSourceRows(const VoteArrays& votes, const std::vector<double>& per_fact, std::vector<double>& per_source);
// The same over any per-source rows in item order (source_offsets and source_facts, or
// source_item_offsets and source_items).
void SumOverSourceRows(const VoteArrays& votes, const std::vector<uint32_t>& offsets,
                       const std::vector<uint32_t>& entries, const std::vector<double>& per_entry,
                       std::vector<double>& per_source);
// The same over any per-source rows in item order (`offsets`, `entries`: source_offsets and
// source_facts, or source_item_offsets and source_items), adding to `running` as it stands,
// so that one sum can run over a source's facts and then over its items, in the single
// process's order.
void AddOverSourceRows(const VoteArrays& votes, const std::vector<uint32_t>& offsets,
                       const std::vector<uint32_t>& entries, const std::vector<double>& per_entry,
                       std::vector<double>& running);
// Per source, the number of values in the items it votes on (its "views" in Galland et al.'s
// Estimates), over every rank's items: a sum of integers, exact in any order.
std::vector<double> ViewCounts(const VoteArrays& votes);

// `threads`: as ResolveThreadCount (0, the default, is every core); the arrays are the same
// for every count, and their `threads` is what the methods then use.
VoteArrays BuildVoteArrays(const ProvenanceGraph& graph, size_t threads = 0);

struct TruthDiscoveryResult;

// The methods that RunTruthDiscovery can run on a rank's part (RestrictToItems): those whose
// source update is a sum over the source's votes (or items) of per-fact (or per-item) terms,
// completed over the ranks (SumOverSourceRows, AddOverSourceRows, VoteArrays::SumOverRanks),
// and whose per-fact normalisation needs only a global maximum or minimum. Every method but
// AccuCopy, whose update compares pairs of sources.
const std::vector<std::string>& DistributableMethods();

// The arrays of items [first_item, last_item) only: their facts renumbered from 0 (facts of
// an item are contiguous, so global fact = local + item_offsets[first_item]), every source
// kept (same ids on every rank), each source's rows cut to those items, its vote count over
// all items kept in source_vote_total, claim ids and values unchanged. `reducer` is set.
VoteArrays RestrictToItems(const VoteArrays& votes, size_t first_item, size_t last_item, const RankReducer* reducer);

// Hands RunTruthDiscovery to a distributed runner for the rest of the process (null: run
// locally, the default). Process-wide like MPI_COMM_WORLD, which the runner stands for.
class DistributedRunner {
 public:
  virtual ~DistributedRunner() = default;
  virtual Result<TruthDiscoveryResult> Run(std::string_view method, const VoteArrays& votes,
                                                  const std::vector<int8_t>* labels) const = 0;
};
void SetDistributedRunner(const DistributedRunner* runner);
// Runs the method in this process only (what RunTruthDiscovery does without a runner).
Result<TruthDiscoveryResult> RunTruthDiscoveryLocally(std::string_view method, const VoteArrays& votes,
                                                             const std::vector<int8_t>* labels);

// Known labels for semi-supervised fitting: per fact, 1 true, 0 false, -1 unknown.
using FactLabels = std::vector<int8_t>;

// The beliefs that labels fix, per fact: 1, 0, or -1 (free). A fact labelled true makes
// every other fact of its item false; a claim labelled false makes its implicit negation
// true and the reverse. Null `labels` gives all -1. Fails when `labels` has the wrong size,
// a value other than -1, 0, 1, or two facts of one item end up both true.
Result<std::vector<int8_t>> ResolveLabels(const VoteArrays& votes, const FactLabels* labels);

struct TruthDiscoveryResult {
  std::string method;
  std::vector<double> fact_belief;   // per fact, in [0, 1]; within an item the highest wins
  // Per fact, the probability that it is its item's true fact: the facts of an item sum to
  // 1 (a claim and its implicit negation: P and 1 - P). A method may fill it itself; when it
  // does not, FillProbabilities (score/probability.cpp) applies the method's rule, so that
  // every method's `score` means the same thing.
  std::vector<double> fact_probability;
  std::vector<double> source_trust;  // per source, in [0, 1]
  size_t iterations = 0;
  double residual = 0.0;
  bool converged = true;
};

// The method names accepted by RunTruthDiscovery, in the order `scripts/eval` reports them.
const std::vector<std::string>& TruthDiscoveryMethods();

// Runs one method with its paper's default options. `labels` (may be null) fixes the
// belief of labelled facts while source trust is fitted, as a desk's past verdicts would.
Result<TruthDiscoveryResult> RunTruthDiscovery(std::string_view method, const VoteArrays& votes,
                                               const FactLabels* labels = nullptr);

// Helpers shared by the method files (one .cpp per method).

// Every iterative method stops after max_iterations, or earlier once no source's trust
// moved more than `tolerance` in the last iteration (result.residual, max-abs); it never
// stops after the first, whose trust comes from the starting beliefs rather than from a
// fitted trust, and may not have moved by chance.
// "max_iterations must be at least 1, got 0"; "tolerance must be a finite number >= 0, got -1".
Status ValidateIterationOptions(size_t max_iterations, double tolerance);
// A number as the error messages print it ("1.5", "0.2", "1e-06").
std::string FormatOptionValue(double value);
// max_i |a[i] - b[i]|, the residual every method reports. REQUIRES: equal sizes.
double MaxAbsDifference(const std::vector<double>& a, const std::vector<double>& b);
// Ends an iteration of an iterative method: result.residual = MaxAbsDifference(next,
// current), `next` becomes `current`, and the answer is whether to stop now (converged, by
// the rule above). REQUIRES: equal sizes.
bool EndIteration(std::vector<double>& next, std::vector<double>& current, double tolerance,
                  TruthDiscoveryResult& result);
// The same with the residual already found, in the loop that wrote `next`.
bool EndIteration(double residual, std::vector<double>& next, std::vector<double>& current, double tolerance,
                  TruthDiscoveryResult& result);
// Divides every value by the largest one (Pasternack and Roth normalise by the maximum after
// each iteration); leaves the values alone when the largest is 0. With `votes`, the largest
// over every rank's values (for per-fact values, which each rank holds only its part of).
void ScaleByMax(std::vector<double>& values, const VoteArrays* votes = nullptr);
// Overwrites belief[f] with 1 or 0 where fixed[f] says so (see ResolveLabels).
void ApplyFixedBeliefs(const std::vector<int8_t>& fixed, std::vector<double>& belief);
// Per source: its casefile prior where it has one and `use_priors`, else `fallback`.
std::vector<double> InitialTrust(const VoteArrays& votes, double fallback, bool use_priors);
// Sources that vote for nothing have nothing to learn from: every method reports their
// casefile prior, or 0.5 without one.
void SetTrustOfSilentSources(const VoteArrays& votes, std::vector<double>& trust);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_TRUTH_DISCOVERY_H_
