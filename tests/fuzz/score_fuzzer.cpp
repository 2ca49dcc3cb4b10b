// Builds small random graphs from the fuzz bytes (tests/fuzz/score_fuzz_case.h) and scores
// and explains them: scores and weights in [0, 1], chains within their group and the
// --max-chains cap, the explanation's sums equal to the score, the control index equal to a
// brute-force closure, and no crash or sanitizer report on cyclic citations, speakers or
// control.
#include <cstdio>
#include <cstdlib>

#include "score_fuzz_case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // small graphs: the point is their shapes, not their size
  const std::string broken = claimgraph::fuzz::CheckScoreInvariants(claimgraph::fuzz::DecodeScoreFuzzCase(data, size));
  if (!broken.empty()) {
    std::fprintf(stderr, "score_fuzzer: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
