// Feeds arbitrary bytes to one importer (chosen at build time: CLAIMGRAPH_FUZZ_IMPORTER is
// kEmergent, kDafna, kFlightsCsv or kProvJson) and aborts when the importers' contract in
// import_round_trip.h breaks: an error that is not located in the input, or an imported
// casefile that the loader rejects. The sanitizers catch the rest.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "import_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string problem = claimgraph::fuzzing::CheckImportRoundTrip(
      claimgraph::fuzzing::Importer::CLAIMGRAPH_FUZZ_IMPORTER, input);
  if (!problem.empty()) {
    std::fprintf(stderr, "importer contract broken: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
