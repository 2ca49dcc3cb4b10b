// DAFNA pipe format: (source, object, property, value) rows, imported as questions
// "OBJECT/PROPERTY" with one claim per distinct normalised value.
#include "claimgraph/import.h"
#include "import/import_support.h"
#include "import/import_text.h"
#include "ingest/normalise.h"

namespace claimgraph {
namespace {

// Splits one DAFNA line on "|<TAB>". A line ends with a final "|<TAB>", which leaves an
// empty last field that is dropped.
std::vector<std::string_view> SplitDafnaLine(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t separator = line.find("|\t", start);
    if (separator == std::string_view::npos) {
      fields.push_back(line.substr(start));
      break;
    }
    fields.push_back(line.substr(start, separator - start));
    start = separator + 2;
  }
  if (fields.size() > 1 && fields.back().empty()) fields.pop_back();
  return fields;
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<ImportResult> ImportDafna(std::string_view file, std::string_view text,
                                 const DafnaImportOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  Result<std::string> prepared = importers::PrepareImportText(
      file, text, "lines of 7 fields, each followed by '|' and a tab");
  if (!prepared.ok()) return prepared.status();
  ImportResult result;
  result.data.title = "DAFNA claims from " + importers::BaseName(file);
  importers::IdRegistry ids;
  importers::AnswerBuilder builder(result.data, ids);
  importers::SkipNotes notes;
  Status status = importers::ForEachLine(prepared.value(), [&](int line_number, std::string_view line) {
    const std::vector<std::string_view> fields = SplitDafnaLine(line);
    if (fields.size() != 7) {
      return importers::LineError(file, line_number,
                               "expected 7 fields (claim id, entity id, object, property, value, "
                               "source, timestamp) each followed by '|' and a tab, found " +
                                   std::to_string(fields.size()));
    }
    const std::string_view object = TrimSpace(fields[2]);
    const std::string_view property = TrimSpace(fields[3]);
    const std::string_view raw_value = TrimSpace(fields[4]);
    const std::string source_name(TrimSpace(fields[5]));
    if (object.empty()) return importers::LineError(file, line_number, "the object (field 3) is empty");
    if (property.empty()) return importers::LineError(file, line_number, "the property (field 4) is empty");
    if (source_name.empty()) return importers::LineError(file, line_number, "the source (field 6) is empty");
    std::optional<std::string> value = ingest::NormaliseValue(options.normaliser, property, raw_value);
    if (!value) {
      notes.Add("skipped (the value is absent, as in \"Not Available\" or empty)", line_number);
      return Status::Ok();
    }
    const Index claim = builder.Claim(object, property, *value, raw_value);
    if (!builder.Support(builder.Source(source_name), claim)) {
      notes.Add("skipped (the same source gives the same value again)", line_number);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  result.notes = notes.Lines(file);
  return result;
}

}  // namespace claimgraph
