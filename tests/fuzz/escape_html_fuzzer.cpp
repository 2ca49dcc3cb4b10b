// Escaping of the report: the fuzz input, split at NUL bytes, becomes every string of a
// small case (tests/fuzz/escape_checks.h, CaseFromBytes), whose report is read back by
// libxml2 and checked by ReportProblem (tests/fuzz/report_checks.h): only the elements
// and attributes meant, nothing that loads or runs, links only to the records' http(s) URLs.
// A failing check prints what is wrong and aborts; tests/report_hostile_test.cpp replays
// the inputs kept under tests/fuzz/regressions/escape_html_fuzzer/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/report_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem =
      claimgraph::testing::CheckHtmlEscaping(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "escaping check failed: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
