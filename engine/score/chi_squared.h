// The chi-squared distribution, for CATD's confidence interval on a source's error
// variance (Li et al., VLDB 2015, equation 9).
#ifndef CLAIMGRAPH_SCORE_CHI_SQUARED_H_
#define CLAIMGRAPH_SCORE_CHI_SQUARED_H_

namespace claimgraph::score {

// P(X <= x) for X chi-squared with `degrees` degrees of freedom: the regularised lower
// incomplete gamma function P(degrees / 2, x / 2). REQUIRES: degrees > 0; 0 for x <= 0.
double ChiSquaredCdf(double x, double degrees);

// The x with ChiSquaredCdf(x, degrees) = probability, found by bisection to a relative
// width of 1e-14 (the CDF is increasing, so bisection cannot miss it).
// REQUIRES: 0 < probability < 1, degrees > 0.
double ChiSquaredQuantile(double probability, double degrees);

}  // namespace claimgraph::score

#endif  // CLAIMGRAPH_SCORE_CHI_SQUARED_H_
