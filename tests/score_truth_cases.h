// Small casefiles shared by the truth-discovery tests, small enough to work out by hand.
#ifndef CLAIMGRAPH_TESTS_SCORE_TRUTH_CASES_H_
#define CLAIMGRAPH_TESTS_SCORE_TRUTH_CASES_H_

#include <vector>

#include "claimgraph/graph.h"
#include "score/truth_discovery.h"

namespace claimgraph::testing {

// Three sources, two items. Claim "a" stands alone (facts 0 = a, 1 = not a); claims "b1"
// and "b2" answer one question (facts 2 = b1, 3 = b2).
//   s0: supports a, supports b1      votes: s0 -> {0, 2}
//   s1: supports a, supports b1             s1 -> {0, 2}
//   s2: refutes a, supports b2              s2 -> {1, 3}
inline CaseData ThreeSourceCase() {
  CaseData data;
  data.sources = {{.id = "s0"}, {.id = "s1"}, {.id = "s2"}};
  data.claims = {{.id = "a", .text = "A"},
                 {.id = "b1", .text = "B is one", .question = "b", .value = "one"},
                 {.id = "b2", .text = "B is two", .question = "b", .value = "two"}};
  data.assertions = {{.source = 0, .claim = 0}, {.source = 0, .claim = 1},
                     {.source = 1, .claim = 0}, {.source = 1, .claim = 1},
                     {.source = 2, .claim = 0, .stance = Stance::kRefutes},
                     {.source = 2, .claim = 2}};
  return data;
}

// Four reliable sources (r0..r3) and two unreliable ones (u0, u1) over four questions with
// two answers each (claims q<k>-right and q<k>-wrong). The reliable group always agrees on
// the right answer; each unreliable source gives the wrong answer on every question, and
// one of them also the right answer on question 0, so that no method can win by counting
// a source's votes alone.
inline CaseData ClearCase() {
  CaseData data;
  for (const char* id : {"r0", "r1", "r2", "r3", "u0", "u1"}) data.sources.push_back({.id = id});
  for (int k = 0; k < 4; ++k) {
    const std::string question = "q" + std::to_string(k);
    data.claims.push_back({.id = question + "-right", .question = question, .value = "right"});
    data.claims.push_back({.id = question + "-wrong", .question = question, .value = "wrong"});
  }
  for (Index k = 0; k < 4; ++k) {
    for (Index r = 0; r < 4; ++r) data.assertions.push_back({.source = r, .claim = 2 * k});
    data.assertions.push_back({.source = 4, .claim = 2 * k + 1});
    data.assertions.push_back({.source = 5, .claim = 2 * k + 1});
  }
  data.assertions.push_back({.source = 4, .claim = 0});
  return data;
}

inline score::VoteArrays VotesOf(CaseData data) {
  return score::BuildVoteArrays(ProvenanceGraph(std::move(data)));
}

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_SCORE_TRUTH_CASES_H_
