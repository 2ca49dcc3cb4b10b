#include "serve/json_text.h"

#include <cmath>

#include "export/markup_text.h"

namespace claimgraph::serve {

void JsonText::String(std::string_view text) {
  const std::string valid = exporting::ValidUtf8(text);
  writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void JsonText::Number(double value) {
  // Three decimals, as the query tables print them: the same scores give the same bytes.
  if (!std::isfinite(value)) {
    writer_.Null();
    return;
  }
  const double rounded = std::round(value * 1000.0) / 1000.0;
  const std::string text = exporting::ShortestNumber(rounded == 0.0 ? 0.0 : rounded);
  writer_.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

void JsonText::Raw(std::string_view json) {
  writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

std::string JsonText::Finish() const {
  return exporting::ScriptSafeJson(std::string_view(buffer_.GetString(), buffer_.GetSize())) + "\n";
}

}  // namespace claimgraph::serve
