// Escaping of one output language: the fuzz input, split at NUL bytes, becomes every string
// of a small case (tests/fuzz/escape_checks.h, CaseFromBytes), which is written as
// the SVG Graphviz writes in-process (parsed by libxml2: only the elements and attributes meant, links http(s) only).
// A failing check prints what is wrong and aborts; tests/render_hostile_test.cpp and
// tests/export_hostile_test.cpp replay the inputs kept under tests/fuzz/regressions/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/escape_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem =
      claimgraph::testing::CheckSvgEscaping(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "escaping check failed: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
