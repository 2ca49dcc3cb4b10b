// The rules over resolved references (declared in ingest/record_checks.h).
#include <algorithm>
#include <map>
#include <utility>

#include "ingest/record_checks.h"
#include "model/strong_components.h"

namespace claimgraph::ingest {
namespace {

std::string Lowercase(std::string_view text) {
  // ASCII only: names in casefiles are mostly Latin; other scripts compare exactly.
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Finds cycles in the citation graph (from -> to) with an iterative depth-first search in
// index order; each edge that closes a cycle is reported once, with the cycle spelt out.
void CheckCitationCycles(const BuildState& state, DiagnosticSink& sink) {
  const CaseData& data = state.data;
  const size_t count = data.sources.size();
  std::vector<uint32_t> offsets(count + 1, 0);
  auto resolved = [](const Citation& citation) {
    return citation.from != kNoIndex && citation.to != kNoIndex;
  };
  for (const Citation& citation : data.citations) {
    if (resolved(citation)) ++offsets[citation.from + 1];
  }
  for (size_t i = 0; i < count; ++i) offsets[i + 1] += offsets[i];
  std::vector<Index> edges(offsets[count]);  // citation indices, grouped by `from`
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (Index i = 0; i < data.citations.size(); ++i) {
    if (resolved(data.citations[i])) edges[fill[data.citations[i].from]++] = i;
  }

  enum : uint8_t { kUnvisited, kOnStack, kDone };
  std::vector<uint8_t> color(count, kUnvisited);
  std::vector<std::pair<Index, uint32_t>> stack;  // (source, next edge position)
  std::vector<size_t> stack_position(count, 0);    // where a source on the stack is
  for (Index root = 0; root < count; ++root) {
    if (color[root] != kUnvisited) continue;
    stack.emplace_back(root, offsets[root]);
    stack_position[root] = 0;
    color[root] = kOnStack;
    while (!stack.empty()) {
      auto& [source, next] = stack.back();
      if (next == offsets[source + 1]) {
        color[source] = kDone;
        stack.pop_back();
        continue;
      }
      const Citation& citation = data.citations[edges[next++]];
      const Index target = citation.to;
      if (color[target] == kUnvisited) {
        color[target] = kOnStack;
        stack_position[target] = stack.size();
        stack.emplace_back(target, offsets[target]);
      } else if (color[target] == kOnStack) {
        if (!sink.accepting()) {  // dropped by the limit anyway: do not spell it out
          sink.Error(citation.place.file, "", "");
          continue;
        }
        // The cycle is the stack from `target` up; its position is kept per source, so a
        // deep chain with many closing edges costs no search.
        const size_t begin = stack_position[target];
        const size_t length = stack.size() - begin;
        std::string cycle;
        for (size_t i = begin; i < stack.size(); ++i) {
          if (length > 8 && i == begin + 3) {
            cycle += "... -> ";
            i = stack.size() - 1;
          }
          cycle += data.sources[stack[i].first].id + " -> ";
        }
        cycle += data.sources[target].id;
        sink.Error(citation.place.file, RecordPointer(RecordKind::kCitation, citation.place),
                   "citation cycle: " + cycle +
                       " (a source cannot take material, directly or through others, from itself)");
      }
    }
  }
}

// "a" -> "b" -> "a", spelt out in full up to eight ids; a longer cycle shows its first
// three and its last, so that a hostile cycle of a million entities stays one line.
std::string SpellCycle(const std::vector<std::string_view>& ids) {
  std::string text;
  const auto add = [&](std::string_view id) { text += Quoted(std::string(id)) + " -> "; };
  if (ids.size() <= 8) {
    for (std::string_view id : ids) add(id);
  } else {
    for (size_t i = 0; i < 3; ++i) add(ids[i]);
    text += "... -> ";
    add(ids.back());
  }
  return text + Quoted(std::string(ids.front()));
}

// Cycles of controlled_by: warned, not refused (the format does not forbid them, and an
// ownership loop does occur); the scorer treats the entities on one as one controller.
void WarnControlCycles(const CaseData& data, DiagnosticSink& sink) {
  std::vector<uint32_t> offsets(data.entities.size() + 1, 0), targets;
  for (size_t e = 0; e < data.entities.size(); ++e) {
    for (Index controller : data.entities[e].controlled_by) {
      if (controller != kNoIndex) targets.push_back(controller);
    }
    offsets[e + 1] = static_cast<uint32_t>(targets.size());
  }
  const StrongComponents components = FindStrongComponents(offsets, targets);
  std::vector<uint8_t> reported(components.count, 0);
  for (uint32_t e = 0; e < data.entities.size(); ++e) {  // the lowest index of each cycle
    const uint32_t component = components.component[e];
    if (!components.cyclic[component] || reported[component]) continue;
    reported[component] = 1;
    std::vector<std::string_view> ids;
    for (uint32_t member : CycleThrough(offsets, targets, components, e)) ids.push_back(data.entities[member].id);
    const Entity& entity = data.entities[e];
    sink.Warning(entity.place.file, RecordPointer(RecordKind::kEntity, entity.place) + "/controlled_by",
                 "control cycle" + (ids.size() > 8 ? " of " + std::to_string(ids.size()) + " entities" : "") +
                     ": " + SpellCycle(ids) +
                     " (each is controlled_by the next); the entities on it count as one controller");
  }
}

// Cycles of speaker attribution within one claim: a source that names another as the
// speaker of a claim that the other attributes back to it, directly or through others.
// Provenance tracing cuts such a cycle where it meets it again.
void WarnSpeakerCycles(const CaseData& data, DiagnosticSink& sink) {
  const std::vector<Assertion>& assertions = data.assertions;
  auto names_another = [](const Assertion& assertion) {
    return assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource &&
           assertion.speaker.index != assertion.source;
  };
  // No assertion names another source as its speaker: no edge, so no cycle.
  if (std::none_of(assertions.begin(), assertions.end(), names_another)) return;
  // The assertions by (claim, source, position), each key packed beside its assertion so
  // that the sort reads one array in order instead of two records per comparison (the
  // indirect sort was 6% of loading a million assertions).
  struct Keyed {
    uint64_t claim_source;
    Index assertion;
    bool operator<(const Keyed& other) const {
      return claim_source != other.claim_source ? claim_source < other.claim_source : assertion < other.assertion;
    }
  };
  auto pack = [](Index claim, Index source) { return (uint64_t{claim} << 32) | source; };
  std::vector<Keyed> by_claim_source(assertions.size());
  for (Index i = 0; i < assertions.size(); ++i) {
    by_claim_source[i] = Keyed{pack(assertions[i].claim, assertions[i].source), i};
  }
  std::sort(by_claim_source.begin(), by_claim_source.end());
  // An edge from an assertion to each assertion of the same claim by its speaker source.
  std::vector<uint32_t> offsets(assertions.size() + 1, 0), targets;
  for (Index a = 0; a < assertions.size(); ++a) {
    const Assertion& assertion = assertions[a];
    if (names_another(assertion)) {
      const uint64_t wanted = pack(assertion.claim, assertion.speaker.index);
      auto it = std::lower_bound(by_claim_source.begin(), by_claim_source.end(), Keyed{wanted, 0});
      for (; it != by_claim_source.end() && it->claim_source == wanted; ++it) targets.push_back(it->assertion);
    }
    offsets[a + 1] = static_cast<uint32_t>(targets.size());
  }
  const StrongComponents components = FindStrongComponents(offsets, targets);
  std::vector<uint8_t> reported(components.count, 0);
  for (uint32_t a = 0; a < assertions.size(); ++a) {
    const uint32_t component = components.component[a];
    if (!components.cyclic[component] || reported[component]) continue;
    reported[component] = 1;
    std::vector<std::string_view> ids;
    for (uint32_t member : CycleThrough(offsets, targets, components, a)) {
      ids.push_back(data.sources[assertions[member].source].id);
    }
    const Assertion& assertion = assertions[a];
    sink.Warning(assertion.place.file, RecordPointer(RecordKind::kAssertion, assertion.place) + "/speaker",
                 "speaker cycle for claim " + Quoted(data.claims[assertion.claim].id) +
                     (ids.size() > 8 ? " through " + std::to_string(ids.size()) + " sources" : "") + ": " +
                     SpellCycle(ids) +
                     " (each names the next as the speaker of the claim); tracing cuts the cycle where it "
                     "meets it again");
  }
}

}  // namespace

void CheckRelations(const BuildState& state, const std::vector<std::optional<TimeSpan>>& published,
                    DiagnosticSink& sink) {
  const CaseData& data = state.data;
  for (Index i = 0; i < data.claims.size(); ++i) {
    const Claim& claim = data.claims[i];
    for (size_t j = 0; j < claim.excludes.size(); ++j) {
      if (claim.excludes[j] == i) {
        sink.Error(claim.place.file,
                   RecordPointer(RecordKind::kClaim, claim.place) + "/excludes/" + std::to_string(j),
                   "claim " + Quoted(claim.id) + " excludes itself");
      }
    }
  }
  for (const Citation& citation : data.citations) {
    if (citation.from == kNoIndex || citation.to == kNoIndex) continue;
    const auto& from = published[citation.from];
    const auto& to = published[citation.to];
    // A date covers its whole day, so a report dated the same day as its source is fine.
    if (from && to && from->latest < to->earliest) {
      const Source& citing = data.sources[citation.from];
      const Source& cited = data.sources[citation.to];
      sink.Error(citation.place.file, RecordPointer(RecordKind::kCitation, citation.place),
                 Quoted(citing.id) + " (published " + citing.published + ") cannot cite " +
                     Quoted(cited.id) + ", published later (" + cited.published +
                     "); check both dates and the direction of the citation");
    }
  }
  CheckCitationCycles(state, sink);
}

void MakeExcludesSymmetric(CaseData& data) {
  std::vector<std::pair<Index, Index>> missing;
  for (Index i = 0; i < data.claims.size(); ++i) {
    for (Index other : data.claims[i].excludes) {
      const auto& back = data.claims[other].excludes;
      if (std::find(back.begin(), back.end(), i) == back.end()) missing.emplace_back(other, i);
    }
  }
  for (const auto& [claim, excluded] : missing) {
    auto& excludes = data.claims[claim].excludes;
    if (std::find(excludes.begin(), excludes.end(), excluded) == excludes.end()) {
      excludes.push_back(excluded);
    }
  }
}

void AddWarnings(const BuildState& state, DiagnosticSink& sink) {
  const CaseData& data = state.data;
  std::map<std::string, Index> names;  // lowercase name or alias -> first entity using it
  for (Index i = 0; i < data.entities.size(); ++i) {
    const Entity& entity = data.entities[i];
    auto check = [&](std::string_view name, const std::string& field) {
      if (name.empty()) return;
      auto [found, inserted] = names.emplace(Lowercase(name), i);
      if (inserted || found->second == i) return;
      sink.Warning(entity.place.file, RecordPointer(RecordKind::kEntity, entity.place) + field,
                   "entity " + Quoted(entity.id) + " and entity " +
                       Quoted(data.entities[found->second].id) + " share the name " +
                       Quoted(name) + " (ignoring case); if they are one entity, merge them");
    };
    check(entity.name, "/name");
    for (size_t j = 0; j < entity.aliases.size(); ++j) {
      check(entity.aliases[j], "/aliases/" + std::to_string(j));
    }
  }
  WarnControlCycles(data, sink);
  if (state.assertions_dropped) return;  // some assertions were invalid: these would guess
  WarnSpeakerCycles(data, sink);
  std::vector<uint8_t> claim_asserted(data.claims.size(), 0);
  std::vector<uint8_t> source_asserts(data.sources.size(), 0);
  for (const Assertion& assertion : data.assertions) {
    claim_asserted[assertion.claim] = 1;
    source_asserts[assertion.source] = 1;
    // A source quoted as the speaker of another source's assertion does assert it.
    if (assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource) {
      source_asserts[assertion.speaker.index] = 1;
    }
  }
  auto placeholder = [&](RecordKind kind, Index i) {
    return state.placeholders.count({kind, i}) > 0;
  };
  for (Index i = 0; i < data.sources.size(); ++i) {
    if (source_asserts[i] || placeholder(RecordKind::kSource, i)) continue;
    const Source& source = data.sources[i];
    sink.Warning(source.place.file, RecordPointer(RecordKind::kSource, source.place),
                 "source " + Quoted(source.id) + " asserts nothing (no assertion names it as source or speaker)");
  }
  for (Index i = 0; i < data.claims.size(); ++i) {
    if (claim_asserted[i] || placeholder(RecordKind::kClaim, i)) continue;
    const Claim& claim = data.claims[i];
    sink.Warning(claim.place.file, RecordPointer(RecordKind::kClaim, claim.place),
                 "no source asserts claim " + Quoted(claim.id));
  }
}

}  // namespace claimgraph::ingest
