// Feeds arbitrary bytes to the casefile loader. The input is split at NUL bytes into up to
// three casefiles loaded together, so that cross-file rules (duplicate ids, references)
// are reached too. Besides the sanitizers' checks, it asserts the loader's contract: a
// graph exactly when there is no error, every index in range, and at most max_errors
// errors plus the "too many errors" note. It also compares the fast path's schema checker
// and UTF-8 check (ingest/schema_checker.h, ingest/utf8_stream.h) with RapidJSON's own:
// whatever the fast path accepts, RapidJSON's validator must accept too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/load.h"
#include "ingest/casefile_schema.h"
#include "ingest/schema_checker.h"
#include "ingest/utf8_stream.h"
#include "rapidjson/memorystream.h"

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

// RapidJSON 1.1.0's enum hash converts doubles of magnitude 2^63 and more to integers
// (undefined behaviour); the loader clamps them before validating, this check skips them.
bool HasHugeNumber(const rapidjson::Value& value) {
  if (value.IsDouble()) return value.GetDouble() >= 9.2e18 || value.GetDouble() <= -9.2e18;
  if (value.IsArray()) {
    for (const auto& element : value.GetArray()) {
      if (HasHugeNumber(element)) return true;
    }
  }
  if (value.IsObject()) {
    for (rapidjson::SizeType i = 0; i < value.MemberCount(); ++i) {
      if (HasHugeNumber((value.MemberBegin() + i)->value)) return true;
    }
  }
  return false;
}

void CheckFastPathIsNoLaxer(std::string_view text) {
  const claimgraph::ingest::CasefileSchema& schema =
      *claimgraph::ingest::CasefileSchema::Get().value();
  claimgraph::ingest::BuildState state;
  claimgraph::ingest::CaseBuilder builder(state, 0);
  claimgraph::ingest::CheckingCaseBuilder checking(*schema.checker(), builder);
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(text.data(), text.size());
  const bool fast = claimgraph::ingest::IsValidUtf8(text) &&
                    !reader.Parse<rapidjson::kParseNoFlags>(stream, checking).IsError() &&
                    checking.valid();
  if (!fast) return;
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  Require(!document.HasParseError());
  if (HasHugeNumber(document)) return;
  rapidjson::SchemaValidator validator(schema.root());
  Require(document.Accept(validator));
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
  for (const std::string_view text : texts) CheckFastPathIsNoLaxer(text);
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
