// The score fuzzer's case (tests/fuzz/score_fuzzer.cpp), shared with the doctest that
// replays its findings (tests/score_pathological_test.cpp): a small graph decoded from
// arbitrary bytes, and the invariants that scoring and explaining it must keep. Unlike the
// loader, the decoder allows what the loader refuses (citation cycles, self-citations), so
// that the walks are tried on graphs the loader would never hand them.
#ifndef CLAIMGRAPH_TESTS_FUZZ_SCORE_FUZZ_CASE_H_
#define CLAIMGRAPH_TESTS_FUZZ_SCORE_FUZZ_CASE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "model/control_index.h"
#include "score/explanation.h"

namespace claimgraph::fuzz {

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  uint8_t Next() { return at_ < size_ ? data_[at_++] : 0; }
  Index Below(size_t bound) { return static_cast<Index>(Next() % bound); }

 private:
  const uint8_t* data_;
  size_t size_, at_ = 0;
};

struct ScoreFuzzCase {
  CaseData data;
  ScoreOptions options;
};

// Up to 12 sources, 5 claims, 8 entities; then records until the bytes run out.
inline ScoreFuzzCase DecodeScoreFuzzCase(const uint8_t* bytes, size_t size) {
  ByteReader in(bytes, size);
  ScoreFuzzCase fuzz;
  CaseData& data = fuzz.data;
  const size_t sources = 1 + in.Below(12), claims = 1 + in.Below(5), entities = in.Below(9);
  const uint8_t flags = in.Next();
  fuzz.options.reliability_method = (flags & 1) ? "truthfinder" : "";
  fuzz.options.interested_weight = (flags & 2) ? 0.25 : 0.0;
  fuzz.options.max_chains = (flags >> 2) % 4;  // 0 to 3: the cap is reached often
  for (size_t e = 0; e < entities; ++e) data.entities.push_back({.id = "e" + std::to_string(e), .name = "E"});
  for (size_t s = 0; s < sources; ++s) {
    Source source{.id = "s" + std::to_string(s), .title = "S"};
    if (entities > 0 && (in.Next() & 1)) source.publisher = in.Below(entities);
    data.sources.push_back(source);
  }
  for (size_t c = 0; c < claims; ++c) data.claims.push_back({.id = "c" + std::to_string(c), .text = "C"});
  while (!in.empty()) {
    const uint8_t op = in.Next();
    switch (op % 6) {
      case 0:
      case 1: {  // an assertion
        Assertion assertion{.source = in.Below(sources), .claim = in.Below(claims)};
        assertion.stance = static_cast<Stance>(in.Below(3));
        assertion.confidence = static_cast<float>(in.Next()) / 255.0f;
        const uint8_t speaker = in.Next() % 3;
        if (speaker == 1) assertion.speaker = {NodeKind::kSource, in.Below(sources)};
        if (speaker == 2 && entities > 0) assertion.speaker = {NodeKind::kEntity, in.Below(entities)};
        data.assertions.push_back(assertion);
        break;
      }
      case 2:  // a citation, cycles and self-citations included
        data.citations.push_back({.from = in.Below(sources), .to = in.Below(sources)});
        break;
      case 3:  // control, cycles included
        if (entities > 0) data.entities[in.Below(entities)].controlled_by.push_back(in.Below(entities));
        break;
      case 4: {  // an exclusion, made symmetric as the loader does
        const Index a = in.Below(claims), b = in.Below(claims);
        if (a == b) break;
        for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
          auto& excludes = data.claims[x].excludes;
          if (std::find(excludes.begin(), excludes.end(), y) == excludes.end()) excludes.push_back(y);
        }
        break;
      }
      case 5:
        if (entities > 0) {
          auto& about = data.claims[in.Below(claims)].about;
          const Index entity = in.Below(entities);
          if (std::find(about.begin(), about.end(), entity) == about.end()) about.push_back(entity);
        }
        break;
    }
  }
  for (uint32_t i = 0; i < data.assertions.size(); ++i) data.assertions[i].place.position = i;
  return fuzz;
}

