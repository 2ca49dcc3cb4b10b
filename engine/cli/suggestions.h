// "did you mean ...?" for the command line: the edit distance behind every suggestion
// the tool makes about a misspelt claim id or query name.
#ifndef CLAIMGRAPH_CLI_SUGGESTIONS_H_
#define CLAIMGRAPH_CLI_SUGGESTIONS_H_

#include <string>
#include <vector>

namespace claimgraph::cli {

// Levenshtein distance: insertions, deletions and substitutions of one byte each.
size_t EditDistance(const std::string& a, const std::string& b);

// The candidate closest to `word` when it is within a third of the word's length in edits
// (at least 2), or else the one candidate that begins with `word` (3 bytes or more); ""
// when none is close. Ties go to the earlier candidate.
std::string ClosestWord(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_SUGGESTIONS_H_
