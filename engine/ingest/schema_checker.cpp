#include "ingest/schema_checker.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "ingest/json_structure.h"

namespace claimgraph::ingest {

// Turns schema objects into rules, resolving "#/definitions/NAME" references once each.
class SchemaCompiler {
 public:
  explicit SchemaCompiler(const rapidjson::Value& document) : document_(document) {}

  Result<SchemaChecker> Run() {
    const int root = CompileNode(document_, "#");
    if (!error_.empty()) {
      return Status::Error("the casefile schema cannot be compiled for the fast path: " + error_,
                           ExitCode::kInternalError);
    }
    checker_.root_ = root;
    return std::move(checker_);
  }

 private:
  static bool IsAnnotation(std::string_view key) {
    return key == "description" || key == "title" || key == "$schema" || key == "id" ||
           key == "definitions";
  }

  bool Unsupported(const std::string& where, const std::string& what) {
    if (error_.empty()) error_ = what + " at " + where;
    return false;
  }

  // The rule of the definition named by `reference`, compiled on first use.
  int Reference(const std::string& reference, const std::string& where) {
    constexpr std::string_view kPrefix = "#/definitions/";
    if (reference.compare(0, kPrefix.size(), kPrefix) != 0) {
      Unsupported(where, "a $ref other than #/definitions/NAME");
      return SchemaChecker::kAnyRule;
    }
    const std::string name = reference.substr(kPrefix.size());
    auto found = definitions_.find(name);
    if (found != definitions_.end()) return found->second;
    if (!document_.HasMember("definitions") || !document_["definitions"].IsObject() ||
        !document_["definitions"].HasMember(name.c_str())) {
      Unsupported(where, "an unresolvable $ref " + reference);
      return SchemaChecker::kAnyRule;
    }
    const int index = NewRule();
    definitions_[name] = index;
    FillRule(index, document_["definitions"][name.c_str()], reference);
    return index;
  }

  int NewRule() {
    checker_.rules_.emplace_back();
    return static_cast<int>(checker_.rules_.size() - 1);
  }

  int CompileNode(const rapidjson::Value& node, const std::string& where) {
    if (!node.IsObject()) {
      Unsupported(where, "a schema that is not an object");
      return SchemaChecker::kAnyRule;
    }
    if (node.HasMember("$ref")) {
      for (rapidjson::SizeType member_index = 0; member_index < node.MemberCount(); ++member_index) {
        const auto member = node.MemberBegin() + member_index;
        const std::string_view key = member->name.GetString();
        if (key != "$ref" && !IsAnnotation(key)) {
          Unsupported(where, "\"" + std::string(key) + "\" beside $ref");
          return SchemaChecker::kAnyRule;
        }
      }
      if (!node["$ref"].IsString()) {
        Unsupported(where, "a $ref that is not a string");
        return SchemaChecker::kAnyRule;
      }
      return Reference(node["$ref"].GetString(), where);
    }
    const int index = NewRule();
    FillRule(index, node, where);
    return index;
  }

  static std::optional<uint8_t> TypeBit(std::string_view name) {
    if (name == "null") return SchemaChecker::kNull;
    if (name == "boolean") return SchemaChecker::kBoolean;
    if (name == "number") return SchemaChecker::kNumber;
    if (name == "string") return SchemaChecker::kString;
    if (name == "array") return SchemaChecker::kArray;
    if (name == "object") return SchemaChecker::kObject;
    return std::nullopt;  // "integer" is not implemented: RapidJSON's rules for it are subtle
  }

  static bool NonNegativeInteger(const rapidjson::Value& value) { return value.IsUint64(); }

