// Stage 8, first half: the records of the draft (docs/extraction.md). Per attribution, the
// assertions to propose (the article's own, and one for each report the words came
// through), the stub sources and citations those reports need, and the entities each claim
// is about. Both outputs are written from these: the casefile and the review (draft.h).
#ifndef CLAIMGRAPH_EXTRACT_DRAFT_RECORDS_H_
#define CLAIMGRAPH_EXTRACT_DRAFT_RECORDS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/claims.h"
#include "extract/entities.h"
#include "extract/records.h"

namespace claimgraph::extract {

struct DraftInput {
  const std::vector<Article>& articles;
  const std::vector<std::vector<Unit>>& units;  // per article
  std::vector<Attribution>& attributions;
  const std::vector<DraftClaim>& claims;
  EntityTable& entities;
  const Lexicon& lexicon;
};

// Who a record names as its speaker: an entity, a stub source (an outlet that speaks), or
// nobody (the article's own voice).
struct Speaker {
  size_t entity = kNone;
  const std::string* stub = nullptr;  // a value of DraftRecords::stub_of (a map: its address stays)
};

// One proposed assertion. It holds no strings of its own: its source, claim, speaker, quote
// and rule are read where they live when it is written. A draft has several records an
// attribution; when each held copies of those strings, writing the draft took a third of
// the extractor's time (perf, extract_bench), most of it copying and freeing them.
struct Record {
  const std::string* source;  // an article id (DraftRecords::article_ids, complete before any record)
                              // or a stub id (a value of DraftRecords::stub_of)
  Speaker speaker;
  bool upstream;  // a record of the report the words came through ("upstream-of:" + cue rule)
  bool has_span;  // the article's own record, with the content's span
};

struct DraftRecords {
  std::vector<std::string> sources;     // JSON lines
  std::vector<std::string> citations;   // JSON lines
  std::set<std::string> citation_keys;
  std::map<std::string, std::string> stub_of;  // (article id + entity) -> stub source id
  std::vector<std::string> article_ids;
  std::vector<std::set<size_t>> about;         // per claim: entities
  // Per attribution: its records, its quote (the content's first sentence), and the
  // resolutions of its speakers, added to the cue rule of the article's own records.
  std::vector<std::vector<Record>> records_of;
  std::vector<std::string> quotes;
  std::vector<std::string> resolutions;
};

// The id a record names as speaker; empty for the article's own voice.
const std::string& SpeakerId(const Speaker& speaker, const EntityTable& entities);

// The records of every attribution, in order, resolving each mention to its entity.
DraftRecords BuildDraftRecords(DraftInput& input);

// `text` with JSON's escapes, without (AppendEscaped) or with (AppendJson) the quotes.
void AppendEscaped(std::string& out, std::string_view text);
void AppendJson(std::string& out, std::string_view text);

// `text` on one line: line breaks and tabs become single spaces.
std::string OneLine(std::string_view text);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_DRAFT_RECORDS_H_
