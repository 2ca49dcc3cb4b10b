#include "serve/json_text.h"

#include <cmath>

#include "export/markup_text.h"

namespace claimgraph::serve {

void JsonText::String(std::string_view text) {
  const std::string valid = exporting::ValidUtf8(text);
  writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void JsonText::Number(double value) {
  // The shortest text that reads back as the same double, as `query --format json` prints
  // it (issue 13): a program reading the API gets the score the engine computed. The same
  // scores still give the same bytes.
  if (!std::isfinite(value)) {
    writer_.Null();
    return;
  }
  const std::string text = exporting::ShortestNumber(value == 0.0 ? 0.0 : value);
  writer_.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

void JsonText::Raw(std::string_view json) {
  writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

std::string JsonText::Finish() const {
  return exporting::ScriptSafeJson(std::string_view(buffer_.GetString(), buffer_.GetSize())) + "\n";
}

}  // namespace claimgraph::serve
