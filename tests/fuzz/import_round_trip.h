// The importers' contract, shared by the importer fuzzers (tests/fuzz/*_import_fuzzer.cpp)
// and the test suite that replays their findings (tests/ingest_import_hostile_test.cpp):
// whatever the input, an importer either fails with a located error for bad input (exit 2,
// "FILE:LINE..." naming the input) or returns records whose casefile the loader accepts.
// For PROV-JSON, as `claimgraph import prov-json` does, a casefile the loader rejects must
// be reported by CheckImportedCasefile at a place in the input.
#ifndef CLAIMGRAPH_TESTS_FUZZ_IMPORT_ROUND_TRIP_H_
#define CLAIMGRAPH_TESTS_FUZZ_IMPORT_ROUND_TRIP_H_

#include <cctype>
#include <string>
#include <string_view>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/import.h"
#include "claimgraph/load.h"
#include "claimgraph/prov_import.h"

namespace claimgraph::fuzzing {

enum class Importer { kEmergent, kDafna, kFlightsCsv, kProvJson };

inline constexpr std::string_view kInputName = "input.txt";

// Empty when `status` is a bad-input error whose every line starts "input.txt:LINE".
inline std::string LocatedProblem(const Status& status) {
  if (status.code() != ExitCode::kInvalidInput) {
    return "exit code " + std::to_string(static_cast<int>(status.code())) + ": " + status.message();
  }
  const std::string message = status.message();
  const std::string prefix = std::string(kInputName) + ":";
  for (size_t start = 0; start < message.size();) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    const std::string_view line = std::string_view(message).substr(start, end - start);
    if (line.substr(0, prefix.size()) != prefix || line.size() == prefix.size() ||
        !std::isdigit(static_cast<unsigned char>(line[prefix.size()])) || line[prefix.size()] == '0') {
      return "not located in the input: " + std::string(line);
    }
    start = end + 1;
  }
  return "";
}

// Empty when the contract holds for one importer and one set of options.
template <typename Import>
std::string CheckOne(std::string_view input, bool prov, const Import& import) {
  Result<ImportResult> imported = import(input);
  if (!imported.ok()) return LocatedProblem(imported.status());
  const std::string casefile = CasefileText(imported->data);
  if (prov) {
    const Status checked = CheckImportedCasefile(kInputName, input, imported.value(), casefile);
    return checked.ok() ? "" : LocatedProblem(checked);
  }
  LoadOptions options;
  options.warnings = false;
  const LoadResult loaded = LoadCasefileTexts({"imported.json"}, {casefile}, options);
  return loaded.ok() ? "" : "the imported casefile does not load:\n" + loaded.status().message();
}

// Empty when the contract holds for `importer` with each of its option sets.
inline std::string CheckImportRoundTrip(Importer importer, std::string_view input) {
  std::string problem;
  auto check = [&](bool prov, auto import) {
    if (problem.empty()) problem = CheckOne(input, prov, import);
  };
  switch (importer) {
    case Importer::kEmergent:
      for (const bool per_outlet : {false, true}) {
        check(false, [&](std::string_view text) {
          return ImportEmergent(kInputName, text, {.with_verdicts = true, .source_per_outlet = per_outlet});
        });
      }
      break;
    case Importer::kDafna:
      for (const ValueNormaliser normaliser :
           {ValueNormaliser::kNone, ValueNormaliser::kAuthors, ValueNormaliser::kFlightTimes}) {
        check(false, [&](std::string_view text) {
          return ImportDafna(kInputName, text, {.normaliser = normaliser});
        });
      }
      break;
    case Importer::kFlightsCsv:
      for (const ValueNormaliser normaliser : {ValueNormaliser::kFlightTimes, ValueNormaliser::kNone}) {
        check(false, [&](std::string_view text) {
          return ImportFlightsCsv(kInputName, text, {.normaliser = normaliser});
        });
      }
      break;
    case Importer::kProvJson:
      check(true, [&](std::string_view text) { return ImportProvJson(kInputName, text); });
      break;
  }
  return problem;
}

}  // namespace claimgraph::fuzzing

#endif  // CLAIMGRAPH_TESTS_FUZZ_IMPORT_ROUND_TRIP_H_
