#include "cli/suggestions.h"

#include <algorithm>

namespace claimgraph::cli {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates) {
  const size_t limit = std::max<size_t>(2, word.size() / 3);
  std::string closest, extended;
  size_t closest_distance = limit + 1, extensions = 0;
  for (const std::string& candidate : candidates) {
    if (const size_t distance = EditDistance(word, candidate); distance < closest_distance) {
      closest_distance = distance;
      closest = candidate;
    }
    if (word.size() >= 3 && candidate.rfind(word, 0) == 0) {
      ++extensions;
      extended = candidate;
    }
  }
  if (closest.empty() && extensions == 1) return extended;
  return closest;
}

}  // namespace claimgraph::cli
