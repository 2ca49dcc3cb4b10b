// PROV-JSON -> casefile records: the inverse of the mapping in docs/exports.md. Qualified
// names are expanded through the document's prefixes and compared as IRIs, so a document
// that went through another PROV tool (which may rename prefixes) still reads back. The
// reader itself is in prov_reader.h.
#include "claimgraph/prov_import.h"
#include "import/import_text.h"
#include "import/prov_reader.h"

namespace claimgraph {

Result<ImportResult> ImportProvJson(std::string_view file, std::string_view text) {
  Result<std::string> prepared =
      importers::PrepareImportText(file, text, "a PROV-JSON document, a JSON object");
  if (!prepared.ok()) return prepared.status();
  return importers::ProvReader(file).Read(prepared.value());
}

}  // namespace claimgraph
