// The PClean flight CSV (Li et al., VLDB 2012, as prepared by the PClean project): one row
// per (source, flight) with four times. Each (flight, time column) is a question.
#include <array>

#include "claimgraph/import.h"
#include "import/csv_reader.h"
#include "import/import_support.h"
#include "import/import_text.h"
#include "ingest/text_locator.h"
#include "ingest/value_checks.h"
#include "ingest/normalise.h"

namespace claimgraph {

Status FlightsCsvImportOptions::Validate() const {
  if (normaliser == ValueNormaliser::kAuthors) {
    return Status::Error("the flight CSV holds times: use the normaliser 'flight-times' or 'none'");
  }
  return Status::Ok();
}

Result<ImportResult> ImportFlightsCsv(std::string_view file, std::string_view text,
                                      const FlightsCsvImportOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  Result<std::string> prepared = importers::PrepareImportText(
      file, text,
      "a header line: tuple_id,src,flight,sched_dep_time,act_dep_time,sched_arr_time,act_arr_time");
  if (!prepared.ok()) return prepared.status();
  Result<std::vector<importers::CsvRecord>> records = importers::ReadCsv(file, prepared.value());
  if (!records.ok()) return records.status();
  static constexpr std::array<std::string_view, 4> kTimes = {
      "sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"};
  const importers::CsvRecord& header = records->front();
  Result<std::vector<size_t>> columns = importers::FindColumns(
      file, header, {"src", "flight", kTimes[0], kTimes[1], kTimes[2], kTimes[3]});
  if (!columns.ok()) return columns.status();

  ImportResult result;
  result.data.title = "Flight times from " + importers::BaseName(file);
  importers::IdRegistry ids;
  importers::AnswerBuilder builder(result.data, ids);
  importers::SkipNotes notes("time field", "time fields");
  for (size_t row = 1; row < records->size(); ++row) {
    const importers::CsvRecord& record = records.value()[row];
    if (record.fields.size() != header.fields.size()) {
      return importers::LineError(file, record.line,
                               "expected " + std::to_string(header.fields.size()) +
                                   " fields as in the header, found " +
                                   std::to_string(record.fields.size()));
    }
    const std::string& source_name = record.fields[columns.value()[0]];
    const std::string& flight = record.fields[columns.value()[1]];
    if (ingest::IsBlank(source_name)) return importers::LineError(file, record.line, "the source (src) is empty");
    if (ingest::IsBlank(flight)) return importers::LineError(file, record.line, "the flight is empty");
    for (size_t time = 0; time < kTimes.size(); ++time) {
      const size_t column = columns.value()[2 + time];
      const std::string& raw = record.fields[column];
      std::optional<std::string> value;
      if (options.normaliser == ValueNormaliser::kFlightTimes) {
        std::string problem;
        value = ingest::NormaliseFlightTimeStrictly(raw, problem);
        if (!problem.empty()) {
          const ingest::LineColumn place = ingest::LineColumnAt(prepared.value(), record.starts[column]);
          return Status::FromDiagnostics(
              {{Severity::kError, std::string(file), place.line, place.column, "",
                std::string(kTimes[time]) + " " + ingest::Quoted(raw) + " " + problem}});
        }
      } else {
        value = ingest::NormaliseValue(options.normaliser, kTimes[time], raw);
      }
      if (!value) {
        notes.Add("left out (absent, as in \"Not Available\" or empty)", record.line);
        continue;
      }
      const Index claim = builder.Claim(flight, kTimes[time], *value, raw);
      if (!builder.Support(builder.Source(source_name), claim)) {
        notes.Add("left out (the same source gives the same time again)", record.line);
      }
    }
  }
  result.notes = notes.Lines(file);
  return result;
}

}  // namespace claimgraph