// Every entity's closure by breadth-first search: what ControlIndex must agree with.
inline std::vector<std::vector<Index>> BruteClosures(const ProvenanceGraph& graph) {
  std::vector<std::vector<Index>> closures(graph.entities().size());
  for (Index start = 0; start < closures.size(); ++start) {
    std::vector<Index>& found = closures[start];
    found.push_back(start);
    for (size_t head = 0; head < found.size(); ++head) {
      for (Index controller : graph.entities()[found[head]].controlled_by) {
        if (std::find(found.begin(), found.end(), controller) == found.end()) found.push_back(controller);
      }
    }
    std::sort(found.begin(), found.end());
  }
  return closures;
}

// "" when every invariant holds, else what broke.
inline std::string CheckScoreInvariants(const ScoreFuzzCase& fuzz) {
  const ProvenanceGraph graph{CaseData(fuzz.data)};
  // The control index against the brute-force closure.
  const ControlIndex control(graph);
  const std::vector<std::vector<Index>> closures = BruteClosures(graph);
  const size_t entities = closures.size();
  for (Index x = 0; x < entities; ++x) {
    for (Index y = 0; y < entities; ++y) {
      const NodeRef a{NodeKind::kEntity, x}, b{NodeKind::kEntity, y};
      if (control.ControlledBy(a, y) != std::binary_search(closures[x].begin(), closures[x].end(), y)) {
        return "ControlledBy(e" + std::to_string(x) + ", e" + std::to_string(y) + ") disagrees with the closure";
      }
      std::vector<Index> common;
      std::set_intersection(closures[x].begin(), closures[x].end(), closures[y].begin(), closures[y].end(),
                            std::back_inserter(common));
      auto keys_a = control.JoinKeys(a), keys_b = control.JoinKeys(b);
      bool shared = false;
      for (Index key : keys_a) shared |= std::find(keys_b.begin(), keys_b.end(), key) != keys_b.end();
      if (shared != !common.empty()) return "JoinKeys disagree with the closures on a pair";
      const NodeRef pair[] = {a, b};
      const Index expected = x == y ? closures[x].front() : (common.empty() ? kNoIndex : common.front());
      if (control.JoiningController(pair) != expected) return "JoiningController disagrees with the closures";
    }
  }
  Result<CorroborationResult> scored = Score(graph, fuzz.options);
  if (!scored.ok()) return "Score failed: " + scored.status().message();
  const CorroborationResult& result = scored.value();
  for (Index c = 0; c < result.claims.size(); ++c) {
    const ClaimScore& claim = result.claims[c];
    if (!(claim.score >= 0.0 && claim.score <= 1.0)) return "a score outside [0, 1]";
    double support = 0.0, against = 0.0;
    for (const EvidenceGroup& group : claim.groups) {
      if (!(group.weight >= 0.0 && group.weight <= 1.0)) return "a group weight outside [0, 1]";
      (group.stance == Stance::kSupports ? support : against) += group.weight;
      if (group.chains.size() > fuzz.options.max_chains) return "more chains than --max-chains";
      for (const ProvenanceChain& chain : group.chains) {
        if (chain.steps.empty()) return "an empty chain";
        if (std::find(group.origins.begin(), group.origins.end(), chain.origin()) == group.origins.end()) {
          return "a chain that ends outside its group's origins";
        }
      }
    }
    // The explanation's sums are the score: (S + 1) / (S + R + 2).
    if (std::fabs((support + 1.0) / (support + against + 2.0) - claim.score) > 1e-12) {
      return "claim c" + std::to_string(c) + ": the groups' sums do not give the score";
    }
    const std::string text = score::ExplainText(graph, result, c);
    if (text.find("arithmetic: " + claim.explanation + "\n") == std::string::npos) {
      return "the explanation does not hold the arithmetic";
    }
    if (score::ExplainJson(graph, result, c).empty()) return "an empty JSON explanation";
  }
  return "";
}

}  // namespace claimgraph::fuzz

#endif  // CLAIMGRAPH_TESTS_FUZZ_SCORE_FUZZ_CASE_H_
