// Internal to the serve layer: the JSON the API writes. Every response body goes through
// Finish(), which turns '<', '>' and '&' into \u escapes (engine/export/markup_text.h): a
// record's text can then never be read as markup, even by a client that sniffs.
#ifndef CLAIMGRAPH_SERVE_JSON_TEXT_H_
#define CLAIMGRAPH_SERVE_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace claimgraph::serve {

class JsonText {
 public:
  JsonText() : writer_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& writer() { return writer_; }
  void Key(std::string_view key) { writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }
  // Text that may not be UTF-8 (a record read from anywhere) is repaired to U+FFFD first.
  void String(std::string_view text);
  void Number(double value);
  void Integer(int64_t value) { writer_.Int64(value); }
  void Bool(bool value) { writer_.Bool(value); }
  void Null() { writer_.Null(); }
  void StartObject() { writer_.StartObject(); }
  void EndObject() { writer_.EndObject(); }
  void StartArray() { writer_.StartArray(); }
  void EndArray() { writer_.EndArray(); }
  void Member(std::string_view key, std::string_view text) { Key(key), String(text); }
  // Already-written JSON text, embedded as a value. REQUIRES: `json` is one JSON value.
  void Raw(std::string_view json);
  // The document, script-safe, with a final newline.
  std::string Finish() const;

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_JSON_TEXT_H_
