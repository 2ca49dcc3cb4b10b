// A compiled form of the casefile schema for the loader's fast path. RapidJSON's
// GenericSchemaValidator builds a validation context (hashers, property-seen arrays, a
// pointer stack) for every value, which made it about half of a casefile's load time. The
// casefile schema uses only a few draft-04 keywords (type, enum, required, properties,
// additionalProperties: false, items, minLength, maxLength, minimum, maximum, $ref to
// #/definitions), so this checker compiles exactly those from the same schema file into
// a table of rules and checks SAX events with one small stack.
//
// It never decides alone that a casefile is invalid: when it rejects a value, the loader
// falls back to the error path, which validates with RapidJSON's validator and words every
// error. So the checker must reject everything RapidJSON's validator rejects (it may reject
// more, at the cost of speed only); tests/ingest_schema_checker_test.cpp and the loader
// fuzzer compare the two verdicts. A schema that uses any other keyword does not compile,
// and the fast path then keeps RapidJSON's validator.
#ifndef CLAIMGRAPH_INGEST_SCHEMA_CHECKER_H_
#define CLAIMGRAPH_INGEST_SCHEMA_CHECKER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"
#include "ingest/case_builder.h"
#include "rapidjson/document.h"

namespace claimgraph::ingest {

class SchemaChecker {
 public:
  // Compiles the schema document `schema` (the parsed casefile.schema.json); an error that
  // names the keyword when the schema uses one this checker does not implement.
  static Result<SchemaChecker> Compile(const rapidjson::Value& schema);

  // One compiled (sub)schema. Rule indices refer to rules_; kAnyRule accepts any value.
  static constexpr int kAnyRule = -1;
  enum Type : uint8_t { kNull = 1, kBoolean = 2, kNumber = 4, kString = 8, kArray = 16, kObject = 32 };
  struct Property {
    std::string name;
    int rule = kAnyRule;
    uint64_t head = 0;  // HeadOf(name): compared before the name itself
  };
  // The first 8 bytes of `text`, zero-padded: equal names have equal heads, and names of at
  // most 8 bytes with equal lengths and heads are equal.
  static uint64_t HeadOf(std::string_view text);
  struct Rule {
    uint8_t types = 0;                       // bits of Type; 0 when "type" is absent (any)
    std::optional<std::vector<std::string>> enumeration;  // string choices only
    std::optional<size_t> min_length, max_length;          // in code points, as JSON Schema counts
    std::optional<double> minimum, maximum;                 // inclusive (draft-04 default)
    std::vector<Property> properties;        // at most 64, so `required` fits a bit mask
    uint64_t required = 0;                   // bit i: properties[i] is required
    bool additional_properties = true;
    int items = kAnyRule;
  };

  int root() const { return root_; }
  const Rule& rule(int index) const { return rules_[static_cast<size_t>(index)]; }

 private:
  std::vector<Rule> rules_;
  int root_ = kAnyRule;
  friend class SchemaCompiler;
};

// A SAX handler that checks each event against a SchemaChecker and forwards it to a
// CaseBuilder. On the first violation it stops the parse (returns false) and valid()
// becomes false.
class CheckingCaseBuilder
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CheckingCaseBuilder> {
 public:
  // REQUIRES: checker and builder outlive this handler.
  CheckingCaseBuilder(const SchemaChecker& checker, CaseBuilder& builder)
      : checker_(checker), builder_(builder) {}

  bool valid() const { return valid_; }

  bool Null() { return Scalar(SchemaChecker::kNull) && builder_.Null(); }
  bool Bool(bool value) { return Scalar(SchemaChecker::kBoolean) && builder_.Bool(value); }
  bool Int(int value) { return Number(value) && builder_.Int(value); }
  bool Uint(unsigned value) { return Number(value) && builder_.Uint(value); }
  bool Int64(int64_t value) { return Number(static_cast<double>(value)) && builder_.Int64(value); }
  bool Uint64(uint64_t value) { return Number(static_cast<double>(value)) && builder_.Uint64(value); }
  bool Double(double value) { return Number(value) && builder_.Double(value); }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return CheckString(std::string_view(text, length)) && builder_.String(text, length, copy);
  }
  bool StartObject();
  bool Key(const char* text, rapidjson::SizeType length, bool copy);
  bool EndObject(rapidjson::SizeType count);
  bool StartArray();
  bool EndArray(rapidjson::SizeType count);

 private:
  struct Frame {
    int rule;            // of the object or array itself
    int child_rule;      // of the value that comes next (set by Key for objects)
    uint64_t seen = 0;   // properties seen, for `required`
    size_t next_guess = 0;  // the property after the last key: records list fields in order
  };

  // The rule of the value that starts now: the root's, the pending member's or the items'.
  int NextRule() const { return stack_.empty() ? checker_.root() : stack_.back().child_rule; }
  bool Fail() {
    valid_ = false;
    return false;
  }
  bool TypeAllowed(int rule, uint8_t type) const {
    return rule == SchemaChecker::kAnyRule || checker_.rule(rule).types == 0 ||
           (checker_.rule(rule).types & type) != 0;
  }
  bool Scalar(uint8_t type);
  bool Number(double value);
  bool CheckString(std::string_view text);
  bool StartContainer(uint8_t type);

  const SchemaChecker& checker_;
  CaseBuilder& builder_;
  std::vector<Frame> stack_;
  bool valid_ = true;
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_SCHEMA_CHECKER_H_
