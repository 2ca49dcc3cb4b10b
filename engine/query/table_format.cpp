// Printing a QueryTable for a terminal, for programs (JSON) and for spreadsheets (CSV).
#include <charconv>
#include <cmath>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "claimgraph/query.h"
#include "score/explanation.h"  // FormatDecimal: four decimals, as `claimgraph score` prints them

namespace claimgraph {
namespace {

// For a program (JSON, CSV): the shortest text that reads back as the same double, so that
// a figure computed from the output is the figure computed inside (issue 13, item 1).
std::string Shortest(double value) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

std::string CellText(const QueryValue& value, bool for_person) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* count = std::get_if<int64_t>(&value)) return std::to_string(*count);
  if (const auto* real = std::get_if<double>(&value)) return for_person ? score::FormatDecimal(*real, 4) : Shortest(*real);
  return "";
}

// Display width in code points (UTF-8 continuation bytes do not count), which is right
// for the Latin, Cyrillic and Greek text of most casefiles; wide CJK glyphs may misalign.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

// One line per row: tabs and line breaks inside a cell become spaces.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

std::string AsText(const QueryTable& table) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(table.columns);
  for (const auto& row : table.rows) {
    std::vector<std::string> line;
    for (const QueryValue& value : row) {
      line.push_back(std::holds_alternative<std::monostate>(value) ? "-" : OneLine(CellText(value, true)));
    }
    cells.push_back(std::move(line));
  }
  std::vector<size_t> widths(table.columns.size(), 0);
  for (const auto& line : cells) {
    for (size_t i = 0; i < line.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(line[i]));
    }
  }
  std::string text;
  for (const auto& line : cells) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
      out += line[i];
      if (i + 1 < line.size()) out += std::string(widths[i] - DisplayWidth(line[i]) + 2, ' ');
    }
    text += out + "\n";
  }
  if (table.rows.empty()) text += "(no rows)\n";
  return text;
}

std::string AsJson(const QueryTable& table) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartArray();
  for (const auto& row : table.rows) {
    writer.StartObject();
    for (size_t i = 0; i < row.size(); ++i) {
      writer.Key(table.columns[i].data(), static_cast<rapidjson::SizeType>(table.columns[i].size()));
      const QueryValue& value = row[i];
      if (const auto* text = std::get_if<std::string>(&value)) {
        writer.String(text->data(), static_cast<rapidjson::SizeType>(text->size()));
      } else if (const auto* count = std::get_if<int64_t>(&value)) {
        writer.Int64(*count);
      } else if (const auto* real = std::get_if<double>(&value)) {
        if (!std::isfinite(*real)) {
          writer.Null();  // JSON has no NaN or infinity
          continue;
        }
        const std::string number = Shortest(*real);
        writer.RawValue(number.data(), number.size(), rapidjson::kNumberType);
      } else {
        writer.Null();
      }
    }
    writer.EndObject();
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string AsCsv(const QueryTable& table) {
  std::string text;
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) text += (i > 0 ? "," : "") + CsvField(fields[i]);
    text += "\r\n";
  };
  line(table.columns);
  for (const auto& row : table.rows) {
    std::vector<std::string> fields;
    for (const QueryValue& value : row) fields.push_back(CellText(value, false));
    line(fields);
  }
  return text;
}

}  // namespace

std::optional<TableFormat> ParseTableFormat(std::string_view text) {
  if (text == "table") return TableFormat::kTable;
  if (text == "json") return TableFormat::kJson;
  if (text == "csv") return TableFormat::kCsv;
  return std::nullopt;
}

std::string FormatQueryTable(const QueryTable& table, TableFormat format) {
  switch (format) {
    case TableFormat::kTable: return AsText(table);
    case TableFormat::kJson: return AsJson(table);
    case TableFormat::kCsv: return AsCsv(table);
  }
  return AsText(table);
}

}  // namespace claimgraph
