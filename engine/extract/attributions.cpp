#include "extract/attributions.h"

#include <algorithm>
#include <array>

#include "extract/cue_context.h"
#include "extract/speakers.h"

namespace claimgraph::extract {
namespace {

// Words between a subject and its verb that do not belong to either ("has also stated").
constexpr std::array<std::string_view, 14> kAuxiliaries = {
    "has", "have", "had", "did", "does", "do", "also", "was", "were", "is", "are", "would", "will",
    "then"};
// Words that may follow a verb of saying without being its content ("reported Tuesday").
constexpr std::array<std::string_view, 24> kTimeWords = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "earlier", "later", "this", "last", "week", "month", "year", "on", "in", "a",
    "statement", "recently", "morning", "evening", "night"};
// The number of tokens after a verb within which a "that" starts its content ("said in a
// statement on Friday that ...").
constexpr size_t kThatWindow = 8;
// The fewest words an own-voice sentence needs to be taken as a statement (not a caption).
constexpr size_t kMinOwnVoiceWords = 6;

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool OnlyTimeWords(const Unit& unit, size_t from) {
  for (size_t i = from; i < unit.tokens.size(); ++i) {
    if (unit.tokens[i].word && !OneOf(kTimeWords, unit.tokens[i].lower)) return false;
  }
  return true;
}

// Where the content after a verb at `verb` starts, skipping an object outlet ("told
// Reuters"), modifiers up to a "that", or a colon.
size_t ContentStart(CueContext& context, size_t verb, Attribution& attribution) {
  const Unit& unit = context.unit;
  size_t at = verb + 1;
  if (unit.tokens[verb].lower == "told" || unit.tokens[verb].lower == "tells") {
    SpeakerPhrase object = PhraseAfter(context.article, unit, at, context.lexicon);
    if (!object.mentions.empty()) {
      for (SpeakerMention& mention : object.mentions) attribution.channels.push_back(mention);
      attribution.rule += "+told-outlet";
      at = object.last + 1;
    }
  }
  for (size_t k = at; k < unit.tokens.size() && k < at + kThatWindow; ++k) {
    const Token& token = unit.tokens[k];
    if (token.open_quote || token.lower == ".") break;
    if (token.lower == "that") return k + 1;
  }
  while (at < unit.tokens.size() && (unit.tokens[at].lower == ":" || unit.tokens[at].lower == ",")) ++at;
  return at;
}

void MarkQuotesAndHedges(CueContext& context) {
  const Unit& unit = context.unit;
  context.quoted.assign(unit.tokens.size(), false);
  context.hedge.assign(unit.tokens.size(), false);
  bool inside = false;
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    const Token& token = unit.tokens[i];
    if (token.open_quote) inside = true;
    context.quoted[i] = inside;
    if (token.close_quote) inside = false;
  }
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    if (context.lexicon.first_words_of_hedges.find(unit.tokens[i].lower) ==
        context.lexicon.first_words_of_hedges.end()) {
      continue;
    }
    for (const CueEntry& entry : context.lexicon.Entries("hedge")) {
      if (!context.quoted[i] && Matches(unit, i, entry.words)) {
        context.hedged = true;
        for (size_t k = 0; k < entry.words.size(); ++k) context.hedge[i + k] = true;
      }
    }
  }
}

bool OwnVoiceEligible(const CueContext& context) {
  const Unit& unit = context.unit;
  size_t words = 0;
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    const Token& token = unit.tokens[i];
    if (!token.word) continue;
    ++words;
    // First and second person outside quotes address the reader (appeals, notices).
    static constexpr std::array<std::string_view, 8> kPersonal = {"we", "our", "us", "you", "your",
                                                                  "i", "my", "me"};
    if (!context.quoted[i] && !token.capitalised && OneOf(kPersonal, token.lower)) return false;
  }
  size_t last = unit.tokens.size();
  while (last > 0 && unit.tokens[last - 1].close_quote) --last;
  if (last == 0) return false;
  const std::string& end = unit.tokens[last - 1].lower;
  const bool terminated = end == "." || end == "!" ||
                          (unit.tokens[last - 1].word && end.back() == '.');
  return terminated && words >= kMinOwnVoiceWords;
}

