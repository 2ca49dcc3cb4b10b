// Feeds arbitrary bytes to the casefile loader. The input is split at NUL bytes into up to
// three casefiles loaded together, so that cross-file rules (duplicate ids, references)
// are reached too. Besides the sanitizers' checks, it asserts the loader's contract: a
// graph exactly when there is no error, every index in range, and at most max_errors
// errors plus the "too many errors" note.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/load.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

void CheckGraph(const claimgraph::ProvenanceGraph& graph) {
  using claimgraph::kNoIndex;
  const size_t sources = graph.sources().size();
  const size_t claims = graph.claims().size();
  const size_t entities = graph.entities().size();
  for (const auto& assertion : graph.assertions()) {
    Require(assertion.source < sources && assertion.claim < claims);
    Require(assertion.confidence >= 0.0f && assertion.confidence <= 1.0f);
  }
  for (const auto& citation : graph.citations()) Require(citation.from < sources && citation.to < sources);
  for (const auto& source : graph.sources()) Require(source.publisher == kNoIndex || source.publisher < entities);
  for (const auto& claim : graph.claims()) {
    for (auto other : claim.excludes) Require(other < claims);
    for (auto entity : claim.about) Require(entity < entities);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> names;
  std::vector<std::string_view> texts;
  size_t start = 0;
  while (texts.size() < 3) {
    const size_t end = texts.size() == 2 ? std::string_view::npos : input.find('\0', start);
    texts.push_back(input.substr(start, end == std::string_view::npos ? input.size() - start : end - start));
    names.push_back("case" + std::to_string(texts.size()) + ".json");
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  claimgraph::LoadOptions options;
  options.max_errors = 5;
  const claimgraph::LoadResult result = claimgraph::LoadCasefileTexts(names, texts, options);
  size_t errors = 0;
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.severity == claimgraph::Severity::kError) ++errors;
    Require(!diagnostic.ToString().empty());
  }
  Require(result.ok() == (errors == 0));
  Require(errors <= options.max_errors + 1);
  if (result.ok()) CheckGraph(*result.graph);
  return 0;
}
