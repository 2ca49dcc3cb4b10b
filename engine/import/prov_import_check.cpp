// The loader's verdict on an imported PROV-JSON document, moved from the casefile text (which
// only exists in memory) to the PROV records the casefile's records came from.
#include <cctype>
#include <map>

#include "claimgraph/load.h"
#include "claimgraph/prov_import.h"
#include "import/import_text.h"
#include "ingest/text_locator.h"

namespace claimgraph {
namespace {

// The PROV pointer of the record behind a casefile pointer ("/sources/3/url" -> the source
// read fourth, field "url"); the casefile record for a top-level member ("/title").
struct Origin {
  std::string pointer;
  std::string field;
};

Origin OriginOf(const RecordOrigins& origins, std::string_view pointer) {
  const std::pair<std::string_view, const std::vector<std::string>*> kinds[] = {
      {"entities", &origins.entities},     {"sources", &origins.sources},
      {"claims", &origins.claims},         {"assertions", &origins.assertions},
      {"citations", &origins.citations},   {"verdicts", &origins.verdicts}};
  const size_t kind_end = pointer.find('/', 1);
  const std::string_view kind = pointer.substr(1, kind_end == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : kind_end - 1);
  for (const auto& [name, list] : kinds) {
    if (kind != name || kind_end == std::string_view::npos) continue;
    const size_t index_end = pointer.find('/', kind_end + 1);
    const std::string_view digits = pointer.substr(kind_end + 1, index_end == std::string_view::npos
                                                                      ? std::string_view::npos
                                                                      : index_end - kind_end - 1);
    size_t index = 0;
    for (const char c : digits) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || index > list->size()) {
        index = list->size();
        break;
      }
      index = index * 10 + static_cast<size_t>(c - '0');
    }
    if (digits.empty() || index >= list->size()) break;
    return {(*list)[index],
            index_end == std::string_view::npos ? "" : std::string(pointer.substr(index_end + 1))};
  }
  return {origins.casefile, pointer.size() > 1 ? std::string(pointer.substr(1)) : ""};
}

}  // namespace

Status CheckImportedCasefile(std::string_view file, std::string_view text,
                             const ImportResult& imported, std::string_view casefile) {
  const std::string internal = std::string(file) + " (as a casefile)";
  LoadOptions options;
  options.warnings = false;
  const LoadResult loaded = LoadCasefileTexts({internal}, {casefile}, options);
  if (loaded.ok()) return Status::Ok();
  Result<std::string> prepared = importers::PrepareImportText(file, text, "a PROV-JSON document");
  const std::string_view input = prepared.ok() ? std::string_view(prepared.value()) : text;

  // A message may name another record as "INTERNAL:LINE:COLUMN (POINTER)" (a duplicate's
  // other half): the same move applies to it.
  std::map<std::string, size_t> offsets;
  auto want = [&](const std::string& pointer) { offsets.emplace(pointer, SIZE_MAX); };
  std::vector<std::pair<Origin, std::vector<std::pair<std::string, std::string>>>> moved;
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    Origin origin = OriginOf(imported.origins, diagnostic.pointer);
    want(origin.pointer);
    std::vector<std::pair<std::string, std::string>> related;  // text in message, casefile pointer
    for (size_t at = diagnostic.message.find(internal); at != std::string::npos;
         at = diagnostic.message.find(internal, at + 1)) {
      const size_t open = diagnostic.message.find(" (/", at);
      const size_t close = diagnostic.message.find(')', open == std::string::npos ? at : open);
      if (open == std::string::npos || close == std::string::npos) continue;
      const std::string pointer = diagnostic.message.substr(open + 2, close - open - 2);
      related.emplace_back(diagnostic.message.substr(at, close + 1 - at), pointer);
      want(OriginOf(imported.origins, pointer).pointer);
    }
    moved.emplace_back(std::move(origin), std::move(related));
  }
  ingest::LocatePointers(input, offsets);
  auto place_of = [&](const std::string& pointer) {
    const size_t offset = offsets[pointer];
    return offset == SIZE_MAX ? ingest::LineColumn{} : ingest::LineColumnAt(input, offset);
  };

  std::vector<Diagnostic> diagnostics;
  for (size_t i = 0; i < loaded.diagnostics.size(); ++i) {
    const Diagnostic& diagnostic = loaded.diagnostics[i];
    const auto& [origin, related] = moved[i];
    std::string message = diagnostic.message;
    for (const auto& [written, pointer] : related) {
      const std::string other = OriginOf(imported.origins, pointer).pointer;
      const ingest::LineColumn place = place_of(other);
      const std::string where = std::string(file) + ":" + std::to_string(place.line) + ":" +
                                std::to_string(place.column) + " (" + other + ")";
      message.replace(message.find(written), written.size(), where);
    }
    if (!origin.field.empty()) message = origin.field + ": " + message;
    const ingest::LineColumn place = place_of(origin.pointer);
    diagnostics.push_back(
        {diagnostic.severity, std::string(file), place.line, place.column, origin.pointer, message});
  }
  return Status::FromDiagnostics(std::move(diagnostics));
}

}  // namespace claimgraph
