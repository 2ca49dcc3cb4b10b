// Feeds arbitrary bytes to `claimgraph import triples`'s reader (scale/triples_reader.h) and
// aborts when its contract breaks: an error that does not start with the file name, line
// and column ("t.tsv:LINE:COLUMN: "), or triples that read but whose casefile the loader
// rejects. The sanitizers catch the rest.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"
#include "scale/triples_reader.h"

namespace {

// "t.tsv:" then digits, ':', digits, ": ".
bool Located(const std::string& message) {
  const std::string prefix = "t.tsv:";
  if (message.compare(0, prefix.size(), prefix) != 0) return false;
  size_t at = prefix.size();
  for (int number = 0; number < 2; ++number) {
    const size_t digits = at;
    while (at < message.size() && message[at] >= '0' && message[at] <= '9') ++at;
    if (at == digits || at >= message.size() || message[at] != ':') return false;
    ++at;
  }
  return at < message.size() && message[at] == ' ';
}

void Fail(const std::string& problem) {
  std::fprintf(stderr, "triples reader contract broken: %s\n", problem.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  claimgraph::Result<claimgraph::scale::TriplesImport> read = claimgraph::scale::ReadTriples("t.tsv", input);
  if (!read.ok()) {
    if (!Located(read.status().message())) Fail("error not located: " + read.status().message());
    return 0;
  }
  claimgraph::LoadOptions options;
  options.warnings = false;
  const std::string casefile = claimgraph::CasefileText(read->data);
  const claimgraph::LoadResult loaded = claimgraph::LoadCasefileTexts({"t.json"}, {casefile}, options);
  if (!loaded.ok()) Fail("the casefile does not load: " + loaded.status().message());
  return 0;
}
