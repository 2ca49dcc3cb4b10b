// The measured figures of issue 9: `claimgraph extract` on the five reports of
// ../shared/seeds against samples/thaad-drills/case.json, written by hand from the same
// reports. The protocol (docs/extraction.md, "Measured"):
//   sources   a case source is the article in which its assertions' quotes appear;
//   speakers  a speaker is its entity, or for a source its publisher (none: an unnamed
//             outlet); two entities match when a name or alias of one equals one of the
//             other's, compared case-folded without "the", "'s" and punctuation;
//   claims    a draft claim stands for the hand-written claim whose quotes its assertions'
//             spans overlap most often in the same source;
//   recall    a hand-written assertion of a report is found when a draft assertion of the
//             same report overlaps its quote, with the same speaker and a claim that
//             stands for the same hand-written claim;
//   precision of the draft's attributions (assertions of a report with a speaker): correct
//             when the case has an assertion of the same report and speaker whose quote the
//             span overlaps or whose claim the draft claim stands for. "Judged" leaves out
//             attributions whose span overlaps no hand-written quote of the report at all
//             (the case does not say whether they are right); both figures are printed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "claimgraph/extract.h"
#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "test_support.h"

namespace claimgraph {
namespace {

struct Located {
  Index assertion;
  uint32_t begin, end;
};

std::set<std::string> Keys(const Entity& entity) {
  std::set<std::string> keys{testing::SpeakerNameKey(entity.name)};
  for (const CompactString& alias : entity.aliases) keys.insert(testing::SpeakerNameKey(alias));
  return keys;
}

// The speaker of an assertion as an entity (kNoIndex: none or unnamed), and whether it has one.
Index SpeakerEntity(const CaseData& data, const Assertion& assertion, bool& has_speaker) {
  has_speaker = assertion.speaker.valid();
  if (!has_speaker) return kNoIndex;
  if (assertion.speaker.kind == NodeKind::kEntity) return assertion.speaker.index;
  return data.sources[assertion.speaker.index].publisher;
}

bool SameSpeaker(const CaseData& hand, const Assertion& a, const CaseData& draft, const Assertion& b) {
  bool a_has = false, b_has = false;
  const Index x = SpeakerEntity(hand, a, a_has), y = SpeakerEntity(draft, b, b_has);
  if (a_has != b_has) return false;
  if (!a_has || (x == kNoIndex && y == kNoIndex)) return true;
  if (x == kNoIndex || y == kNoIndex) return false;
  const std::set<std::string> left = Keys(hand.entities[x]), right = Keys(draft.entities[y]);
  return std::any_of(left.begin(), left.end(), [&](const std::string& k) { return right.count(k) > 0; });
}

bool Overlap(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return a < d && c < b; }

std::string Describe(const CaseData& data, const Assertion& assertion) {
  std::string text = data.sources[assertion.source].id + " " + std::string(Name(assertion.stance)) +
                     " " + data.claims[assertion.claim].id;
  if (assertion.speaker.valid()) {
    text += " speaker " + (assertion.speaker.kind == NodeKind::kEntity
                               ? data.entities[assertion.speaker.index].id
                               : data.sources[assertion.speaker.index].id);
  }
  return text + ": \"" + std::string(assertion.quote.view().substr(0, 90)) + "\"";
}

TEST_CASE("extract: the five seed reports against the hand-written THAAD casefile") {
  const std::string seeds = testing::ProjectPath("../shared/seeds");
  if (!std::filesystem::exists(seeds)) {
    MESSAGE("skipped: ../shared/seeds is absent (the five reports of the sample case)");
    return;
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 5);
  Result<ExtractResult> extracted = ExtractDraft(files);
  REQUIRE_MESSAGE(extracted.ok(), extracted.status().message());
  LoadResult draft_load = LoadCasefileTexts({"draft.json"}, {extracted->casefile});
  REQUIRE_MESSAGE(draft_load.ok(), draft_load.status().message());
  LoadResult hand_load = LoadCasefiles({testing::ProjectPath("samples/thaad-drills/case.json")});
  REQUIRE(hand_load.ok());
  const CaseData& draft = draft_load.graph->data();
  // A draft assertion's span (the draft's records are the elements of draft.assertions).
  auto span = [&](const Assertion& d) { return draft.ExtractionOf(static_cast<Index>(&d - draft.assertions.data())); };
  const CaseData& hand = hand_load.graph->data();

  // Sources: the article that holds a hand-written source's quotes; the draft's source of
  // an article is the one whose assertions carry spans into it (one per file, in order).
  std::vector<std::string> texts;
  for (const std::string& file : files) texts.push_back(testing::ReadWholeFile(file));
  std::map<Index, size_t> hand_article, draft_article;
  for (Index s = 0; s < hand.sources.size(); ++s) {
    std::vector<size_t> found(files.size(), 0);
    for (const Assertion& a : hand.assertions) {
      if (a.source != s) continue;
      for (size_t f = 0; f < files.size(); ++f) found[f] += texts[f].find(a.quote) != std::string::npos;
    }
    const auto best = std::max_element(found.begin(), found.end());
    if (*best > 0 && hand.sources[s].kind == SourceKind::kNewsReport &&
        hand.sources[s].id.view().starts_with("report-")) {
      hand_article[s] = static_cast<size_t>(best - found.begin());
    }
  }
  CHECK(hand_article.size() == 5);
  for (size_t f = 0; f < files.size(); ++f) draft_article[static_cast<Index>(f)] = f;  // written first, in order
  std::vector<Located> hand_quotes;
  for (Index i = 0; i < hand.assertions.size(); ++i) {
    const Assertion& a = hand.assertions[i];
    if (!hand_article.count(a.source)) continue;
    const size_t at = texts[hand_article[a.source]].find(a.quote);
    REQUIRE_MESSAGE(at != std::string::npos, a.quote);
    hand_quotes.push_back({i, static_cast<uint32_t>(at), static_cast<uint32_t>(at + a.quote.size())});
  }
  // Plain-text seeds have no header, so draft spans are offsets into the file as it is.
  auto same_article = [&](const Assertion& d, const Assertion& h) {
    return draft_article.count(d.source) && draft_article[d.source] == hand_article[h.source];
  };
  // Claims: the hand-written claim each draft claim stands for.
  std::map<Index, std::map<Index, int>> votes;
  for (const Assertion& d : draft.assertions) {
    if (span(d).span_end == 0) continue;
    for (const Located& q : hand_quotes) {
      const Assertion& h = hand.assertions[q.assertion];
      if (same_article(d, h) && Overlap(span(d).span_begin, span(d).span_end, q.begin, q.end)) ++votes[d.claim][h.claim];
    }
  }
  std::map<Index, Index> stands_for;
  for (const auto& [claim, counts] : votes) {
    Index best = kNoIndex;
    int most = 0;
    for (const auto& [hand_claim, count] : counts) {
      if (count > most) most = count, best = hand_claim;
    }
    stands_for[claim] = best;
  }
  auto claim_of = [&](Index draft_claim) {
    return stands_for.count(draft_claim) ? stands_for[draft_claim] : kNoIndex;
  };

  std::ostringstream misses, falses;
  size_t found = 0;
  std::set<Index> not_aimed_claims;
  const Index not_aimed = [&] {
    for (Index c = 0; c < hand.claims.size(); ++c) {
      if (hand.claims[c].id == "drill-not-aimed-at-third-party") return c;
    }
    return kNoIndex;
  }();
  std::set<size_t> not_aimed_reports;
  for (const Located& q : hand_quotes) {
    const Assertion& h = hand.assertions[q.assertion];
    bool hit = false;
    for (const Assertion& d : draft.assertions) {
      if (span(d).span_end == 0 || !same_article(d, h)) continue;
      if (Overlap(span(d).span_begin, span(d).span_end, q.begin, q.end) && SameSpeaker(hand, h, draft, d) &&
          claim_of(d.claim) == h.claim) {
        hit = true;
        if (h.claim == not_aimed) not_aimed_claims.insert(d.claim);
      }
    }
    if (h.claim == not_aimed) not_aimed_reports.insert(hand_article[h.source]);
    found += hit;
    if (!hit) misses << "  miss: " << Describe(hand, h) << "\n";
  }
  size_t attributions = 0, correct = 0, judged = 0;
  for (const Assertion& d : draft.assertions) {
    if (span(d).span_end == 0 || !d.speaker.valid()) continue;
    ++attributions;
    bool right = false, covered = false;
    for (const Located& q : hand_quotes) {
      const Assertion& h = hand.assertions[q.assertion];
      if (!same_article(d, h)) continue;
      const bool overlaps = Overlap(span(d).span_begin, span(d).span_end, q.begin, q.end);
      covered = covered || overlaps;
      if (SameSpeaker(hand, h, draft, d) && (overlaps || claim_of(d.claim) == h.claim)) right = true;
    }
    correct += right;
    judged += right || covered;
    if (!right) {
      falses << "  false attribution" << (covered ? "" : " (not judged by the case)") << ": "
             << Describe(draft, d) << "\n";
    }
  }
  const double recall = static_cast<double>(found) / static_cast<double>(hand_quotes.size());
  const double precision = static_cast<double>(correct) / static_cast<double>(judged);
  const double strict = static_cast<double>(correct) / static_cast<double>(attributions);
  MESSAGE("recall " << found << "/" << hand_quotes.size() << " = " << recall << "; precision (judged) "
                    << correct << "/" << judged << " = " << precision << "; precision (all) " << correct
                    << "/" << attributions << " = " << strict << "\n" << misses.str() << falses.str());
  CHECK(hand_quotes.size() == 46);
  CHECK(recall >= 0.80);
  CHECK(precision >= 0.85);
  CHECK(strict >= 0.85);

  // The statements that the drill is aimed at no third party, in four reports, are one claim,
  // and the scorer gives it "self-reported only", as on the hand-written casefile.
  CHECK(not_aimed_reports.size() == 4);
  REQUIRE(not_aimed_claims.size() == 1);
  std::set<Index> reports_of_claim;
  for (const Assertion& d : draft.assertions) {
    if (d.claim == *not_aimed_claims.begin() && span(d).span_end > 0) reports_of_claim.insert(d.source);
  }
  CHECK(reports_of_claim.size() == 4);
  Result<CorroborationResult> scores = Score(*draft_load.graph);
  REQUIRE(scores.ok());
  CHECK(Name(scores->claims[*not_aimed_claims.begin()].verdict) == "self-reported only");
}

}  // namespace
}  // namespace claimgraph
