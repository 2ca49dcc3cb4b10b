#include "import/csv_reader.h"

#include "import/import_support.h"

namespace claimgraph::importers {
namespace {

Status CsvError(std::string_view file, int line, int column, std::string message) {
  return Status::FromDiagnostics(
      {{Severity::kError, std::string(file), line, column, "", std::move(message)}});
}

}  // namespace

Result<std::vector<CsvRecord>> ReadCsv(std::string_view file, std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  int line = 1;
  size_t line_start = 0;
  bool record_started = false;
  size_t i = 0;
  size_t field_start = 0;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    record.starts.push_back(field_start);
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord();
    record_started = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (!record_started) {
      record.line = line;
      record_started = true;
      field_start = i;
    }
    if (c == '"' && field.empty()) {
      const int quote_line = line;
      const int quote_column = static_cast<int>(i - line_start) + 1;
      ++i;
      while (true) {
        if (i >= text.size()) {
          return CsvError(file, quote_line, quote_column,
                          "a quoted field opened here is never closed (add the closing '\"')");
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return CsvError(file, line, static_cast<int>(i - line_start) + 1,
                        "unexpected text after a closing quote (a '\"' inside a quoted field "
                        "must be doubled)");
      }
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
      field_start = i;
    } else if (c == '\r' && (i + 1 == text.size() || text[i + 1] == '\n')) {
      ++i;
    } else if (c == '\n') {
      end_record();
      ++i;
      ++line;
      line_start = i;
    } else {
      field += c;
      ++i;
    }
  }
  if (record_started) end_record();
  return records;
}

Result<std::vector<size_t>> FindColumns(std::string_view file, const CsvRecord& header,
                                        const std::vector<std::string_view>& names) {
  std::vector<size_t> columns;
  for (std::string_view name : names) {
    size_t found = header.fields.size();
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (header.fields[i] == name) found = i;
    }
    if (found == header.fields.size()) {
      std::string expected;
      for (std::string_view wanted : names) expected += (expected.empty() ? "" : ", ") + std::string(wanted);
      return LineError(file, header.line,
                       "the header has no column '" + std::string(name) + "' (expected the columns " +
                          expected + ")");
    }
    columns.push_back(found);
  }
  return columns;
}

}  // namespace claimgraph::importers
