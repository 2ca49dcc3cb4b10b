#include "score/chi_squared.h"

#include <cmath>

namespace claimgraph::score {
namespace {

// P(a, x) by its power series, which converges fast for x < a + 1:
//   P(a, x) = e^-x x^a / Gamma(a + 1) * sum over n >= 0 of x^n / ((a + 1) ... (a + n)).
double LowerGammaSeries(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < 10000; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * 1e-16) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) = 1 - P(a, x) by its continued fraction (modified Lentz's method), which
// converges fast for x >= a + 1 (Press et al., Numerical Recipes, section 6.2).
double UpperGammaFraction(double a, double x) {
  constexpr double kTiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / kTiny, d = 1.0 / b, fraction = d;
  for (int n = 1; n < 10000; ++n) {
    const double an = -n * (n - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double step = d * c;
    fraction *= step;
    if (std::fabs(step - 1.0) < 1e-16) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * fraction;
}

}  // namespace

double ChiSquaredCdf(double x, double degrees) {
  if (x <= 0) return 0.0;
  const double a = degrees / 2, half = x / 2;
  return half < a + 1 ? LowerGammaSeries(a, half) : 1.0 - UpperGammaFraction(a, half);
}

double ChiSquaredQuantile(double probability, double degrees) {
  double low = 0.0, high = degrees + 1.0;
  while (ChiSquaredCdf(high, degrees) < probability) {
    low = high;
    high *= 2;
  }
  while (high - low > 1e-14 * high) {
    const double middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;
    (ChiSquaredCdf(middle, degrees) < probability ? low : high) = middle;
  }
  return low + (high - low) / 2;
}

}  // namespace claimgraph::score
