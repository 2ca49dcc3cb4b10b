// PROV-JSON -> casefile records: the inverse of the mapping in docs/exports.md. Qualified
// names are expanded through the document's prefixes and compared as IRIs, so a document
// that went through another PROV tool (which may rename prefixes) still reads back. The
// reader itself is in prov_reader.h.
#include <cctype>

#include "claimgraph/prov_import.h"
#include "ingest/import_text.h"
#include "ingest/prov_reader.h"

namespace claimgraph {
namespace {

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string ProvLocalName(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string local;
  for (unsigned char c : id) {
    if (std::isalnum(c) && c < 0x80) local += static_cast<char>(c);
    else if (c == '-' || c == '_') local += static_cast<char>(c);
    else {
      local += '%';
      local += kHex[c >> 4];
      local += kHex[c & 0xF];
    }
  }
  return local;
}

std::optional<std::string> DecodeProvLocalName(std::string_view local) {
  std::string id;
  for (size_t i = 0; i < local.size(); ++i) {
    if (local[i] != '%') {
      id += local[i];
      continue;
    }
    if (i + 2 >= local.size()) return std::nullopt;
    if (!IsHex(local[i + 1]) || !IsHex(local[i + 2])) return std::nullopt;
    id += static_cast<char>(std::stoi(std::string(local.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return id;
}

Result<ImportResult> ImportProvJson(std::string_view file, std::string_view text) {
  Result<std::string> prepared =
      ingest::PrepareImportText(file, text, "a PROV-JSON document, a JSON object");
  if (!prepared.ok()) return prepared.status();
  return ingest::ProvReader(file).Read(prepared.value());
}

}  // namespace claimgraph
