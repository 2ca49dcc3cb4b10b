#include "import/import_text.h"

#include <cstdio>

#include "claimgraph/import.h"
#include "import/import_support.h"
#include "ingest/text_locator.h"
#include "ingest/value_checks.h"
#include "model/utf8.h"

namespace claimgraph::importers {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

Result<std::string> PrepareImportText(std::string_view file, std::string_view text,
                                      std::string_view expected) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  std::string prepared;
  prepared.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      // Located in the text as given (after the mark), line ends not yet rewritten.
      const ingest::LineColumn place = ingest::LineColumnAt(text, at);
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
      return Status::FromDiagnostics(
          {{Severity::kError, std::string(file), place.line, place.column, "",
            std::string("invalid UTF-8 (byte ") + byte +
                "); save the file as UTF-8, or give --encoding latin1 if it is Latin-1"}});
    }
    if (text[at] == '\r') {
      prepared += '\n';
      at += at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
      continue;
    }
    prepared.append(text.substr(at, length));
    at += length;
  }
  if (ingest::IsBlank(prepared)) {
    return LineError(file, 1, "the file is empty (expected " + std::string(expected) + ")");
  }
  return prepared;
}

}  // namespace claimgraph::importers

namespace claimgraph {

std::string TranscodeLatin1(std::string_view text) {
  std::string utf8;
  utf8.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      utf8 += c;
    } else {
      // ISO 8859-1 bytes are the code points U+0080..U+00FF: two UTF-8 bytes each.
      utf8 += static_cast<char>(0xC0 | (byte >> 6));
      utf8 += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return utf8;
}

}  // namespace claimgraph
