// Corroboration: how well each claim is supported, counting independent origins rather
// than reports. This header is the contract the render, query and export layers read;
// the algorithms live in engine/score/, one file each.
#ifndef CLAIMGRAPH_SCORE_H_
#define CLAIMGRAPH_SCORE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

// The verdict band of a claim, from its score and evidence (thresholds in
// engine/score/verdict.cpp and the README).
enum class VerdictBand : uint8_t {
  kCorroborated,      // two or more independent, disinterested supporting origins, little refutation
  kSingleOrigin,      // all support traces back to one independent origin
  kSelfReportedOnly,  // every supporting origin has a stake in the claim
  kContested,         // independent groups both support and refute it
  kRefuted,           // refutation outweighs support
  kUnsupported,       // no source supports it (only reports, or nothing)
};
std::string_view Name(VerdictBand band);  // "corroborated", "single origin", ...

// One step of a chain from a reporting source up to an origin.
struct ChainStep {
  NodeRef node;                        // a source, or the entity a claim is attributed to
  enum class Via : uint8_t { kStart, kCitation, kSpeaker } via = Via::kStart;
  Index citation = kNoIndex;           // with kCitation: the citation followed
};

// The path from an assertion's source to one of its origins; front() is the reporting
// source, back() the origin. A source that speaks in its own voice and cites nothing is a
// one-step chain.
struct ProvenanceChain {
  Index assertion = kNoIndex;
  std::vector<ChainStep> steps;
  NodeRef origin() const { return steps.back().node; }
};

// Assertions of one claim, with one stance, whose origins coincide or share a controlling
// entity: they count once, however many reports repeat them.
struct EvidenceGroup {
  Stance stance = Stance::kSupports;
  std::vector<NodeRef> origins;          // distinct origins, sorted
  Index controller = kNoIndex;           // the entity that joins the origins, if they were merged by control
  std::vector<Index> assertions;         // the reports in this group, sorted
  std::vector<ProvenanceChain> chains;   // one per (assertion, origin), up to ScoreOptions::max_chains
  size_t chains_left_out = 0;            // the chains not recorded because of that cap
  bool interested = false;               // an origin is, or is controlled by, an entity the claim is about
  double reliability = 0.0;              // the group's source reliability used, in [0, 1]
  double weight = 0.0;                   // its contribution to the score's evidence
  // Added by the scorer (engine/score/evidence_groups.h explains each):
  Index reliability_source = kNoIndex;   // the source whose trust is `reliability`
  double confidence = 1.0;               // the highest assertion confidence in the group
  // A group against the claim that (partly) supports a mutually exclusive claim instead of
  // refuting this one; its `assertions` then include assertions of that other claim.
  bool competing = false;
};

struct ClaimScore {
  Index claim = kNoIndex;
  // The probability that the claim is true, in [0, 1], whatever the method: 0.5 no evidence
  // either way. For corroboration the Beta expectation (S + 1) / (S + R + 2); for a
  // truth-discovery method its belief as a distribution over the claim's data item
  // (docs/truth-discovery.md, "Probabilities").
  double score = 0.5;
  // The method's own belief, on its own scale (for corroboration, the score itself).
  double belief = 0.5;
  VerdictBand verdict = VerdictBand::kUnsupported;
  size_t reports = 0;                    // assertions of any stance
  size_t supporting_reports = 0;
  size_t refuting_reports = 0;
  size_t independent_origins = 0;        // supporting and refuting evidence groups
  size_t interested_origins = 0;         // evidence groups flagged as interested
  size_t origins_for = 0;                // evidence groups supporting the claim
  size_t origins_against = 0;            // evidence groups against it (refuting, or for a rival)
  // Supporting groups first, then refuting, each by weight. Empty, like `explanation`,
  // when ScoreOptions::keep_groups is off; the counts above are always filled.
  std::vector<EvidenceGroup> groups;
  std::string explanation;               // how the groups combine into the score, in words
};

struct ScoreOptions {
  // "corroboration" (default, independence-aware), or a truth-discovery method:
  // "majority", "sums", "average-log", "investment", "pooled-investment", "truthfinder",
  // "2-estimates", "3-estimates", "accucopy".
  std::string method = "corroboration";
  // Learn source reliability with this truth-discovery method and use it inside the
  // corroboration score; "" uses the casefile priors (or 0.5) only.
  std::string reliability_method = "catd";
  // Weight of an interested evidence group relative to a disinterested one.
  double interested_weight = 0.25;
  // Use the casefile's past verdicts to fit source reliability before scoring the rest.
  bool use_verdicts = true;
  // Fill EvidenceGroup::chains (explain and render show them); turning it off saves memory
  // on very large graphs and changes nothing else.
  bool record_chains = true;
  // At most this many chains are recorded per group (the first reports', in assertion
  // order); the others are counted in EvidenceGroup::chains_left_out. Explanations,
  // queries and pictures print that count instead of the chains.
  size_t max_chains = 10;
  // Threads for the vote arrays, the truth-discovery method and the evidence groups; 0
  // means every core (std::thread::hardware_concurrency()). The result is byte-identical
  // for every count: fixed partitions, reductions in a fixed order.
  size_t threads = 0;
  // Keep every claim's EvidenceGroups and the explanation text (explain, render, the
  // queries and exports that show them). Off, the groups are still formed, since the
  // verdict and the origin counts come from them, but each claim keeps only the counts:
  // `claimgraph score` prints nothing else, and a million claims' group vectors and
  // sentences cost more than forming them. Changes no score, count or verdict.
  bool keep_groups = true;
  Status Validate() const;
};

struct CorroborationResult {
  std::string method;
  std::vector<ClaimScore> claims;        // indexed like ProvenanceGraph::claims()
  std::vector<double> source_trust;      // indexed like ProvenanceGraph::sources(), in [0, 1]
  size_t iterations = 0;                 // of the reliability method; 0 when not iterative
  double residual = 0.0;                 // its final change between iterations
  bool converged = true;
  // Where source_trust came from: the reliability (or scoring) method's name, or "priors"
  // (casefile reliability, else 0.5) when none was asked for or the method failed; then
  // trust_fallback_reason holds the method's error.
  std::string trust_origin = "priors";
  std::string trust_fallback_reason;
  double interested_weight = 0.25;       // ScoreOptions::interested_weight, as used
  size_t max_chains = 10;                // ScoreOptions::max_chains, as used
};

// Scores every claim of the graph.
Result<CorroborationResult> Score(const ProvenanceGraph& graph, const ScoreOptions& options = {});

// The data items of the graph: the claims that compete for one answer (the same `question`,
// or joined by `excludes`, transitively), each in claim order, items in the order of their
// first claim. A claim with no alternative is an item alone: it competes with its negation.
std::vector<std::vector<Index>> DataItems(const ProvenanceGraph& graph);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_SCORE_H_