  void FillRule(int index, const rapidjson::Value& node, const std::string& where) {
    if (!node.IsObject()) {
      Unsupported(where, "a schema that is not an object");
      return;
    }
    SchemaChecker::Rule rule;
    for (rapidjson::SizeType member_index = 0; member_index < node.MemberCount(); ++member_index) {
      const auto member = node.MemberBegin() + member_index;
      const std::string key = member->name.GetString();
      const rapidjson::Value& value = member->value;
      const std::string here = where + "/" + key;
      if (IsAnnotation(key)) continue;
      if (key == "type") {
        const auto bit = value.IsString() ? TypeBit(value.GetString()) : std::nullopt;
        if (!bit) return void(Unsupported(here, "a type other than one named JSON type"));
        rule.types = *bit;
      } else if (key == "enum") {
        if (!value.IsArray() || value.Empty()) return void(Unsupported(here, "an empty enum"));
        rule.enumeration.emplace();
        for (const auto& choice : value.GetArray()) {
          if (!choice.IsString()) return void(Unsupported(here, "an enum value that is not a string"));
          rule.enumeration->emplace_back(choice.GetString(), choice.GetStringLength());
        }
      } else if (key == "minLength" || key == "maxLength") {
        if (!NonNegativeInteger(value)) return void(Unsupported(here, "a length that is not a whole number"));
        (key == "minLength" ? rule.min_length : rule.max_length) = value.GetUint64();
      } else if (key == "minimum" || key == "maximum") {
        if (!value.IsNumber()) return void(Unsupported(here, "a bound that is not a number"));
        (key == "minimum" ? rule.minimum : rule.maximum) = value.GetDouble();
      } else if (key == "additionalProperties") {
        if (!value.IsBool()) return void(Unsupported(here, "additionalProperties that is a schema"));
        rule.additional_properties = value.GetBool();
      } else if (key == "properties") {
        if (!value.IsObject() || value.MemberCount() > 64) {
          return void(Unsupported(here, "properties that are not an object of at most 64"));
        }
        for (rapidjson::SizeType property_index = 0; property_index < value.MemberCount();
             ++property_index) {
          const auto property = value.MemberBegin() + property_index;
          const std::string name = property->name.GetString();
          const int child = CompileNode(property->value, here + "/" + name);
          rule.properties.push_back({name, child, SchemaChecker::HeadOf(name)});
        }
      } else if (key == "items") {
        rule.items = CompileNode(value, here);
      } else if (key != "required") {
        return void(Unsupported(here, "the keyword \"" + key + "\""));
      }
    }
    if (node.HasMember("required")) {
      const rapidjson::Value& required = node["required"];
      if (!required.IsArray()) return void(Unsupported(where + "/required", "required that is not an array"));
      for (const auto& name : required.GetArray()) {
        size_t position = 0;
        while (position < rule.properties.size() &&
               (!name.IsString() || rule.properties[position].name != name.GetString())) {
          ++position;
        }
        if (position == rule.properties.size()) {
          return void(Unsupported(where + "/required", "a required field not among the properties"));
        }
        rule.required |= uint64_t{1} << position;
      }
    }
    checker_.rules_[static_cast<size_t>(index)] = std::move(rule);
  }

