// Precision and recall of `claimgraph extract`'s attributions on the five seed reports against
// tests/extract/seed_attributions.json: every attribution a careful reader finds in each
// report (speaker, a verbatim piece of the attributed words), written by reading the reports
// (docs/extraction.md, "A hand-judged list of the seeds' attributions"). The case file models
// one assertion per claim and speaker, so it cannot judge an extraction it left out; this list
// can. Protocol:
//   a draft attribution (an assertion of a report with a speaker and a span) is right when
//   the list has, for the same report, an attribution whose quote the span overlaps and
//   whose speaker is a name or alias of the draft speaker's entity (or, for an outlet's
//   report, of its publisher), compared case-folded without "the", "'s" and punctuation;
//   a listed attribution is found when some draft attribution is right by it.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "claimgraph/extract.h"
#include "claimgraph/load.h"
#include "test_support.h"

namespace claimgraph {
namespace {

struct Listed {
  size_t report;
  std::string speaker_key;
  uint32_t begin, end;
  std::string text;
};

// The names of a draft assertion's speaker entity (empty: none, or an unnamed outlet).
std::set<std::string> SpeakerKeys(const CaseData& data, const Assertion& assertion) {
  std::set<std::string> keys;
  if (!assertion.speaker.valid()) return keys;
  Index entity = assertion.speaker.kind == NodeKind::kEntity ? assertion.speaker.index
                                                             : data.sources[assertion.speaker.index].publisher;
  if (entity == kNoIndex) return keys;
  keys.insert(testing::SpeakerNameKey(data.entities[entity].name));
  for (const CompactString& alias : data.entities[entity].aliases) keys.insert(testing::SpeakerNameKey(alias));
  return keys;
}

TEST_CASE("extract: the seed reports against the hand-judged list of their attributions") {
  const std::string seeds = testing::ProjectPath("../shared/seeds");
  if (!std::filesystem::exists(seeds)) {
    MESSAGE("skipped: ../shared/seeds is absent (the five reports of the sample case)");
    return;
  }
  rapidjson::Document gold;
  gold.Parse(testing::ReadWholeFile(testing::ProjectPath("tests/extract/seed_attributions.json")).c_str());
  REQUIRE(!gold.HasParseError());
  std::vector<std::string> files, texts;
  std::vector<Listed> listed;
  for (const auto& report : gold["reports"].GetArray()) {
    const std::string file = seeds + "/" + report["file"].GetString();
    files.push_back(file);
    texts.push_back(testing::ReadWholeFile(file));
    for (const auto& item : report["attributions"].GetArray()) {
      const std::string quote = item["quote"].GetString();
      const size_t at = texts.back().find(quote);
      REQUIRE_MESSAGE(at != std::string::npos, quote);
      listed.push_back({files.size() - 1, testing::SpeakerNameKey(item["speaker"].GetString()),
                        static_cast<uint32_t>(at), static_cast<uint32_t>(at + quote.size()), quote});
    }
  }
  REQUIRE(std::is_sorted(files.begin(), files.end()));
  Result<ExtractResult> extracted = ExtractDraft(files);
  REQUIRE_MESSAGE(extracted.ok(), extracted.status().message());
  LoadResult loaded = LoadCasefileTexts({"draft.json"}, {extracted->casefile});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  const CaseData& draft = loaded.graph->data();
  // A draft assertion's span (the draft's records are the elements of draft.assertions).
  auto span = [&](const Assertion& d) { return draft.ExtractionOf(static_cast<Index>(&d - draft.assertions.data())); };

  // The draft writes one source per article first, in file order.
  std::vector<bool> found(listed.size(), false);
  size_t attributions = 0, right = 0;
  std::ostringstream wrong, missed;
  for (const Assertion& d : draft.assertions) {
    if (span(d).span_end == 0 || !d.speaker.valid() || d.source >= files.size()) continue;
    ++attributions;
    const std::set<std::string> keys = SpeakerKeys(draft, d);
    bool ok = false;
    for (size_t i = 0; i < listed.size(); ++i) {
      const Listed& l = listed[i];
      if (l.report != d.source || !(span(d).span_begin < l.end && l.begin < span(d).span_end)) continue;
      if (keys.count(l.speaker_key) == 0) continue;
      ok = true;
      found[i] = true;
    }
    right += ok;
    if (!ok) {
      wrong << "  not in the list: report " << d.source << ", speaker "
            << (keys.empty() ? std::string("(unnamed)") : *keys.begin()) << ": \"" << d.quote.view().substr(0, 90)
            << "\"\n";
    }
  }
  const size_t hits = static_cast<size_t>(std::count(found.begin(), found.end(), true));
  for (size_t i = 0; i < listed.size(); ++i) {
    if (!found[i]) missed << "  missed: report " << listed[i].report << ", " << listed[i].speaker_key << ": \""
                          << listed[i].text << "\"\n";
  }
  const double precision = static_cast<double>(right) / static_cast<double>(attributions);
  const double recall = static_cast<double>(hits) / static_cast<double>(listed.size());
  MESSAGE("against the hand-judged list: precision " << right << "/" << attributions << " = " << precision
                                                     << "; recall " << hits << "/" << listed.size() << " = "
                                                     << recall << "\n" << wrong.str() << missed.str());
  CHECK(listed.size() == 43);
  CHECK(precision >= 0.85);
  CHECK(recall >= 0.70);
}

}  // namespace
}  // namespace claimgraph
