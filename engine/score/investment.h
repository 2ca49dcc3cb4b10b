// Investment: Pasternack and Roth, "Knowing What to Believe (when you already know
// something)", COLING 2010, section 4.2. A source invests its trust evenly in the facts it
// votes for; a fact's belief grows non-linearly with the investment, and each investor is
// paid back in proportion to its share of the stake:
//   T^i(s) = sum over f in F(s) of B^{i-1}(f) * (T^{i-1}(s)/|F(s)|) / (sum over r in S(f) of T^{i-1}(r)/|F(r)|)
//   B^i(f) = G(sum over s in S(f) of T^i(s)/|F(s)|),   G(x) = x^g
// both divided by their maximum after each iteration, as the paper does.
#ifndef CLAIMGRAPH_SCORE_INVESTMENT_H_
#define CLAIMGRAPH_SCORE_INVESTMENT_H_

#include "score/truth_discovery.h"

namespace claimgraph::score {

struct InvestmentOptions {
  double growth_exponent = 1.2;  // g in G(x) = x^g, the paper's value for Investment; >= 1
  bool use_priors = true;        // start a source with a casefile reliability from that, else 1
  size_t max_iterations = 20;    // the paper's fixed 20 iterations; we also stop once trust settles
  double tolerance = 1e-6;       // on the largest change of a source's trust
  Status Validate() const;
};

// Scales: trust and belief in [0, 1], the largest being 1 (relative, not probabilities).
// Starts from trust 1 and the "voted" prior belief of the paper: a fact's share of its
// item's votes (1 / facts-in-item for an item nobody votes on). A fact nobody votes for
// ends with belief 0; a source that votes for nothing reports its prior or 0.5. Labelled
// facts keep belief 1 or 0.
Result<TruthDiscoveryResult> RunInvestment(const VoteArrays& votes, const FactLabels* labels = nullptr,
                                           const InvestmentOptions& options = {});

// Shared with PooledInvestment. One trust step and the investment that follows it: from
// `trust` and stake[f] = B(f) / H(f) (InvestmentStake), writes the new trust divided by its
// largest value into next_trust, and H of that trust into `received`. Each iteration's H of
// the new trust is the next iteration's H of the old one, so it is computed once per
// iteration. `share` (source_count entries) is scratch. The divisions by the largest value
// and the shares are taken in one pass, with the same operations in the same order as
// scaling first. Returns the largest change of a source's trust
// (MaxAbsDifference(next_trust, trust)), found in that pass.
double InvestmentStep(const VoteArrays& votes, const std::vector<double>& trust, const std::vector<double>& stake,
                      std::vector<double>& share, std::vector<double>& next_trust, std::vector<double>& received);
// stake[f] = B(f) / H(f), the return per unit invested (0 where nothing is invested).
void InvestmentStake(const std::vector<double>& belief, const std::vector<double>& received,
                     std::vector<double>& stake);
// H(f) = sum over s in S(f) of trust(s)/|F(s)|, the investment each fact receives.
// `share` is scratch of source_count entries (trust(s)/|F(s)|, computed once per source).
void InvestmentReceived(const VoteArrays& votes, const std::vector<double>& trust,
                        std::vector<double>& share, std::vector<double>& received);
// The end of a belief step, in one pass: belief divided by its largest value over every
// rank (as ScaleByMax; `largest` is this rank's), the labelled facts set to their labels
// (as ApplyFixedBeliefs), and the next step's stake from the final belief and `received`
// (as InvestmentStake).
void FinishBeliefStep(const VoteArrays& votes, double largest, const std::vector<int8_t>& fixed,
                      const std::vector<double>& received, std::vector<double>& belief, std::vector<double>& stake);
// "growth_exponent must be a finite number >= 1, got 0.5" and the iteration options.
Status ValidateInvestmentOptions(double growth_exponent, size_t max_iterations, double tolerance);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_INVESTMENT_H_
