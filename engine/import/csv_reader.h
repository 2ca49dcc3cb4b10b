// RFC 4180 CSV for the importers: quoted fields may hold commas, doubled quotes and line
// breaks, so a record can span lines; each record remembers the line it starts on for
// error messages. CRLF and LF line ends are both accepted.
#ifndef CLAIMGRAPH_INGEST_CSV_READER_H_
#define CLAIMGRAPH_INGEST_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::importers {

struct CsvRecord {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
  // Per field, the byte offset in the text read where it starts (its quote, if quoted):
  // ingest/text_locator.h turns one into a line and column when an error needs it.
  std::vector<size_t> starts;
};

// Every record of `text`, the header included; blank lines are skipped. Fails on a quote
// that is never closed ("FILE:LINE: error: a quoted field opened here is never closed")
// or on text after a closing quote.
Result<std::vector<CsvRecord>> ReadCsv(std::string_view file, std::string_view text);

// The index of each of `names` in `header`, or an error naming the first missing column.
// REQUIRES: header is the first record of `file`.
Result<std::vector<size_t>> FindColumns(std::string_view file, const CsvRecord& header,
                                        const std::vector<std::string_view>& names);

}  // namespace claimgraph::importers

#endif  // CLAIMGRAPH_INGEST_CSV_READER_H_
