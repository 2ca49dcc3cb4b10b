// The case as it stood on a date (issue 13, item 6): `--as-of DATE` on score, explain,
// query and render, and the timeline query, all read the graph this filter produces.
#ifndef CLAIMGRAPH_AS_OF_H_
#define CLAIMGRAPH_AS_OF_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

// What the filter left out and what it kept without knowing its date.
struct AsOfReport {
  std::string date;                  // as given
  int64_t cutoff = 0;                // the last UTC second the date covers (a date: its whole day)
  size_t sources_left_out = 0;       // published after the cutoff
  size_t assertions_left_out = 0;    // made by those sources, or attributing a claim to one
  size_t citations_left_out = 0;     // from or to those sources
  size_t verdicts_left_out = 0;      // dated after the cutoff
  size_t undated_sources_kept = 0;   // no `published`: they cannot be placed, so they stay
  size_t undated_verdicts_kept = 0;  // no `date`
};

// The last UTC second that `date` covers: "2024-03-01" covers that whole day, a date-time
// its second. Fails with "--as-of: 'yesterday' is not an ISO 8601 date (2017-12-11) or
// date-time (2017-12-11T09:30:00Z)", or "--as-of: '2017-02-30' is not a calendar date:
// February 2017 has 28 days".
Result<int64_t> ParseAsOfDate(std::string_view date);

struct GraphAsOf {
  ProvenanceGraph graph;
  AsOfReport report;
};

// The graph as it stood at the end of `date`: sources published later, their assertions and
// citations, and verdicts dated later, left out; everything else kept with its id (claims
// and entities all stay, so that a claim nobody had asserted yet is listed as unsupported).
// Fails as ParseAsOfDate.
Result<GraphAsOf> FilterAsOf(const ProvenanceGraph& graph, std::string_view date);

// As FilterAsOf, for a cutoff already in UTC seconds; `label` becomes report.date.
GraphAsOf FilterAsOfCutoff(const ProvenanceGraph& graph, int64_t cutoff, std::string label);

// One line for the reader: "as of 2024-03-01: left out 2 sources published later (3
// assertions, 1 citation) and 0 verdicts dated later; kept 1 source without a date".
std::string DescribeAsOf(const AsOfReport& report);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_AS_OF_H_
