// The one file that talks to ICU (docs/extraction.md explains the choice): sentence
// boundaries by ICU's rules (UAX #29) and Unicode case folding.
#ifndef CLAIMGRAPH_EXTRACT_ICU_ADAPTER_H_
#define CLAIMGRAPH_EXTRACT_ICU_ADAPTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::extract {

// The UTF-8 byte offsets where ICU's English sentence rules end a sentence (the last is
// text.size()). REQUIRES: `text` is valid UTF-8.
Result<std::vector<uint32_t>> SentenceBreaks(std::string_view text);

// `text` case-folded (full Unicode folding: "Straße" -> "strasse").
std::string FoldCase(std::string_view text);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_ICU_ADAPTER_H_
