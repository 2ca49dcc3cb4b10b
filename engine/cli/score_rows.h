// The rows of `claimgraph score`'s three formats, each a function over a range of rows that
// appends to a buffer. A row's bytes depend only on the row and its index, never on the
// rows before it, so that ranges can be formatted apart (on threads, later) and joined in
// order into the same bytes.
#ifndef CLAIMGRAPH_CLI_SCORE_ROWS_H_
#define CLAIMGRAPH_CLI_SCORE_ROWS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claimgraph/as_of.h"
#include "claimgraph/graph.h"
#include "claimgraph/score.h"

namespace claimgraph::cli {

// Column widths of the table, which depend on every row: measured once, before any row.
struct TableLayout {
  size_t id_width = 5;
  size_t source_width = 6;
  bool has_questions = false;
};
TableLayout MeasureTable(const ProvenanceGraph& graph);

// The table: its header line, rows [first, last) of result.claims, then the trust section's
// header and its rows [first, last) of the graph's sources.
void AppendTableHeader(const TableLayout& layout, std::string& buffer);
void AppendTableClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result,
                          const TableLayout& layout, size_t first, size_t last, std::string& buffer);
void AppendTableTrustHeader(const CorroborationResult& result, const TableLayout& layout,
                            std::string& buffer);
void AppendTableSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result,
                           const TableLayout& layout, size_t first, size_t last, std::string& buffer);

// The CSV: one header line, then claim rows, then source rows (the first column tells them
// apart). Numbers in the shortest form that reads back as the same double.
void AppendCsvHeader(std::string& buffer);
void AppendCsvClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                        size_t last, std::string& buffer);
void AppendCsvSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                         size_t last, std::string& buffer);

// The JSON document, indented by two spaces as RapidJSON's PrettyWriter did: the head up to
// the claims array's "[", claim objects [first, last) (each but the first of all preceded
// by ","), the text between the arrays, source objects, and the tail. `claim_count` and
// `source_count` say whether each array is empty ("[]").
void AppendJsonHead(const CorroborationResult& result, const AsOfReport* as_of, std::string& buffer);
void AppendJsonClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                         size_t last, std::string& buffer);
// One claim object; `first_of_all` when it is the array's first (no "," before it).
void AppendJsonClaimRow(const ProvenanceGraph& graph, const ClaimScore& scored, bool first_of_all,
                        std::string& buffer);
void AppendJsonBetween(size_t claim_count, std::string& buffer);
void AppendJsonSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                          size_t last, std::string& buffer);
void AppendJsonTail(size_t source_count, std::string& buffer);

// `text` as a JSON string, quoted and escaped as RapidJSON's Writer escapes it: '"', '\\'
// and the control characters below U+0020 (\b \t \n \f \r by name, the others \u00XX);
// everything else, UTF-8 included, as it is.
void AppendJsonString(std::string_view text, std::string& buffer);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_SCORE_ROWS_H_