  const rapidjson::Value& document_;
  SchemaChecker checker_;
  std::map<std::string, int> definitions_;
  std::string error_;
};

uint64_t SchemaChecker::HeadOf(std::string_view text) {
  // Byte by byte in a register: a memcpy of a variable length into a uint64_t stalled on
  // store forwarding, and this runs for every key of every record.
  uint64_t head = 0;
  const size_t length = std::min<size_t>(text.size(), sizeof head);
  for (size_t i = 0; i < length; ++i) {
    head |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  }
  return head;
}

Result<SchemaChecker> SchemaChecker::Compile(const rapidjson::Value& schema) {
  return SchemaCompiler(schema).Run();
}

namespace {

// JSON Schema counts string length in code points: every byte that does not continue a
// UTF-8 sequence starts one. (The text is valid UTF-8: the parser or the stream checked it.)
size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

bool CheckingCaseBuilder::Scalar(uint8_t type) {
  const int rule = NextRule();
  if (!TypeAllowed(rule, type)) return Fail();
  // An enum of strings admits no null, boolean or number.
  if (rule != SchemaChecker::kAnyRule && checker_.rule(rule).enumeration) return Fail();
  return true;
}

bool CheckingCaseBuilder::Number(double value) {
  if (!Scalar(SchemaChecker::kNumber)) return false;
  const int rule = NextRule();
  if (rule == SchemaChecker::kAnyRule) return true;
  const SchemaChecker::Rule& bounds = checker_.rule(rule);
  if (bounds.minimum && !(value >= *bounds.minimum)) return Fail();
  if (bounds.maximum && !(value <= *bounds.maximum)) return Fail();
  return true;
}

bool CheckingCaseBuilder::CheckString(std::string_view text) {
  const int rule_index = NextRule();
  if (rule_index == SchemaChecker::kAnyRule) return true;
  const SchemaChecker::Rule& rule = checker_.rule(rule_index);
  if (rule.types != 0 && (rule.types & SchemaChecker::kString) == 0) return Fail();
  if (rule.enumeration) {
    bool found = false;
    for (const std::string& choice : *rule.enumeration) found = found || choice == text;
    if (!found) return Fail();
  }
  if (rule.min_length || rule.max_length) {
    // A code point takes at most 4 bytes: count only when the byte length does not decide.
    const size_t bytes = text.size();
    if (rule.min_length && bytes < *rule.min_length) return Fail();
    if ((rule.min_length && bytes / 4 < *rule.min_length) ||
        (rule.max_length && bytes > *rule.max_length)) {
      const size_t count = CodePoints(text);
      if (rule.min_length && count < *rule.min_length) return Fail();
      if (rule.max_length && count > *rule.max_length) return Fail();
    }
  }
  return true;
}

bool CheckingCaseBuilder::StartContainer(uint8_t type) {
  // The reader recurses once per level: failing here bounds it (ingest/json_structure.h).
  if (stack_.size() >= kMaxJsonNesting) return Fail();
  const int rule = NextRule();
  if (!TypeAllowed(rule, type)) return Fail();
  if (rule != SchemaChecker::kAnyRule && checker_.rule(rule).enumeration) return Fail();
  const int child = rule != SchemaChecker::kAnyRule && type == SchemaChecker::kArray
                        ? checker_.rule(rule).items
                        : SchemaChecker::kAnyRule;
  stack_.push_back({rule, child, 0});
  return true;
}

bool CheckingCaseBuilder::StartObject() {
  return StartContainer(SchemaChecker::kObject) && builder_.StartObject();
}

bool CheckingCaseBuilder::Key(const char* text, rapidjson::SizeType length, bool copy) {
  Frame& frame = stack_.back();
  frame.child_rule = SchemaChecker::kAnyRule;
  // A key given twice must fail (the error path names both places). Only the schema's own
  // properties are tracked, in `seen`: an object whose keys are not all among them (no
  // rule, or additionalProperties allowed; the casefile schema has neither) goes to the
  // error path, which checks every key.
  if (frame.rule == SchemaChecker::kAnyRule) return Fail();
  {
    const SchemaChecker::Rule& rule = checker_.rule(frame.rule);
    const std::string_view key(text, length);
    const uint64_t head = SchemaChecker::HeadOf(key);
    const auto matches = [&](const SchemaChecker::Property& property) {
      return property.head == head && property.name.size() == key.size() &&
             (key.size() <= sizeof head || property.name == key);
    };
    const size_t count = rule.properties.size();
    // Hand-written and generated casefiles mostly list a record's fields in the schema's
    // order, so the field after the previous key is tried first.
    size_t position = frame.next_guess;
    if (position >= count || !matches(rule.properties[position])) {
      position = 0;
      while (position < count && !matches(rule.properties[position])) ++position;
    }
    if (position < count) {
      const uint64_t bit = uint64_t{1} << position;
      if ((frame.seen & bit) != 0) return Fail();
      frame.child_rule = rule.properties[position].rule;
      frame.seen |= bit;
      frame.next_guess = position + 1;
    } else {
      return Fail();
    }
  }
  return builder_.Key(text, length, copy);
}

bool CheckingCaseBuilder::EndObject(rapidjson::SizeType count) {
  const Frame frame = stack_.back();
  stack_.pop_back();
  if (frame.rule != SchemaChecker::kAnyRule) {
    const uint64_t required = checker_.rule(frame.rule).required;
    if ((frame.seen & required) != required) return Fail();
  }
  return builder_.EndObject(count);
}

bool CheckingCaseBuilder::StartArray() {
  return StartContainer(SchemaChecker::kArray) && builder_.StartArray();
}

bool CheckingCaseBuilder::EndArray(rapidjson::SizeType count) {
  stack_.pop_back();
  return builder_.EndArray(count);
}

}  // namespace claimgraph::ingest
