#include "ingest/casefile_reader.h"

#include <cmath>
#include <set>

#include "rapidjson/document.h"
#include "ingest/json_structure.h"
#include "ingest/value_checks.h"
#include "rapidjson/stringbuffer.h"

namespace claimgraph::ingest {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Duplicate keys reported per file: the sink's own limit stops the rest.
constexpr size_t kMaxStructureProblems = 1000;

std::string PointerText(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return buffer.GetString();
}

std::string SchemaPointerText(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.StringifyUriFragment(buffer);
  return buffer.GetString();
}

// RapidJSON 1.1.0 hashes a value checked against an `enum` and converts a double to a
// 64-bit integer for that (internal::Hasher::Double): undefined behaviour for magnitudes of
// 2^63 and more ("claimgraph": 6e23, found by the loader fuzzer). Such numbers are clamped
// to +-kLargestHashable in a copy before validating. No verdict changes: the schema's bounds
// are all far smaller, and an enum of strings rejects every number alike. Messages quote the
// original value, since they read it from the unclamped document.
constexpr double kLargestHashable = 9.2e18;  // below 2^63 = 9.223e18

bool HasUnhashableNumber(const rapidjson::Value& value) {
  if (value.IsDouble()) return std::fabs(value.GetDouble()) >= kLargestHashable;
  if (value.IsArray()) {
    for (const auto& element : value.GetArray()) {
      if (HasUnhashableNumber(element)) return true;
    }
  }
  if (value.IsObject()) {
    for (rapidjson::SizeType member_index = 0; member_index < value.MemberCount(); ++member_index) {
      const auto member = value.MemberBegin() + member_index;
      if (HasUnhashableNumber(member->value)) return true;
    }
  }
  return false;
}

void ClampUnhashableNumbers(rapidjson::Value& value) {
  if (value.IsDouble() && std::fabs(value.GetDouble()) >= kLargestHashable) {
    value.SetDouble(std::copysign(kLargestHashable, value.GetDouble()));
  } else if (value.IsArray()) {
    for (auto& element : value.GetArray()) ClampUnhashableNumbers(element);
  } else if (value.IsObject()) {
    for (rapidjson::SizeType member_index = 0; member_index < value.MemberCount(); ++member_index) {
      const auto member = value.MemberBegin() + member_index;
      ClampUnhashableNumbers(member->value);
    }
  }
}

// Validates `value` against `schema_document`; on failure reports one error, its document
// pointer prefixed with `prefix`, and returns false.
bool ValidateAndReport(const rapidjson::Value& value, const rapidjson::SchemaDocument& document,
                       const CasefileSchema& schema, const std::string& prefix,
                       const rapidjson::Value& root, uint32_t file, DiagnosticSink& sink,
                       std::string* failed_pointer = nullptr) {
  rapidjson::SchemaValidator validator(document);
  rapidjson::Document clamped;
  const rapidjson::Value* checked = &value;
  if (HasUnhashableNumber(value)) {
    clamped.CopyFrom(value, clamped.GetAllocator());
    ClampUnhashableNumbers(clamped);
    checked = &clamped;
  }
  if (checked->Accept(validator)) return true;
  if (!validator.IsValid()) {
    const std::string pointer = prefix + PointerText(validator.GetInvalidDocumentPointer());
    const rapidjson::Value* instance = rapidjson::Pointer(pointer.c_str()).Get(root);
    sink.Error(file, pointer,
               schema.Explain(SchemaPointerText(validator.GetInvalidSchemaPointer()),
                              validator.GetInvalidSchemaKeyword(), pointer, instance));
    if (failed_pointer != nullptr) *failed_pointer = pointer;
  }
  return false;
}

// The members of an object by position: clang's C++20 mode finds RapidJSON 1.1.0's member
// iterator comparison ambiguous (-Wambiguous-reversed-operator), so no range-for.
rapidjson::Value::Member& MemberAt(rapidjson::Value& object, rapidjson::SizeType i) {
  return *(object.MemberBegin() + i);
}

RecordKind RecordKindOfMember(std::string_view name) {
  for (int kind = 0; kind < 6; ++kind) {
    if (name == ArrayName(static_cast<RecordKind>(kind))) return static_cast<RecordKind>(kind);
  }
  return RecordKind::kNone;
}

}  // namespace