// A "that" opens a clause within the window after `verb`, before any quote or full stop.
bool ThatFollows(const Unit& unit, size_t verb) {
  for (size_t k = verb + 1; k < unit.tokens.size() && k <= verb + kThatWindow; ++k) {
    if (unit.tokens[k].open_quote || unit.tokens[k].lower == ".") return false;
    if (unit.tokens[k].lower == "that") return true;
  }
  return false;
}

bool AllUnnamed(const std::vector<SpeakerMention>& speakers) {
  for (const SpeakerMention& mention : speakers) {
    if (!mention.unnamed) return false;
  }
  return true;
}

// "The paper also offered that experts say C": hearsay of nobody in particular that makes up
// the whole that-clause of a named speaker is the named speaker's report, so the named speaker
// speaks, and a channel of the inner attribution ("..., according to Reuters") is the channel
// the named speaker's report came through. Returns, per attribution, whether it was taken
// over by the next one (its own content is then the inner attribution).
std::vector<bool> MergeEmbeddedHearsay(const Unit& unit, std::vector<Attribution>& found,
                                       const std::vector<size_t>& zones) {
  std::vector<bool> absorbed(found.size(), false);
  for (size_t k = 0; k + 1 < found.size(); ++k) {
    Attribution& outer = found[k];
    Attribution& inner = found[k + 1];
    if (zones[k + 1] >= unit.tokens.size()) continue;
    if (outer.content.begin != unit.tokens[zones[k + 1]].span.begin) continue;
    if (!AllUnnamed(inner.speakers) || AllUnnamed(outer.speakers) || outer.speakers.empty()) continue;
    inner.speakers = outer.speakers;
    inner.channels.insert(inner.channels.begin(), outer.channels.begin(), outer.channels.end());
    inner.refutes = inner.refutes || outer.refutes;
    inner.stake = inner.stake || outer.stake;
    inner.rule = outer.rule + "+embedded-hearsay";
    absorbed[k] = true;
  }
  return absorbed;
}

void AddVerbAttribution(CueContext& context, size_t verb, std::vector<Attribution>& found,
                        std::vector<size_t>& zone_starts) {
  const Unit& unit = context.unit;
  // A cue word followed by an auxiliary is a noun: "Previous reports have confirmed".
  if (verb + 1 < unit.tokens.size() && OneOf(kAuxiliaries, unit.tokens[verb + 1].lower)) return;
  const std::set<std::string>* flags = context.lexicon.Flags("verb", unit.tokens[verb].lower);
  if (flags->count("needs-that") > 0 && !ThatFollows(unit, verb)) return;
  Attribution attribution;
  attribution.refutes = flags->count("refutes") > 0;
  attribution.stake = flags->count("stake") > 0;
  size_t j = verb;
  while (j > 0) {
    const Token& before = unit.tokens[j - 1];
    const bool adverb = !before.capitalised && before.lower.size() > 4 &&
                        before.lower.compare(before.lower.size() - 2, 2, "ly") == 0;
    if (!OneOf(kAuxiliaries, before.lower) && !adverb) break;
    --j;
  }
  size_t zone = j;
  bool content_before = false;
  size_t close = 0;
  if (j > 0 && unit.tokens[j - 1].lower == "and" && !found.empty()) {
    attribution.speakers = found.back().speakers;
    attribution.stake = attribution.stake || found.back().stake;
    attribution.rule = "coordinated-verb";
    zone = j - 1;
  } else if (j > 0 && (IsClosing(unit.tokens[j - 1]) ||
                       (j > 1 && unit.tokens[j - 1].lower == "," && IsClosing(unit.tokens[j - 2])))) {
    SpeakerPhrase phrase = PhraseAfter(context.article, unit, verb + 1, context.lexicon);
    if (phrase.mentions.empty()) return;
    attribution.speakers = phrase.mentions;
    attribution.rule = "quote-verb-speaker";
    close = IsClosing(unit.tokens[j - 1]) ? j - 1 : j - 2;
    content_before = true;
  } else {
    size_t phrase_end = j;
    attribution.rule = "subject-verb";
    if (j > 0 && unit.tokens[j - 1].lower == ",") {
      size_t comma = j - 1;
      while (comma > 0 && unit.tokens[comma - 1].lower != ",") --comma;
      if (comma == 0) return;
      phrase_end = comma - 1;
      attribution.rule = "subject-apposition-verb";
    }
    SpeakerPhrase phrase = PhraseBefore(context.article, unit, phrase_end, context.lexicon);
    if (phrase.mentions.empty()) return;
    attribution.speakers = phrase.mentions;
    zone = phrase.first;
    const size_t p = phrase.first;
    if (p > 0 && (IsClosing(unit.tokens[p - 1]) ||
                  (p > 1 && unit.tokens[p - 1].lower == "," && IsClosing(unit.tokens[p - 2])))) {
      attribution.rule = "quote-speaker-verb";
      close = IsClosing(unit.tokens[p - 1]) ? p - 1 : p - 2;
      content_before = true;
    } else if (p > 0 && unit.tokens[p - 1].lower == "," && OnlyTimeWords(unit, verb + 1)) {
      attribution.rule = "clause-speaker-verb";
      close = p - 1;
      content_before = true;
    }
  }
  if (!content_before) {
    const size_t start = ContentStart(context, verb, attribution);
    if (OnlyTimeWords(unit, start)) {
      // "“C,” Chinese Academy ... former director Wu Enyuan told China Daily.": the quote
      // before a speaker whose description is longer than the phrase read.
      size_t quote_end = zone;
      while (quote_end > 0 && !IsClosing(unit.tokens[quote_end - 1])) --quote_end;
      if (quote_end == 0 || attribution.rule == "quote-verb-speaker") return;
      close = quote_end - 1;
      content_before = true;
      attribution.rule = "quote-speaker-verb";
    } else {
      attribution.content = TokenSpan(unit, start, unit.tokens.size());
      attribution.direct_quote = start < unit.tokens.size() && unit.tokens[start].open_quote;
    }
  }
  if (content_before) {
    attribution.content = QuoteBefore(context, close, 0);
    attribution.direct_quote = IsClosing(unit.tokens[close]);
  }
  if (attribution.content.empty()) return;
  zone_starts.push_back(zone);
  found.push_back(std::move(attribution));
}

}  // namespace

