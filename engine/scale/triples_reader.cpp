#include "scale/triples_reader.h"

#include <string>
#include <unordered_map>

#include "model/utf8.h"

namespace claimgraph::scale {
namespace {

constexpr const char* kFieldNames[] = {"source", "item", "value", "stance"};

Status ErrorAt(std::string_view file, size_t line, size_t column, const std::string& message) {
  return Status::Error(std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                       message);
}

// The column (from 1) of the first byte of `field` that is not well-formed UTF-8 or is a
// control character (C0, DEL or C1), else 0.
size_t BadByteColumn(std::string_view field) {
  for (size_t at = 0; at < field.size();) {
    uint32_t code_point = 0;
    const size_t length = Utf8SequenceLength(field, at, &code_point);
    if (length == 0 || code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return at + 1;
    at += length;
  }
  return 0;
}

struct PairHash {
  size_t operator()(const std::pair<Index, Index>& pair) const {
    return std::hash<uint64_t>()((uint64_t{pair.first} << 32) ^ pair.second);
  }
};

}  // namespace

Result<TriplesImport> ReadTriples(std::string_view file, std::string_view text) {
  TriplesImport result;
  CaseData& data = result.data;
  const size_t slash = file.find_last_of('/');
  data.title = "triples from " + std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
  std::unordered_map<std::string, Index> source_of_name, claim_of_answer;  // answer: item '\t' value
  // (source, claim) -> the stance given and the line that gave it first.
  std::unordered_map<std::pair<Index, Index>, std::pair<Stance, size_t>, PairHash> given;
  size_t repeated = 0, first_repeat = 0;
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string_view fields[4];
    size_t columns[4] = {0, 0, 0, 0};
    size_t count = 0, at = 0;
    while (true) {
      const size_t tab = line.find('\t', at);
      if (count == 4) {
        return ErrorAt(file, line_number, at, "expected 3 or 4 tab-separated fields (source, item, value[, stance]), "
                                              "found more");
      }
      columns[count] = at + 1;
      fields[count++] = line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at);
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    if (count < 3) {
      return ErrorAt(file, line_number, line.size() + 1,
                     "expected 3 or 4 tab-separated fields (source, item, value[, stance]), found " +
                         std::to_string(count));
    }
    for (size_t f = 0; f < count; ++f) {
      if (fields[f].empty()) return ErrorAt(file, line_number, columns[f], std::string("the ") + kFieldNames[f] + " is empty");
      if (const size_t bad = BadByteColumn(fields[f]); bad > 0) {
        return ErrorAt(file, line_number, columns[f] + bad - 1,
                       std::string("the ") + kFieldNames[f] + " holds a byte that is not UTF-8 text or is a control character");
      }
    }
    Stance stance = Stance::kSupports;
    if (count == 4) {
      const std::optional<Stance> parsed = ParseStance(fields[3]);
      if (!parsed) {
        return ErrorAt(file, line_number, columns[3], "unknown stance '" + std::string(fields[3]) +
                                                          "' (expected supports, refutes or reports)");
      }
      stance = *parsed;
    }
    auto [source_place, new_source] = source_of_name.try_emplace(std::string(fields[0]), data.sources.size());
    if (new_source) {
      Source& source = data.sources.emplace_back();
      source.id = "s" + std::to_string(data.sources.size());
      source.title = std::string(fields[0]);
    }
    std::string answer = std::string(fields[1]) + '\t' + std::string(fields[2]);
    auto [claim_place, new_claim] = claim_of_answer.try_emplace(std::move(answer), data.claims.size());
    if (new_claim) {
      Claim& claim = data.claims.emplace_back();
      claim.id = "c" + std::to_string(data.claims.size());
      claim.question = std::string(fields[1]);
      claim.value = std::string(fields[2]);
      claim.text = claim.question + ": " + claim.value;
    }
    const Index source = source_place->second, claim = claim_place->second;
    auto [earlier, first_time] = given.try_emplace({source, claim}, stance, line_number);
    if (!first_time) {
      if (earlier->second.first != stance) {
        return ErrorAt(file, line_number, columns[count == 4 ? 3 : 0],
                       "source '" + std::string(fields[0]) + "' already gave the stance " +
                           std::string(Name(earlier->second.first)) + " for this value at line " +
                           std::to_string(earlier->second.second));
      }
      if (repeated++ == 0) first_repeat = line_number;
      continue;
    }
    data.assertions.push_back({.source = source, .claim = claim, .stance = stance});
  }
  if (repeated > 0) {
    result.notes.push_back(std::string(file) + ": note: " + std::to_string(repeated) +
                           (repeated == 1 ? " line repeats" : " lines repeat") +
                           " an earlier line and was skipped; first at line " + std::to_string(first_repeat));
  }
  return result;
}

}  // namespace claimgraph::scale
