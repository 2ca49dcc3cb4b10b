// The PClean flight CSV (Li et al., VLDB 2012, as prepared by the PClean project): one row
// per (source, flight) with four times. Each (flight, time column) is a question.
#include <array>

#include "claimgraph/import.h"
#include "ingest/csv_reader.h"
#include "ingest/import_support.h"
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
  Result<std::vector<ingest::CsvRecord>> records = ingest::ReadCsv(file, text);
  if (!records.ok()) return records.status();
  if (records->empty()) {
    return ingest::LineError(file, 1, "the file is empty (expected a header line: tuple_id,src,"
                                      "flight,sched_dep_time,act_dep_time,sched_arr_time,act_arr_time)");
  }
  static constexpr std::array<std::string_view, 4> kTimes = {
      "sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"};
  const ingest::CsvRecord& header = records->front();
  Result<std::vector<size_t>> columns = ingest::FindColumns(
      file, header, {"src", "flight", kTimes[0], kTimes[1], kTimes[2], kTimes[3]});
  if (!columns.ok()) return columns.status();

  ImportResult result;
  result.data.title = "Flight times from " + ingest::BaseName(file);
  ingest::IdRegistry ids;
  ingest::AnswerBuilder builder(result.data, ids);
  ingest::SkipNotes notes("time field", "time fields");
  for (size_t row = 1; row < records->size(); ++row) {
    const ingest::CsvRecord& record = records.value()[row];
    if (record.fields.size() != header.fields.size()) {
      return ingest::LineError(file, record.line,
                               "expected " + std::to_string(header.fields.size()) +
                                   " fields as in the header, found " +
                                   std::to_string(record.fields.size()));
    }
    const std::string& source_name = record.fields[columns.value()[0]];
    const std::string& flight = record.fields[columns.value()[1]];
    if (source_name.empty()) return ingest::LineError(file, record.line, "the source (src) is empty");
    if (flight.empty()) return ingest::LineError(file, record.line, "the flight is empty");
    for (size_t time = 0; time < kTimes.size(); ++time) {
      const std::string& raw = record.fields[columns.value()[2 + time]];
      std::optional<std::string> value = ingest::NormaliseValue(options.normaliser, kTimes[time], raw);
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
