// CaseData -> casefile JSON. Written by hand rather than through a DOM so that the layout
// (one record a line) and the field order are fixed and visible here.
#include "claimgraph/casefile_writer.h"

#include <charconv>
#include <initializer_list>
#include <vector>

namespace claimgraph {
namespace {

// Builds one JSON object on one line: {"a": 1, "b": "x"}.
class ObjectLine {
 public:
  explicit ObjectLine(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectLine() { out_ += '}'; }
  ObjectLine(const ObjectLine&) = delete;
  ObjectLine& operator=(const ObjectLine&) = delete;

  void String(std::string_view key, std::string_view value) {
    Key(key);
    AppendJsonString(out_, value);
  }
  void StringIfPresent(std::string_view key, std::string_view value) {
    if (!value.empty()) String(key, value);
  }
  void Number(std::string_view key, double value) {
    Key(key);
    // Shortest text that reads back to the same double; locale-independent. A float field
    // (confidence) is widened by the caller through its shortest float text, so 0.9f is
    // written as 0.9 rather than 0.89999997615814209.
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void Integers(std::string_view key, std::initializer_list<uint32_t> values) {
    Key(key);
    out_ += '[';
    bool first = true;
    for (uint32_t value : values) {
      if (!first) out_ += ", ";
      first = false;
      out_ += std::to_string(value);
    }
    out_ += ']';
  }
  // `values`: a vector of anything that converts to std::string_view.
  template <typename Texts>
  void Strings(std::string_view key, const Texts& values) {
    if (values.empty()) return;
    Key(key);
    out_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ += ", ";
      AppendJsonString(out_, values[i]);
    }
    out_ += ']';
  }

 private:
  void Key(std::string_view key) {
    if (!first_) out_ += ", ";
    first_ = false;
    AppendJsonString(out_, key);
    out_ += ": ";
  }
  std::string& out_;
  bool first_ = true;
};

double ShortestFloatAsDouble(float value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  double widened = 0;
  std::from_chars(buffer, end, widened);
  return widened;
}

std::string_view NodeId(const CaseData& data, NodeRef node) {
  switch (node.kind) {
    case NodeKind::kSource: return data.sources[node.index].id;
    case NodeKind::kClaim: return data.claims[node.index].id;
    case NodeKind::kEntity: return data.entities[node.index].id;
  }
  return "";
}

// Writes `"name": [` ... `]` with one record a line, each produced by `write_record`.
template <typename Record, typename WriteRecord>
void WriteArray(std::string& out, std::string_view name, const std::vector<Record>& records,
                bool write_if_empty, WriteRecord write_record) {
  if (records.empty() && !write_if_empty) return;
  out += ",\n  ";
  AppendJsonString(out, name);
  if (records.empty()) {
    out += ": []";
    return;
  }
  out += ": [\n";
  for (size_t i = 0; i < records.size(); ++i) {
    out += "    ";
    {
      ObjectLine line(out);
      write_record(line, records[i]);
    }
    out += i + 1 < records.size() ? ",\n" : "\n";
  }
  out += "  ]";
}

void WriteEntity(ObjectLine& line, const CaseData& data, const Entity& entity) {
  line.String("id", entity.id);
  line.String("name", entity.name);
  line.Strings("aliases", entity.aliases);
  line.String("type", Name(entity.type));
  std::vector<std::string_view> controllers;
  for (Index controller : entity.controlled_by) controllers.push_back(data.entities[controller].id);
  line.Strings("controlled_by", controllers);
  line.StringIfPresent("url", entity.url);
}

void WriteSource(ObjectLine& line, const CaseData& data, const Source& source) {
  line.String("id", source.id);
  line.String("title", source.title);
  line.StringIfPresent("url", source.url);
  if (source.publisher != kNoIndex) line.String("publisher", data.entities[source.publisher].id);
  line.StringIfPresent("published", source.published);
  line.String("kind", Name(source.kind));
  line.StringIfPresent("language", source.language);
  if (source.reliability) line.Number("reliability", *source.reliability);
}

void WriteClaim(ObjectLine& line, const CaseData& data, const Claim& claim) {
  line.String("id", claim.id);
  line.String("text", claim.text);
  std::vector<std::string_view> about, excludes;
  for (Index entity : claim.about) about.push_back(data.entities[entity].id);
  for (Index other : claim.excludes) excludes.push_back(data.claims[other].id);
  line.Strings("about", about);
  line.Strings("excludes", excludes);
  line.StringIfPresent("question", claim.question);
  line.StringIfPresent("value", claim.value);
}

void WriteAssertion(ObjectLine& line, const CaseData& data, const Assertion& assertion) {
  line.String("source", data.sources[assertion.source].id);
  line.String("claim", data.claims[assertion.claim].id);
  line.String("stance", Name(assertion.stance));
  if (assertion.speaker.valid()) line.String("speaker", NodeId(data, assertion.speaker));
  line.StringIfPresent("quote", assertion.quote);
  if (assertion.confidence != 1.0f) {
    line.Number("confidence", ShortestFloatAsDouble(assertion.confidence));
  }
  // Written so that a casefile drafted by `extract` survives a round trip (the case store
  // keeps records in this form). `assertion` is an element of data.assertions (both
  // callers pass that array's records), so its position is its index.
  const Extraction extraction = data.ExtractionOf(static_cast<Index>(&assertion - data.assertions.data()));
  if (extraction.span_begin != 0 || extraction.span_end != 0) {
    line.Integers("span", {extraction.span_begin, extraction.span_end});
  }
  if (extraction.extracted_by != kNoIndex && extraction.extracted_by < data.extraction_rules.size()) {
    line.String("extracted_by", data.extraction_rules[extraction.extracted_by]);
  }
}

void WriteCitation(ObjectLine& line, const CaseData& data, const Citation& citation) {
  line.String("from", data.sources[citation.from].id);
  line.String("to", data.sources[citation.to].id);
  line.String("kind", Name(citation.kind));
}

void WriteVerdict(ObjectLine& line, const CaseData& data, const Verdict& verdict) {
  line.String("claim", data.claims[verdict.claim].id);
  line.String("rating", Name(verdict.rating));
  line.StringIfPresent("by", verdict.by);
  line.StringIfPresent("date", verdict.date);
  line.StringIfPresent("url", verdict.url);
}

template <typename Record, typename WriteRecord>
std::vector<std::string> Lines(const CaseData& data, const std::vector<Record>& records,
                               WriteRecord write_record) {
  std::vector<std::string> lines;
  lines.reserve(records.size());
  for (const Record& record : records) {
    std::string text;
    {
      ObjectLine line(text);
      write_record(line, data, record);
    }
    lines.push_back(std::move(text));
  }
  return lines;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string CasefileText(const CaseData& data, const CasefileWriteOptions& options) {
  std::string out = "{\n  \"claimgraph\": \"1.0\"";
  if (!options.shard_json.empty()) {
    out += ",\n  \"shard\": ";
    out += options.shard_json;
  }
  auto top_string = [&out](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += ",\n  ";
    AppendJsonString(out, key);
    out += ": ";
    AppendJsonString(out, value);
  };
  top_string("title", data.title);
  top_string("description", options.description);
  if (data.review.present()) {
    out += ",\n  \"review\": ";
    ObjectLine line(out);
    line.String("author_name", data.review.author_name);
    line.StringIfPresent("author_url", data.review.author_url);
    line.StringIfPresent("date_published", data.review.date_published);
  }
  const bool empty_arrays = options.write_empty_arrays;

  auto array = [&](std::string_view name, const auto& records, auto write_record) {
    WriteArray(out, name, records, empty_arrays,
               [&](ObjectLine& line, const auto& record) { write_record(line, data, record); });
  };
  array("entities", data.entities, WriteEntity);
  array("sources", data.sources, WriteSource);
  array("claims", data.claims, WriteClaim);
  array("assertions", data.assertions, WriteAssertion);
  array("citations", data.citations, WriteCitation);
  array("verdicts", data.verdicts, WriteVerdict);

  out += "\n}\n";
  return out;
}

CasefileRecordTexts RecordTexts(const CaseData& data) {
  CasefileRecordTexts texts;
  texts.entities = Lines(data, data.entities, WriteEntity);
  texts.sources = Lines(data, data.sources, WriteSource);
  texts.claims = Lines(data, data.claims, WriteClaim);
  texts.assertions = Lines(data, data.assertions, WriteAssertion);
  texts.citations = Lines(data, data.citations, WriteCitation);
  texts.verdicts = Lines(data, data.verdicts, WriteVerdict);
  return texts;
}

}  // namespace claimgraph
