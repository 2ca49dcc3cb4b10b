// Stage 8: the draft. Turns the attributions, entities and claims into casefile records:
// one source per article (publisher from its header or page, else unknown), a stub source
// for each report it cites (an outlet that speaks, or one the words came through, with a
// citation from the article and the stub's own assertion of the claim so that the scorer
// can follow it), one assertion per speaker with stance, quote (the content's first
// sentence), `span` and `extracted_by`; and the review text for a person to check.
#ifndef CLAIMGRAPH_EXTRACT_DRAFT_H_
#define CLAIMGRAPH_EXTRACT_DRAFT_H_

#include <string>
#include <vector>

#include "extract/draft_records.h"

namespace claimgraph::extract {

// The casefile JSON text (deterministic: records in text order, one a line).
std::string DraftCasefile(DraftInput& input);

// The review text: per article, each unit that produced a record, with the content marked
// [[like this]] and the records proposed.
std::string DraftReview(DraftInput& input);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_DRAFT_H_
