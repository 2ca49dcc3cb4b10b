// Speaker resolution (entities.h describes the rules).
#include <algorithm>
#include <cctype>

#include "extract/entities.h"

namespace claimgraph::extract {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

struct Named {
  uint32_t at;
  SpeakerMention mention;  // a copy: the attributions' vectors may grow below
  EntityType type;
};

bool Compatible(const std::string& anaphor, EntityType type) {
  if (anaphor == "person") return type == EntityType::kPerson;
  if (anaphor == "organisation") return type == EntityType::kOrganisation;
  if (anaphor == "outlet") return type == EntityType::kOutlet;
  return false;
}

// The state a token names (its alias in states.tsv), or nullptr.
const KnownEntity* StateOf(const std::string& word, const Lexicon& lexicon) {
  std::string bare = word;
  if (bare.size() > 2 && bare.compare(bare.size() - 2, 2, "'s") == 0) bare.resize(bare.size() - 2);
  auto found = lexicon.state_by_name.find(bare);
  return found == lexicon.state_by_name.end() ? nullptr : &lexicon.states[found->second];
}

// "both countries": the last "X and Y" of two states before `before` in the article.
bool ResolveStatePair(const std::vector<Unit>& units, uint32_t before, const Lexicon& lexicon,
                      SpeakerMention& mention, std::vector<SpeakerMention>& extra) {
  for (size_t u = units.size(); u-- > 0;) {
    const Unit& unit = units[u];
    if (unit.span.begin >= before) continue;
    for (size_t i = unit.tokens.size(); i-- > 1;) {
      if (unit.tokens[i].span.begin >= before || unit.tokens[i].lower != "and" ||
          i + 1 >= unit.tokens.size()) {
        continue;
      }
      size_t left = i - 1;
      if (unit.tokens[left].lower == "the" && left > 0) --left;
      size_t right = i + 1;
      if (unit.tokens[right].lower == "the" && right + 1 < unit.tokens.size()) ++right;
      const KnownEntity* first = StateOf(unit.tokens[left].lower, lexicon);
      const KnownEntity* second = StateOf(unit.tokens[right].lower, lexicon);
      if (first == nullptr || second == nullptr || first == second) continue;
      SpeakerMention other = mention;
      mention.resolved = first->name;
      mention.resolution = "anaphor-state-pair-before";
      other.resolved = second->name;
      other.resolution = "anaphor-state-pair-before";
      extra.push_back(other);
      return true;
    }
  }
  return false;
}

bool context_free_media(const Token& token, const Lexicon& lexicon) {
  return token.word && !token.capitalised && lexicon.Is("media", token.lower);
}

// "The North says ...": a one-word definite mention that is not a known name stands for the
// nearest earlier run of capitalised words that contains it ("North Korea"), the way a
// reader takes a short definite description to repeat a full name just used.
bool ResolveDefiniteShortForm(const Article& article, const std::vector<Unit>& units, const Lexicon& lexicon,
                              SpeakerMention& mention) {
  if (mention.span.begin < 4) return false;
  std::string before(article.At({mention.span.begin - 4, mention.span.begin}));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (before != "the ") return false;
  std::string word = mention.text;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lexicon.state_by_name.count(word) > 0 || lexicon.outlet_by_name.count(word) > 0) return false;
  auto name_word = [](const Token& token) { return token.word && token.capitalised && token.lower != "the"; };
  for (size_t u = units.size(); u-- > 0;) {
    const Unit& unit = units[u];
    if (unit.span.begin >= mention.span.begin) continue;
    for (size_t i = unit.tokens.size(); i-- > 0;) {
      const Token& token = unit.tokens[i];
      if (token.span.begin >= mention.span.begin || token.lower != word || !name_word(token)) continue;
      size_t first = i;
      size_t last = i;
      while (first > 0 && name_word(unit.tokens[first - 1])) --first;
      while (last + 1 < unit.tokens.size() && name_word(unit.tokens[last + 1]) &&
             unit.tokens[last + 1].span.begin < mention.span.begin) {
        ++last;
      }
      if (first == last) continue;
      mention.resolved = std::string(article.At({unit.tokens[first].span.begin, unit.tokens[last].span.end}));
      mention.resolution = "definite-short-form-before";
      return true;
    }
  }
  return false;
}

}  // namespace

