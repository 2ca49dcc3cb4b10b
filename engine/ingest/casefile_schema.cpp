#include "ingest/casefile_schema.h"

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "claimgraph/files.h"
#include "embedded/casefile_schema.h"
#include "ingest/value_checks.h"
#include "rapidjson/pointer.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace claimgraph::ingest {
namespace {

std::vector<std::string> PointerTokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  size_t position = 0;
  while (position < pointer.size() && pointer[position] == '/') {
    size_t end = pointer.find('/', position + 1);
    if (end == std::string::npos) end = pointer.size();
    std::string token;
    for (size_t i = position + 1; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end) {
        token += pointer[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    position = end;
  }
  return tokens;
}

bool IsIndex(const std::string& token) {
  return !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
}

// "an assertion", "the review", "the casefile": what the object at `tokens` is.
std::string OwnerNoun(const std::vector<std::string>& tokens, size_t depth) {
  if (depth == 0) return "the casefile";
  if (tokens[0] == "review" && depth == 1) return "the review";
  static constexpr const char* kArrays[] = {"entities", "sources", "claims",
                                            "assertions", "citations", "verdicts"};
  static constexpr const char* kNouns[] = {"an entity", "a source", "a claim",
                                           "an assertion", "a citation", "a verdict"};
  if (depth == 2 && IsIndex(tokens[1])) {
    for (int i = 0; i < 6; ++i) {
      if (tokens[0] == kArrays[i]) return kNouns[i];
    }
  }
  return "this object";
}

std::string TypeNoun(const rapidjson::Value* value) {
  if (value == nullptr) return "nothing";
  switch (value->GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "a value";
}

std::string SchemaTypeNoun(const std::string& type) {
  if (type == "object" || type == "array" || type == "integer") return "an " + type;
  return "a " + type;
}

// The value as it would be written in JSON, shortened.
std::string ShowValue(const rapidjson::Value* value) {
  if (value == nullptr) return "nothing";
  if (value->IsString()) return Quoted({value->GetString(), value->GetStringLength()});
  if (value->IsObject()) return "an object";
  if (value->IsArray()) return "an array";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value->Accept(writer);
  return buffer.GetString();
}

// Levenshtein distance, to suggest the field a misspelt name was meant to be.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ExplainUnknownField(const std::string& field, const std::string& owner,
                                const rapidjson::Value* properties) {
  std::string message = Quoted(field) + " is not a field of " + owner;
  if (properties == nullptr || !properties->IsObject()) return message;
  std::string best;
  size_t best_distance = 3;  // suggest only names at most two edits away
  std::string all;
  // By position: clang's C++20 mode finds RapidJSON 1.1.0's member iterator comparison
  // ambiguous (-Wambiguous-reversed-operator), so no range-for.
  for (rapidjson::SizeType i = 0; i < properties->MemberCount(); ++i) {
    const std::string name = (properties->MemberBegin() + i)->name.GetString();
    if (!all.empty()) all += ", ";
    all += name;
    const size_t distance = EditDistance(field, name);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  if (!best.empty()) return message + "; did you mean \"" + best + "\"?";
  return message + " (its fields are " + all + ")";
}

}  // namespace

Result<CasefileSchema*> CasefileSchema::Load() {
  // The schema is compiled in (cmake/EmbedFiles.cmake), so that an installed claimgraph
  // needs no file beside it; CLAIMGRAPH_SCHEMA_DIR reads another copy instead, for trying
  // out a schema change without rebuilding.
  std::string described = "the built-in casefile schema";
  std::string text_read;
  std::string_view text;
  const char* directory = std::getenv("CLAIMGRAPH_SCHEMA_DIR");
  if (directory != nullptr && directory[0] != '\0') {
    const std::string path = std::string(directory) + "/casefile.schema.json";
    described = "the casefile schema " + path;
    Result<std::string> read = ReadFile(path);
    if (!read.ok()) {
      // ReadFile says "PATH: error: cannot open: ..."; this error is itself reported as
      // one, so keep "PATH: cannot open: ...".
      std::string reason = read.status().message();
      const std::string inner = path + ": error: ";
      if (reason.compare(0, inner.size(), inner) == 0) reason = path + ": " + reason.substr(inner.size());
      return Status::Error("cannot load the casefile schema that CLAIMGRAPH_SCHEMA_DIR names "
                           "(unset it to use the built-in one): " + reason,
                           ExitCode::kInternalError);
    }
    text_read = std::move(read.value());
    text = text_read;
  } else {
    const std::optional<std::string_view> built_in =
        embedded::casefile_schema::Find("casefile.schema.json");
    if (!built_in.has_value()) {
      return Status::Error("this build of claimgraph has no casefile schema compiled in",
                           ExitCode::kInternalError);
    }
    text = *built_in;
  }
  auto schema = std::unique_ptr<CasefileSchema>(new CasefileSchema());
  schema->schema_json_.Parse(text.data(), text.size());
  if (schema->schema_json_.HasParseError() || !schema->schema_json_.IsObject() ||
      !schema->schema_json_.HasMember("definitions")) {
    return Status::Error(described + " is not valid JSON", ExitCode::kInternalError);
  }
  schema->root_ = std::make_unique<rapidjson::SchemaDocument>(schema->schema_json_);
  // RapidJSON 1.1.0 cannot validate against a sub-schema, so each record kind gets a small
  // schema of its own: {"$ref": "#/definitions/KIND", "definitions": <all definitions>}.
  for (int kind = 0; kind < 6; ++kind) {
    auto document = std::make_unique<rapidjson::Document>();
    document->SetObject();
    auto& allocator = document->GetAllocator();
    const std::string reference =
        std::string("#/definitions/") + RecordName(static_cast<RecordKind>(kind));
    document->AddMember("$ref", rapidjson::Value(reference.c_str(), allocator), allocator);
    rapidjson::Value definitions(schema->schema_json_["definitions"], allocator);
    document->AddMember("definitions", definitions, allocator);
    schema->records_[kind] = std::make_unique<rapidjson::SchemaDocument>(*document);
    schema->record_json_[kind] = std::move(document);
  }
  Result<SchemaChecker> checker = SchemaChecker::Compile(schema->schema_json_);
  if (checker.ok()) schema->checker_.emplace(std::move(checker.value()));
  return schema.release();
}

Result<const CasefileSchema*> CasefileSchema::Get() {
  // Destroyed at exit rather than leaked: RapidJSON packs its flags into the top bits of
  // string pointers, so LeakSanitizer cannot see that a live schema still owns its names.
  static std::once_flag once;
  static std::unique_ptr<CasefileSchema> schema;
  static Status failure;
  std::call_once(once, [] {
    Result<CasefileSchema*> loaded = Load();
    if (loaded.ok()) {
      schema.reset(loaded.value());
    } else {
      failure = loaded.status();
    }
  });
  if (schema == nullptr) return failure;
  return static_cast<const CasefileSchema*>(schema.get());
}

std::string CasefileSchema::Explain(const std::string& schema_pointer, const std::string& keyword,
                                    const std::string& document_pointer,
                                    const rapidjson::Value* instance) const {
  const std::vector<std::string> tokens = PointerTokens(document_pointer);
  const std::string field = tokens.empty() ? "the casefile" : tokens.back();
  // The schema pointer is a URI fragment ("#/definitions/assertion"); look the node up in
  // whichever document it belongs to: every record schema shares the same definitions.
  std::string fragment = schema_pointer;
  if (!fragment.empty() && fragment[0] == '#') fragment.erase(0, 1);
  const rapidjson::Value* node =
      rapidjson::Pointer(fragment.c_str()).Get(static_cast<const rapidjson::Value&>(schema_json_));

  if (keyword == "required") {
    std::string missing;
    if (node != nullptr && node->HasMember("required") && instance != nullptr &&
        instance->IsObject()) {
      for (const auto& name : (*node)["required"].GetArray()) {
        if (!instance->HasMember(name.GetString())) {
          missing = name.GetString();
          break;
        }
      }
    }
    return "missing required field \"" + missing + "\" in " + OwnerNoun(tokens, tokens.size());
  }
  if (keyword == "additionalProperties") {
    const rapidjson::Value* properties =
        node != nullptr && node->HasMember("properties") ? &(*node)["properties"] : nullptr;
    return ExplainUnknownField(field, OwnerNoun(tokens, tokens.empty() ? 0 : tokens.size() - 1),
                               properties);
  }
  if (keyword == "enum") {
    if (document_pointer == "/claimgraph") {
      return "unsupported format version " + ShowValue(instance) +
             "; this version of claimgraph reads casefiles of version \"1.0\"";
    }
    // A suggestion: the choice at most two edits away (case is not an edit: "Supports" is
    // plainly "supports"), or else the one choice the value begins ("wire": "wire report").
    std::string given = instance != nullptr && instance->IsString() ? instance->GetString() : "";
    for (char& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string choices, closest, extended;
    size_t closest_distance = 3, extensions = 0;
    if (node != nullptr && node->HasMember("enum")) {
      for (const auto& choice : (*node)["enum"].GetArray()) {
        const std::string name = choice.GetString();
        if (!choices.empty()) choices += ", ";
        choices += name;
        if (given.empty()) continue;
        if (const size_t distance = EditDistance(given, name); distance < closest_distance) {
          closest_distance = distance;
          closest = name;
        }
        if (given.size() >= 3 && name.rfind(given, 0) == 0) {
          ++extensions;
          extended = name;
        }
      }
    }
    if (closest.empty() && extensions == 1) closest = extended;
    std::string message = field + " must be one of " + choices + ", not " + ShowValue(instance);
    if (!closest.empty()) message += "; did you mean \"" + closest + "\"?";
    return message;
  }
  if (keyword == "type") {
    std::string expected = "a value of another type";
    if (node != nullptr && node->HasMember("type") && (*node)["type"].IsString()) {
      expected = SchemaTypeNoun((*node)["type"].GetString());
    }
    if (instance != nullptr && instance->IsNumber() && expected == "an integer") {
      return "expected a whole number, found " + ShowValue(instance);
    }
    return "expected " + expected + ", found " + TypeNoun(instance);
  }
  if (keyword == "minLength") {
    if (schema_pointer == "#/definitions/id") return "an id must not be empty";
    return field + " must not be empty";
  }
  if (keyword == "maxLength") {
    if (schema_pointer == "#/definitions/id") return "an id must be at most 200 characters long";
    return field + " is too long";
  }
  if (keyword == "minimum" || keyword == "maximum") {
    // The bounds as the schema states them (a probability's [0, 1], a span's offsets).
    auto bound = [&](const char* name, const char* fallback) {
      if (node == nullptr || !node->HasMember(name) || !(*node)[name].IsNumber()) return std::string(fallback);
      const double value = (*node)[name].GetDouble();
      return value == static_cast<double>(static_cast<int64_t>(value))
                 ? std::to_string(static_cast<int64_t>(value)) : std::to_string(value);
    };
    return field + " must be between " + bound("minimum", "0") + " and " + bound("maximum", "1") +
           ", not " + ShowValue(instance);
  }
  return "does not match the casefile schema (rule \"" + keyword + "\" at " + schema_pointer + ")";
}

}  // namespace claimgraph::ingest
