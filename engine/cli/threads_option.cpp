// --threads N (issue 11, item 4), shared by the commands that score.
#include <charconv>

#include "cli/score_arguments.h"

namespace claimgraph::cli {
namespace {
constexpr size_t kMostThreads = 256;  // as score/parallel_ranges.h caps it
}  // namespace

OptionSpec ThreadsOptionSpec() {
  return {"--threads", "", "N", "threads to score on (default: every core); the output is the same for every N"};
}

Result<size_t> ThreadsFromArguments(const ParsedArguments& parsed, const std::string& command) {
  if (!parsed.Has("--threads")) return size_t{0};
  const std::string text = parsed.Value("--threads");
  size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1 ||
      value > kMostThreads) {
    return Status::Error("claimgraph " + command + ": --threads must be a whole number from 1 to " +
                         std::to_string(kMostThreads) + ", got '" + text + "'");
  }
  return value;
}

}  // namespace claimgraph::cli
