// The Latent Truth Model: Zhao, Rubinstein, Gemmell and Han, "A Bayesian Approach to
// Discovering Truth from Conflicting Sources for Data Integration", VLDB 2012.
//
// Each source has two qualities instead of one trust: its false positive rate phi0(s)
// (how often it claims what is false) and its sensitivity phi1(s) (how often it claims
// what is true). The model is made for attributes with several true values, such as a
// book's authors: a seller that lists only the first author is not wrong about him, it is
// insensitive, and its silence about the second author is weak evidence against her. One
// vote-weighing trust (every other method here) cannot say that, and the truncated lists
// of the book data win by number (docs/evaluation.md, "Why the rest is wrong").
//
// Facts of the model. A value is read as its ';'-separated names (as value_similarity.h
// reads author lists; a value without ';' is one name), a name repeated in a value counted
// as often as it appears; an implicit negation, or a claim without a value, is one fact of
// its own. For every data item, the model's facts are the names of its values, and every
// source that votes in the item observes each of them: positively when a value it votes
// for holds the name, negatively when not. For a claim and its negation, a `supports` is a
// positive observation of the claim and a negative one of the negation.
//
// Generative model (section 4): t(f) ~ Bernoulli(theta(f)), theta(f) ~ Beta(beta1, beta0);
// phi0(s) ~ Beta(alpha01, alpha00), phi1(s) ~ Beta(alpha11, alpha10); an observation by s
// of f is positive with probability phi1(s) when t(f), phi0(s) otherwise. Inference is the
// paper's collapsed Gibbs sampler (section 5, equation 3): each fact's truth is drawn from
// its conditional given every other fact's, the qualities integrated out into counts of
// (truth, observation) per source. A fact's probability of being true is the mean of its
// conditional over the sweeps after the burn-in (the Rao-Blackwellised form of the paper's
// mean of samples: the same expectation with less noise, and never exactly 0 or 1).
//
// Scales. A value's probability: the facts of its item taken as independent, the value is
// right when exactly its names are true, P(v) proportional to the product over the item's
// names n of p(n) if n is in v, 1 - p(n) if not; normalised over the item's values (so a
// claim and its negation sum to 1). Belief is that probability. Trust is the source's
// precision, the share of its positive observations on facts sampled true, averaged over
// the sweeps after the burn-in.
//
// Deterministic: one sampler in one thread, facts in item order, std::mt19937_64 (its
// output is fixed by the C++ standard) from `seed`; the same input and options give the
// same bits on every machine and for every --threads. Not distributed: each draw changes
// the counts of every source observing the fact, and the next draw reads them.
#ifndef CLAIMGRAPH_SCORE_LATENT_TRUTH_H_
#define CLAIMGRAPH_SCORE_LATENT_TRUTH_H_

#include <cstdint>

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct LatentTruthOptions {
  // Beta priors as pseudo-counts, in the paper's notation. The false positive rate's prior
  // is strong and low (mean 100 / 10,100 = 0.0099): sources rarely invent a value, and the
  // prior must outweigh the data's many negative observations so that a fact observed by
  // few is not called false for that alone. Sensitivity's is even (mean 0.5), the truth
  // prior symmetric. These are the defaults of TrustFuse's LTM (alpha [[50, 50], [100,
  // 10000]], beta [10, 10]); the paper asks for a specificity prior of strength comparable
  // to the data and leaves the rest to the user. Each > 0 and finite.
  double false_positive_prior = 100;    // alpha01
  double true_negative_prior = 10000;   // alpha00
  double true_positive_prior = 50;      // alpha11
  double false_negative_prior = 50;     // alpha10
  double truth_prior_true = 10;         // beta1
  double truth_prior_false = 10;        // beta0
  // Sweeps over every fact, the first burn_in discarded: our choice, the paper's sampler
  // length not being at hand. Measured on books, both flight sets and Emergent
  // (docs/truth-discovery.md): the split-half residual below is at most 0.013 at these
  // values, and 100/20 or 1000/200 sweeps, or seeds 2 to 6, change the answer of at most
  // one item in any set (near-even ones). iterations >= burn_in + 2.
  size_t iterations = 200;
  size_t burn_in = 50;
  uint64_t seed = 1;
  // Convergence is judged as a split-half check (Geweke 1992, in its plainest form): the
  // largest difference over facts between the mean of the first and of the second half of
  // the kept sweeps. Converged when it is at most this. Finite and >= 0.
  double tolerance = 0.05;
  // false: every value is one fact, names not read (the model on single-valued data, as
  // DAFNA runs it).
  bool split_names = true;
  Status Validate() const;
};

Result<TruthDiscoveryResult> RunLatentTruth(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                            const LatentTruthOptions& options = {});

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_LATENT_TRUTH_H_
