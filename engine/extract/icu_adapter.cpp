#include "extract/icu_adapter.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

namespace claimgraph::extract {

Result<std::vector<uint32_t>> SentenceBreaks(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  // One iterator per process: creating one loads the rule data (about 0.1 ms); reuse it.
  // Extraction runs on one thread (WordNet-style global state is avoided elsewhere too).
  static std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), error));
  if (U_FAILURE(error) || iterator == nullptr) {
    return Status::Error(std::string("ICU sentence iterator: ") + u_errorName(error),
                         ExitCode::kInternalError);
  }
  // UText over the UTF-8 bytes: the iterator reports native (byte) offsets, so there is
  // no UTF-16 copy and no offset mapping.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &error);
  if (U_FAILURE(error)) {
    return Status::Error(std::string("ICU text: ") + u_errorName(error), ExitCode::kInternalError);
  }
  iterator->setText(utext, error);
  std::vector<uint32_t> breaks;
  if (U_SUCCESS(error)) {
    for (int32_t at = iterator->next(); at != icu::BreakIterator::DONE; at = iterator->next()) {
      breaks.push_back(static_cast<uint32_t>(at));
    }
  }
  utext_close(utext);
  if (U_FAILURE(error)) {
    return Status::Error(std::string("ICU sentence breaks: ") + u_errorName(error),
                         ExitCode::kInternalError);
  }
  if (breaks.empty() || breaks.back() != text.size()) {
    breaks.push_back(static_cast<uint32_t>(text.size()));
  }
  return breaks;
}

std::string FoldCase(std::string_view text) {
  // Below U+0080 Unicode's case folding (CaseFolding.txt) maps A-Z to a-z and nothing else,
  // so plain ASCII, most of English news, skips the two UTF-16 conversions (6.5 % of a
  // profile of extract_bench went to FoldCase).
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(text);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  std::string folded;
  unicode.toUTF8String(folded);
  return folded;
}

}  // namespace claimgraph::extract
