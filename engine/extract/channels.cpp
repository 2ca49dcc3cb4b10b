// Stage 4: channels and where contents end (cue_context.h). "According to X", "citing X"
// and "Y quoted X as saying" name the speaker and the outlet the words came through.
#include "extract/cue_context.h"
#include "extract/speakers.h"

namespace claimgraph::extract {

void CutContents(CueContext& context, std::vector<Attribution>& found, const std::vector<size_t>& zones) {
  const Unit& unit = context.unit;
  for (size_t a = 0; a < found.size(); ++a) {
    Span& content = found[a].content;
    uint32_t limit = content.end;
    for (size_t b = 0; b < found.size(); ++b) {
      const uint32_t zone_begin = unit.tokens[zones[b]].span.begin;
      if (b != a && zone_begin > content.begin && zone_begin < limit) limit = zone_begin;
    }
    for (size_t i = 1; i < unit.tokens.size(); ++i) {
      const Token& token = unit.tokens[i];
      if (token.span.begin <= content.begin || token.span.begin >= limit || context.quoted[i]) continue;
      if (CommaBefore(unit, i) &&
          (token.lower == "without" || token.lower == "according" || token.lower == "citing" ||
           context.lexicon.Is("continuation", token.lower))) {
        limit = unit.tokens[unit.tokens[i - 1].lower == "," ? i - 1 : i - 2].span.begin;
      }
    }
    content.end = limit;
    // Trim: leading and trailing punctuation and spaces, except a quote mark that pairs.
    auto trim = [&](bool front) {
      while (!content.empty()) {
        const std::string_view text = context.article.At(content);
        const unsigned char c = static_cast<unsigned char>(front ? text.front() : text.back());
        const bool ascii_punct = c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' ||
                                 c == '"' || c == '\n' || c == '-';
        if (ascii_punct) {
          front ? ++content.begin : --content.end;
          continue;
        }
        // Curly quotes (E2 80 9C / 9D) and the dashes (E2 80 93 / 94).
        if (text.size() >= 3 && c >= 0x80) {
          const std::string_view edge = front ? text.substr(0, 3) : text.substr(text.size() - 3);
          if (edge == "\xE2\x80\x9C" || edge == "\xE2\x80\x9D" || edge == "\xE2\x80\x94" ||
              edge == "\xE2\x80\x93") {
            front ? content.begin += 3 : content.end -= 3;
            continue;
          }
        }
        break;
      }
    };
    trim(true);
    trim(false);
  }
}

void ApplyChannels(CueContext& context, std::vector<Attribution>& found, std::vector<size_t>& zones) {
  const Unit& unit = context.unit;
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    if (context.quoted[i] || !unit.tokens[i].word) continue;
    const std::string& word = unit.tokens[i].lower;
    if (word == "according" && i + 1 < unit.tokens.size() && unit.tokens[i + 1].lower == "to") {
      SpeakerPhrase phrase = PhraseAfter(context.article, unit, i + 2, context.lexicon);
      if (phrase.mentions.empty()) continue;
      const size_t after = phrase.last + 1;
      if (!found.empty() && CommaBefore(unit, i)) {
        Attribution& last = found.back();
        for (SpeakerMention& mention : phrase.mentions) last.channels.push_back(mention);
        last.rule += "+according-to-channel";
        continue;
      }
      Attribution attribution;
      attribution.speakers = phrase.mentions;
      if (after < unit.tokens.size() && unit.tokens[after].lower == ",") {
        attribution.rule = "according-to-lead";
        attribution.content = TokenSpan(unit, after + 1, unit.tokens.size());
      } else if (CommaBefore(unit, i)) {
        attribution.rule = "according-to-tail";
        attribution.content = TokenSpan(unit, 0, unit.tokens[i - 1].lower == "," ? i - 1 : i - 2);
      } else {
        continue;
      }
      zones.push_back(i);
      found.push_back(std::move(attribution));
    } else if (word == "citing" && !found.empty()) {
      SpeakerPhrase phrase = PhraseAfter(context.article, unit, i + 1, context.lexicon);
      if (phrase.mentions.empty()) continue;
      Attribution& last = found.back();
      for (SpeakerMention& mention : last.speakers) last.channels.push_back(mention);
      last.speakers = phrase.mentions;
      last.rule += "+citing";
    } else if (word == "quoted" && context.lexicon.Is("quoted-as", word)) {
      SpeakerPhrase outlet = PhraseBefore(context.article, unit, i, context.lexicon);
      SpeakerPhrase speaker = PhraseAfter(context.article, unit, i + 1, context.lexicon);
      const size_t as = speaker.last + 1;
      if (outlet.mentions.empty() || speaker.mentions.empty() || as + 1 >= unit.tokens.size() ||
          unit.tokens[as].lower != "as" || unit.tokens[as + 1].lower != "saying") {
        continue;
      }
      Attribution attribution;
      attribution.speakers = speaker.mentions;
      attribution.channels = outlet.mentions;
      attribution.rule = "outlet-quoted-speaker";
      const size_t p = outlet.first;
      if (p > 0 && (IsClosing(unit.tokens[p - 1]) ||
                    (p > 1 && unit.tokens[p - 1].lower == "," && IsClosing(unit.tokens[p - 2])))) {
        const size_t close = IsClosing(unit.tokens[p - 1]) ? p - 1 : p - 2;
        attribution.content = QuoteBefore(context, close, 0);
        attribution.direct_quote = true;
      } else {
        size_t start = as + 2;
        if (start < unit.tokens.size() && unit.tokens[start].lower == "that") ++start;
        attribution.content = TokenSpan(unit, start, unit.tokens.size());
      }
      if (attribution.content.empty()) continue;
      zones.push_back(outlet.first);
      found.push_back(std::move(attribution));
    }
  }
}

}  // namespace claimgraph::extract