std::string ParseErrorMessage(rapidjson::ParseErrorCode code, size_t offset,
                              std::string_view text) {
  using namespace rapidjson;
  size_t content_end = text.size();
  while (content_end > 0 && (text[content_end - 1] == ' ' || text[content_end - 1] == '\n' ||
                             text[content_end - 1] == '\r' || text[content_end - 1] == '\t')) {
    --content_end;
  }
  if (code == kParseErrorDocumentEmpty) {
    return "the file is empty; a casefile is a JSON object such as {\"claimgraph\": \"1.0\"}";
  }
  if (offset >= content_end &&
      (code == kParseErrorObjectMissName || code == kParseErrorObjectMissColon ||
       code == kParseErrorObjectMissCommaOrCurlyBracket ||
       code == kParseErrorArrayMissCommaOrSquareBracket || code == kParseErrorValueInvalid ||
       code == kParseErrorStringMissQuotationMark)) {
    return "the file ends in the middle of the JSON document (is it truncated?)";
  }
  switch (code) {
    case kParseErrorDocumentRootNotSingular:
      return "unexpected text after the end of the JSON document";
    case kParseErrorValueInvalid:
      return "invalid JSON value (look for a missing quote, a trailing comma or a comment)";
    case kParseErrorObjectMissName:
      return "expected a field name in double quotes (is there a trailing comma?)";
    case kParseErrorObjectMissColon: return "expected ':' after the field name";
    case kParseErrorObjectMissCommaOrCurlyBracket:
      return "expected ',' or '}' after a field (is a comma missing?)";
    case kParseErrorArrayMissCommaOrSquareBracket:
      return "expected ',' or ']' after an array element (is a comma missing?)";
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return "invalid \\u escape in a string: it needs four hexadecimal digits";
    case kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid \\u escape in a string: a UTF-16 surrogate is not paired";
    case kParseErrorStringEscapeInvalid: return "invalid escape sequence in a string";
    case kParseErrorStringMissQuotationMark:
      return "a string is not closed (missing '\"', or a control character inside it)";
    case kParseErrorStringInvalidEncoding:
      return "invalid UTF-8 in a string; save the file as UTF-8";
    case kParseErrorNumberTooBig: return "number too big";
    case kParseErrorNumberMissFraction: return "a number has no digits after its decimal point";
    case kParseErrorNumberMissExponent: return "a number has no digits in its exponent";
    default: return "invalid JSON";
  }
}

bool ReadCasefileOnErrorPath(std::string_view text, const CasefileSchema& schema, uint32_t file,
                             BuildState& state, DiagnosticSink& sink) {
  size_t skipped = 0;
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) skipped = kByteOrderMark.size();
  // Before any DOM: the scan bounds the recursion of Parse, Accept and the validator below,
  // and a duplicate key would otherwise be read as one of its two values.
  const JsonStructureScan structure = ScanJsonStructure(text, skipped, kMaxStructureProblems);
  for (const JsonStructureProblem& problem : structure.problems) {
    sink.Error(file, problem.pointer, problem.message, problem.offset);
  }
  if (structure.too_deep) return false;
  rapidjson::Document document;
  document.Parse<kCasefileParseFlags>(text.data() + skipped, text.size() - skipped);
  if (document.HasParseError()) {
    // An empty file is reported at its start, not after its trailing blank lines.
    const size_t offset = document.GetParseError() == rapidjson::kParseErrorDocumentEmpty
                              ? 0
                              : skipped + document.GetErrorOffset();
    sink.Error(file, "", ParseErrorMessage(document.GetParseError(), offset, text), offset);
    return false;
  }
  if (!structure.problems.empty()) return false;
  if (!document.IsObject()) {
    ValidateAndReport(document, schema.root(), schema, "", document, file, sink);
    return true;
  }
  // The top level alone: a copy whose record arrays are empty. RapidJSON reports one error
  // per validation, so drop each offending member and validate again until none is left.
  auto& allocator = document.GetAllocator();
  rapidjson::Value shell(rapidjson::kObjectType);
  for (rapidjson::SizeType i = 0; i < document.MemberCount(); ++i) {
    auto& member = MemberAt(document, i);
    const bool records = RecordKindOfMember(member.name.GetString()) != RecordKind::kNone &&
                         member.value.IsArray();
    rapidjson::Value value;
    if (records) value.SetArray();
    else value.CopyFrom(member.value, allocator);
    shell.AddMember(rapidjson::Value(member.name, allocator), value, allocator);
  }
  std::set<std::string> dropped;
  for (size_t attempt = 0; attempt <= document.MemberCount(); ++attempt) {
    std::string pointer;
    if (ValidateAndReport(shell, schema.root(), schema, "", document, file, sink, &pointer)) break;
    const size_t end = pointer.find('/', 1);
    const std::string member = pointer.empty() ? "" : pointer.substr(1, end - 1);
    if (member.empty() || !shell.HasMember(member.c_str())) break;
    if (member == "claimgraph") {
      // Required: removing it would only add "missing required field" to its own error.
      shell["claimgraph"].SetString("1.0");
    } else {
      shell.RemoveMember(member.c_str());
    }
    dropped.insert(member);
  }
  // Each record alone; an invalid record becomes its id (or null) for the builder.
  for (rapidjson::SizeType i = 0; i < document.MemberCount(); ++i) {
    auto& member = MemberAt(document, i);
    const std::string name = member.name.GetString();
    const RecordKind kind = RecordKindOfMember(name);
    if (kind == RecordKind::kNone || !member.value.IsArray() || dropped.count(name)) continue;
    rapidjson::SizeType position = 0;
    for (auto& record : member.value.GetArray()) {
      const std::string prefix = "/" + name + "/" + std::to_string(position++);
      if (ValidateAndReport(record, schema.record(kind), schema, prefix, document, file, sink)) {
        continue;
      }
      rapidjson::Value placeholder;
      if (record.IsObject() && record.HasMember("id") && record["id"].IsString() &&
          IdProblem({record["id"].GetString(), record["id"].GetStringLength()}).empty()) {
        placeholder.CopyFrom(record["id"], allocator);
      }
      record = placeholder;
    }
  }
  // Every member of that name: JSON allows a name twice, and a second "assertions" array
  // left behind would reach the builder unvalidated (found by the loader fuzzer).
  for (const std::string& name : dropped) {
    while (document.RemoveMember(name.c_str())) {
    }
  }
  CaseBuilder builder(state, file);
  document.Accept(builder);
  return true;
}

}  // namespace claimgraph::ingest
