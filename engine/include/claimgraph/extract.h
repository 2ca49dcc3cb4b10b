// Drafting a casefile from news articles (docs/extraction.md): read the articles, split
// them into sentences, find the attributions (who says what, through which outlet), resolve
// the speakers, merge them into entities, group the contents into claims and write the
// draft casefile, or a review text for a person to check it.
#ifndef CLAIMGRAPH_EXTRACT_H_
#define CLAIMGRAPH_EXTRACT_H_

#include <string>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph {

struct ExtractOptions {
  // Casefiles whose entities and claims new mentions and contents are matched to first;
  // the draft then refers to their ids and is checked together with them.
  std::vector<std::string> into = {};
  // The lexicon directory; empty: engine/extract/lexicon of the source tree.
  std::string lexicon_dir = "";
  // Also write ExtractResult::review (costs a second pass over the records).
  bool review = false;
};

struct ExtractResult {
  std::string casefile;              // the draft casefile's JSON text
  std::string review;                // the review text, when ExtractOptions::review
  std::vector<Diagnostic> warnings;  // empty articles, pages without text, dropped metadata
  size_t articles = 0;               // articles read
  size_t attributions = 0;           // records found (attributed and own-voice)
};

// Extracts a draft from the article files (plain text, HTML, JSON Lines). Errors: an
// unreadable, binary, non-UTF-8 or oversized file, a bad --into casefile (exit code 2).
Result<ExtractResult> ExtractDraft(const std::vector<std::string>& article_paths,
                                   const ExtractOptions& options = {});

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXTRACT_H_
