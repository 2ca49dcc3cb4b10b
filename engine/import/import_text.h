// The text every importer reads, made uniform before any format is parsed, so that no
// importer can write a casefile the loader rejects for its bytes: a byte order mark is
// dropped, CRLF and CR-only line ends (old Mac exports of spreadsheets) become LF, the bytes
// must be well-formed UTF-8 (the loader checks every string, ingest/utf8_stream.h), and a
// file with nothing but white space is an error, not an empty casefile.
#ifndef CLAIMGRAPH_INGEST_IMPORT_TEXT_H_
#define CLAIMGRAPH_INGEST_IMPORT_TEXT_H_

#include <string>
#include <string_view>

#include "claimgraph/status.h"

namespace claimgraph::importers {

// `text` ready to parse, or the first problem: "FILE:LINE:COLUMN: error: invalid UTF-8
// (byte 0xE9) ..." or "FILE:1: error: the file is empty (expected EXPECTED)".
Result<std::string> PrepareImportText(std::string_view file, std::string_view text,
                                      std::string_view expected);

}  // namespace claimgraph::importers

#endif  // CLAIMGRAPH_INGEST_IMPORT_TEXT_H_
