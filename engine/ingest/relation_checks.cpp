// The rules over resolved references (declared in ingest/record_checks.h).
#include <algorithm>
#include <map>
#include <utility>

#include "ingest/record_checks.h"

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
  for (Index root = 0; root < count; ++root) {
    if (color[root] != kUnvisited) continue;
    stack.emplace_back(root, offsets[root]);
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
        stack.emplace_back(target, offsets[target]);
      } else if (color[target] == kOnStack) {
        std::string cycle;
        auto begin = std::find_if(stack.begin(), stack.end(),
                                  [&](const auto& entry) { return entry.first == target; });
        for (auto it = begin; it != stack.end(); ++it) cycle += data.sources[it->first].id + " -> ";
        cycle += data.sources[target].id;
        sink.Error(citation.place.file, RecordPointer(RecordKind::kCitation, citation.place),
                   "citation cycle: " + cycle +
                       " (a source cannot take material, directly or through others, from itself)");
      }
    }
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
    auto check = [&](const std::string& name, const std::string& field) {
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
  if (state.assertions_dropped) return;  // some assertions were invalid: these would guess
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