void FindAttributions(const Article& article, size_t article_index, const std::vector<Unit>& units,
                      size_t unit_index, const Lexicon& lexicon, std::vector<Attribution>& out) {
  CueContext context{article, units[unit_index], lexicon, {}, {}, false};
  const Unit& unit = context.unit;
  MarkQuotesAndHedges(context);
  std::vector<Attribution> found;
  std::vector<size_t> zones;
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    // A cue is a lower-case word: "States" in "the United States" is a name, not a verb.
    if (context.quoted[i] || context.hedge[i] || !unit.tokens[i].word || unit.tokens[i].capitalised) continue;
    if (lexicon.Is("verb", unit.tokens[i].lower)) AddVerbAttribution(context, i, found, zones);
  }
  ApplyChannels(context, found, zones);
  const std::vector<bool> absorbed = MergeEmbeddedHearsay(unit, found, zones);
  CutContents(context, found, zones);
  for (size_t k = 0; k < found.size(); ++k) {
    if (absorbed[k]) found[k].content = {};
  }
  SplitCompoundContents(context, found);
  for (Attribution& attribution : found) {
    if (attribution.content.empty()) continue;
    bool all_unnamed = true;
    for (const SpeakerMention& mention : attribution.speakers) all_unnamed = all_unnamed && mention.unnamed;
    if (all_unnamed) {
      // Nobody in particular speaks: the named outlet it came through is the innermost
      // party the article names; with none, the article passes on hearsay.
      attribution.speakers = attribution.channels;
      attribution.channels.clear();
      attribution.hedged = attribution.speakers.empty();
      attribution.rule += attribution.speakers.empty() ? "+unnamed-speaker" : "+unnamed-via-channel";
    }
    attribution.article = article_index;
    attribution.unit = unit_index;
    out.push_back(std::move(attribution));
  }
  if (found.empty() && OwnVoiceEligible(context)) {
    Attribution own;
    own.article = article_index;
    own.unit = unit_index;
    own.content = unit.span;
    own.hedged = context.hedged;
    own.rule = context.hedged ? "own-voice-hedged" : "own-voice";
    // Drop the final full stop from the content, as for attributed contents.
    std::string_view text = article.At(own.content);
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) {
      text.remove_suffix(1);
      --own.content.end;
    }
    out.push_back(std::move(own));
  }
}

}  // namespace claimgraph::extract
