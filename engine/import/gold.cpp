#include "import/gold.h"

#include <array>
#include <vector>

#include "import/csv_reader.h"
#include "import/import_support.h"
#include "ingest/normalise.h"

namespace claimgraph::importers {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string_view::npos; tab = line.find('\t', start)) {
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

}  // namespace

Result<GoldAnswers> ReadBooksGold(std::string_view file, std::string_view text) {
  GoldAnswers gold;
  Status status = ForEachLine(text, [&](int line_number, std::string_view line) {
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 2) {
      return LineError(file, line_number, "expected an ISBN, a tab and the author list");
    }
    if (std::optional<std::string> authors = ingest::NormaliseAuthorList(fields[1])) {
      gold[std::string(fields[0]) + "/AuthorsNamesList"] = *authors;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return gold;
}

Result<GoldAnswers> ReadFlightsCsvGold(std::string_view file, std::string_view text) {
  Result<std::vector<CsvRecord>> records = ReadCsv(file, text);
  if (!records.ok()) return records.status();
  if (records.value().empty()) return LineError(file, 1, "the file is empty (expected a header line)");
  static constexpr std::array<std::string_view, 4> kTimes = {
      "sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"};
  const CsvRecord& header = records.value().front();
  Result<std::vector<size_t>> columns =
      FindColumns(file, header, {"flight", kTimes[0], kTimes[1], kTimes[2], kTimes[3]});
  if (!columns.ok()) return columns.status();
  GoldAnswers gold;
  std::map<std::string, int> first_line;
  for (size_t row = 1; row < records.value().size(); ++row) {
    const CsvRecord& record = records.value()[row];
    if (record.fields.size() != header.fields.size()) {
      return LineError(file, record.line, "expected " + std::to_string(header.fields.size()) +
                                              " fields as in the header, found " +
                                              std::to_string(record.fields.size()));
    }
    const std::string& flight = record.fields[columns.value()[0]];
    for (size_t time = 0; time < kTimes.size(); ++time) {
      std::optional<std::string> value = ingest::NormaliseFlightTime(record.fields[columns.value()[1 + time]]);
      if (!value) continue;
      const std::string question = flight + "/" + std::string(kTimes[time]);
      auto [found, added] = gold.emplace(question, *value);
      if (added) {
        first_line[question] = record.line;
      } else if (found->second != *value) {
        return LineError(file, record.line, "the gold " + std::string(kTimes[time]) + " of " + flight +
                                                " is " + *value + " here but " + found->second +
                                                " on line " + std::to_string(first_line[question]));
      }
    }
  }
  return gold;
}

Result<GoldAnswers> ReadDafnaFlightTruth(std::string_view file, std::string_view text,
                                         std::string_view object_suffix) {
  static constexpr std::array<std::string_view, 6> kProperties = {
      "ExpectedDepartureTime", "ActualDepartureTime", "DepartureGate",
      "ExpectedArrivalTime",   "ActualArrivalTime",   "ArrivalGate"};
  GoldAnswers gold;
  Status status = ForEachLine(text, [&](int line_number, std::string_view line) {
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != 1 + kProperties.size()) {
      return LineError(file, line_number, "expected a flight and 6 tab-separated fields, found " +
                                              std::to_string(fields.size()) + " fields");
    }
    for (size_t i = 0; i < kProperties.size(); ++i) {
      std::optional<std::string> value =
          ingest::NormaliseValue(ValueNormaliser::kFlightTimes, kProperties[i], fields[1 + i]);
      if (!value) continue;
      gold[std::string(fields[0]) + std::string(object_suffix) + "/" + std::string(kProperties[i])] = *value;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return gold;
}

}  // namespace claimgraph::importers
