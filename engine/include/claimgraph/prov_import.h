// Reading W3C PROV-JSON back into casefile records: at least everything that
// ExportProvJson (claimgraph/export.h) writes, so that export -> import -> export gives the
// same document. The mapping is in docs/exports.md; the namespaces and the encoding of ids are
// in claimgraph/prov_names.h, shared with the exporter so that the two cannot drift apart.
#ifndef CLAIMGRAPH_PROV_IMPORT_H_
#define CLAIMGRAPH_PROV_IMPORT_H_

#include <string_view>

#include "claimgraph/import.h"
#include "claimgraph/prov_names.h"
#include "claimgraph/status.h"

namespace claimgraph {

// Parses PROV-JSON `text` into casefile records. Qualified names are resolved through the
// document's "prefix" block, so prefixes may be renamed. Errors name `file`, the JSON
// pointer of the offending record and what is wrong. PROV records claimgraph has no
// casefile equivalent for (activities, usage, ...) are errors, not silently dropped.
// The records are not checked as a casefile would be (id syntax, URLs, dates), and
// Source::published_seconds is left 0: write them with CasefileText
// (claimgraph/casefile_writer.h) and check that with CheckImportedCasefile, as
// `claimgraph import prov-json` does.
Result<ImportResult> ImportProvJson(std::string_view file, std::string_view text);

// Loads `casefile` (CasefileText of `imported`, read from PROV-JSON `text` of `file`) as
// `claimgraph check` would, without warnings. Ok when it loads; otherwise each problem is
// reported at the PROV record it comes from, with its line and column in `file` and the
// casefile field it concerns ("FILE:4:5: error: /entity/id:s: published: ..."), never at
// the casefile text, which nobody sees.
Status CheckImportedCasefile(std::string_view file, std::string_view text,
                             const ImportResult& imported, std::string_view casefile);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_PROV_IMPORT_H_