void ResolveSpeakers(const Article& article, const std::vector<Unit>& units,
                     std::vector<Attribution>& attributions, const Lexicon& lexicon) {
  // The named speakers and channels of the article, in text order.
  std::vector<Named> named;
  for (const Attribution& attribution : attributions) {
    for (const auto* list : {&attribution.speakers, &attribution.channels}) {
      for (const SpeakerMention& mention : *list) {
        if (!mention.anaphor.empty() || mention.unnamed) continue;
        named.push_back({mention.span.begin, mention, Classify(mention, lexicon)});
      }
    }
  }
  // Outlets named anywhere in the text also count for "the paper" ("an official China Daily
  // newspaper ... The paper did reveal").
  std::vector<std::pair<uint32_t, std::string>> outlets_in_text;
  for (const KnownEntity& outlet : lexicon.outlets) {
    for (size_t at = article.text.find(outlet.name); at != std::string::npos;
         at = article.text.find(outlet.name, at + 1)) {
      outlets_in_text.emplace_back(static_cast<uint32_t>(at), outlet.name);
    }
  }
  // An outlet the table does not know, named by its head word ("the Lagos Tribune newspaper",
  // "the Kyodo news agency"): the capitalised words before a media word.
  for (const Unit& unit : units) {
    for (size_t i = 1; i < unit.tokens.size(); ++i) {
      if (!context_free_media(unit.tokens[i], lexicon)) continue;
      size_t first = i;
      while (first > 0 && unit.tokens[first - 1].word && unit.tokens[first - 1].capitalised &&
             unit.tokens[first - 1].lower != "the") {
        --first;
      }
      if (first == i || (first == 0 && i - first == 1)) continue;  // none, or a lone sentence opener
      outlets_in_text.emplace_back(unit.tokens[first].span.begin,
                                   std::string(article.At({unit.tokens[first].span.begin, unit.tokens[i - 1].span.end})));
    }
  }
  std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) { return a.at < b.at; });
  std::sort(outlets_in_text.begin(), outlets_in_text.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (Attribution& attribution : attributions) {
    for (auto* list : {&attribution.speakers, &attribution.channels}) {
      std::vector<SpeakerMention> extra;
      for (SpeakerMention& mention : *list) {
        const std::vector<std::string> words = Words(mention.text);
        if (mention.anaphor.empty() && !mention.unnamed && words.size() == 1 &&
            ResolveDefiniteShortForm(article, units, lexicon, mention)) {
          continue;
        }
        const bool short_name = mention.anaphor.empty() && words.size() == 1 &&
                                Classify(mention, lexicon) == EntityType::kPerson;
        if (mention.anaphor.empty() && !short_name) continue;
        if (mention.anaphor == "plural-state") {
          if (!ResolveStatePair(units, mention.span.begin, lexicon, mention, extra)) mention.unnamed = true;
          continue;
        }
        auto fits = [&](const Named& candidate) {
          if (candidate.mention.span.begin == mention.span.begin) return false;
          if (short_name) {
            const std::vector<std::string> full = Words(candidate.mention.text);
            return candidate.type == EntityType::kPerson && full.size() > 1 &&
                   (full.front() == words[0] || full.back() == words[0]);
          }
          return Compatible(mention.anaphor, candidate.type);
        };
        const std::string prefix = short_name ? "short-name" : "anaphor-" + mention.anaphor;
        const Named* best = nullptr;
        for (const Named& candidate : named) {
          if (candidate.at < mention.span.begin && fits(candidate)) best = &candidate;
        }
        std::string direction = "-before";
        if (best == nullptr) {
          for (const Named& candidate : named) {
            if (candidate.at > mention.span.begin && fits(candidate)) {
              best = &candidate;
              direction = "-after";
              break;
            }
          }
        }
        if (mention.anaphor == "outlet") {
          // An outlet named in the text nearer than any outlet speaker wins ("an official
          // China Daily newspaper ... The paper did reveal").
          const std::pair<uint32_t, std::string>* nearest = nullptr;
          for (const auto& entry : outlets_in_text) {
            if (entry.first < mention.span.begin) nearest = &entry;
          }
          if (nearest != nullptr && (best == nullptr || direction == "-after" || nearest->first > best->at)) {
            mention.resolved = nearest->second;
            mention.media = true;
            mention.resolution = "anaphor-outlet-in-text-before";
            continue;
          }
        }
        if (best != nullptr) {
          mention.resolved = best->mention.resolved.empty() ? best->mention.text : best->mention.resolved;
          mention.role = best->mention.role;
          mention.resolution = prefix + direction;
        } else if (mention.anaphor == "outlet") {
          const std::string* nearest = nullptr;
          for (const auto& [at, outlet] : outlets_in_text) {
            if (at < mention.span.begin) nearest = &outlet;
          }
          if (nearest != nullptr) {
            mention.resolved = *nearest;
            mention.media = true;
            mention.resolution = "anaphor-outlet-in-text-before";
          } else {
            mention.unnamed = true;
          }
        } else if (!short_name) {
          mention.unnamed = true;
          mention.resolution = "unresolved-anaphor";
        }
      }
      list->insert(list->end(), extra.begin(), extra.end());
    }
  }
}

}  // namespace claimgraph::extract
