#include "extract/entities.h"

#include <algorithm>
#include <set>

#include "extract/icu_adapter.h"

namespace claimgraph::extract {
namespace {

std::vector<std::string> FoldedWords(const std::string& text) {
  std::string folded = FoldCase(text);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&]() {
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019 as an apostrophe
      word += '\'';
      i += 2;
    } else if (folded[i] == ' ' || folded[i] == ',' || folded[i] == '(' || folded[i] == ')') {
      flush();
    } else {
      word += folded[i];
    }
  }
  flush();
  return words;
}

const KnownEntity* StateNamed(const std::string& folded_word, const Lexicon& lexicon) {
  auto found = lexicon.state_by_name.find(folded_word);
  return found == lexicon.state_by_name.end() ? nullptr : &lexicon.states[found->second];
}

const KnownEntity* WholeName(const std::string& text, const std::vector<KnownEntity>& table,
                             const std::unordered_map<std::string, size_t>& by_name) {
  auto found = by_name.find(FoldCase(text));
  return found == by_name.end() ? nullptr : &table[found->second];
}

// An outlet of the table whose name is a run of the phrase's words ("the TASS news agency").
const KnownEntity* OutletIn(const std::string& text, const Lexicon& lexicon) {
  if (const KnownEntity* whole = WholeName(text, lexicon.outlets, lexicon.outlet_by_name)) return whole;
  // Runs of one to four words of the phrase, longest first.
  const std::vector<std::string> words = FoldedWords(text);
  for (size_t length = std::min<size_t>(4, words.size()); length > 0; --length) {
    for (size_t start = 0; start + length <= words.size(); ++start) {
      std::string run = words[start];
      for (size_t k = 1; k < length; ++k) run += " " + words[start + k];
      auto found = lexicon.outlet_by_name.find(run);
      if (found != lexicon.outlet_by_name.end()) return &lexicon.outlets[found->second];
    }
  }
  return nullptr;
}

std::string Slug(std::string text) {
  // "China’s Defense Ministry" -> "china-defense-ministry": the possessive is no word.
  for (const std::string possessive : {"\xE2\x80\x99s ", "'s "}) {
    for (size_t at = text.find(possessive); at != std::string::npos; at = text.find(possessive)) {
      text.erase(at, possessive.size() - 1);
    }
  }
  std::string slug;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (keep || upper) {
      slug += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 60) slug.resize(60);
  return slug.empty() ? "entity" : slug;
}

size_t Add(EntityTable& table, DraftEntity entity, const std::string& key) {
  std::string id = entity.id.empty() ? Slug(entity.name) : entity.id;
  for (int n = 2; table.by_id.count(id); ++n) id = Slug(entity.name) + "-" + std::to_string(n);
  entity.id = id;
  const size_t index = table.entities.size();
  table.by_id[id] = index;
  table.by_key[key] = index;
  table.entities.push_back(std::move(entity));
  return index;
}

size_t StateEntity(const KnownEntity& state, EntityTable& table, const Lexicon& lexicon) {
  const std::string key = NameKey(state.name, lexicon);
  auto found = table.by_key.find(key);
  if (found != table.by_key.end()) return found->second;
  auto by_id = table.by_id.find(state.id);
  if (by_id != table.by_id.end()) return by_id->second;
  return Add(table, {state.id, state.name, {}, EntityType::kState, {}, false}, key);
}

// The state that qualifies a name or role ("China's", "Chinese", "Russian"), or nullptr.
const KnownEntity* Qualifier(const std::string& text, const Lexicon& lexicon) {
  for (const std::string& word : FoldedWords(text)) {
    if (const KnownEntity* state = StateNamed(word, lexicon)) return state;
  }
  return nullptr;
}

}  // namespace

std::string NameKey(const std::string& name, const Lexicon& lexicon) {
  std::vector<std::string> words;
  for (const std::string& word : FoldedWords(name)) {
    if (lexicon.Is("name-filler", word)) continue;
    const KnownEntity* state = StateNamed(word, lexicon);
    words.push_back(state != nullptr ? state->id : word == "defence" ? "defense" : word);
  }
  std::sort(words.begin(), words.end());
  std::string key;
  for (const std::string& word : words) key += word + " ";
  return key;
}

EntityType Classify(const SpeakerMention& mention, const Lexicon& lexicon) {
  const std::string& text = mention.resolved.empty() ? mention.text : mention.resolved;
  if (OutletIn(text, lexicon) != nullptr || mention.media) return EntityType::kOutlet;
  if (WholeName(text, lexicon.states, lexicon.state_by_name) != nullptr) return EntityType::kState;
  const std::vector<std::string> words = FoldedWords(text);
  // The head decides: "a Chinese Foreign Ministry spokesman" is a person.
  if (!words.empty() && lexicon.Is("title", words.back())) return EntityType::kPerson;
  for (const std::string& word : words) {
    if (lexicon.Is("organisation-head", word)) return EntityType::kOrganisation;
  }
  if (!mention.role.empty()) return EntityType::kPerson;
  bool capitalised = !text.empty();
  for (size_t at = 0; at < text.size(); at = text.find(' ', at) + 1) {
    capitalised = capitalised && text[at] >= 'A' && text[at] <= 'Z';
    if (text.find(' ', at) == std::string::npos) break;
  }
  if (capitalised && words.size() <= 4) return EntityType::kPerson;
  return EntityType::kOther;
}

namespace {

// What a mention's words say about its entity, whatever the table holds: the same for every
// mention with the same name, role and media flag, so it is worked out once per distinct
// mention (EntityTable::analysis_of) and the table is consulted after.
EntityTable::MentionAnalysis Analyse(const SpeakerMention& mention, std::string name, const Lexicon& lexicon) {
  EntityTable::MentionAnalysis analysis;
  if ((analysis.state = WholeName(name, lexicon.states, lexicon.state_by_name)) != nullptr) return analysis;
  analysis.type = Classify(mention, lexicon);
  const KnownEntity* outlet = analysis.type == EntityType::kOutlet ? OutletIn(name, lexicon) : nullptr;
  if (analysis.type == EntityType::kOutlet && outlet == nullptr) {
    // An outlet without a name ("state-run media") is no entity; one with a capitalised
    // name not in the table is kept under its own name.
    bool has_name = false;
    for (const std::string& word : FoldedWords(name)) {
      has_name = has_name || (!lexicon.Is("speaker-noun", word) && !lexicon.Is("media", word));
    }
    if (!has_name) {
      analysis.no_entity = true;
      return analysis;
    }
  }
  if (outlet != nullptr) name = outlet->name;
  analysis.outlet = outlet;
  analysis.key = NameKey(name, lexicon);
  // State control, only where the table or the name itself says it.
  if (outlet != nullptr && !outlet->controlled_by.empty()) {
    for (const KnownEntity& state : lexicon.states) {
      if (state.id == outlet->controlled_by) analysis.controller = &state;
    }
  } else if (analysis.type == EntityType::kOrganisation) {
    bool government = false;
    for (const std::string& word : FoldedWords(name)) government = government || lexicon.Is("government-body", word);
    if (government) analysis.controller = Qualifier(name, lexicon);
  } else if (analysis.type == EntityType::kPerson) {
    // The role before the name ("Chinese President Xi Jinping"), or the description that
    // is the name ("a Chinese Foreign Ministry spokesman").
    const std::string role = mention.role.empty() ? name : mention.role;
    bool government = false;
    for (const std::string& word : FoldedWords(role)) {
      const std::set<std::string>* flags = lexicon.Flags("title", word);
      government = government || (flags != nullptr && flags->count("government") > 0);
    }
    if (government) analysis.controller = Qualifier(role, lexicon);
  }
  analysis.name = std::move(name);
  return analysis;
}

}  // namespace

size_t EntityOf(const SpeakerMention& mention, EntityTable& table, const Lexicon& lexicon) {
  if (mention.unnamed) return kNone;
  if (!mention.anaphor.empty() && mention.resolved.empty()) return kNone;
  const std::string& name = mention.resolved.empty() ? mention.text : mention.resolved;
  std::string signature = mention.media ? "m" : "-";
  signature += name;
  signature += '\n';
  signature += mention.role;
  auto [cached, added] = table.analysis_of.try_emplace(std::move(signature));
  if (added) cached->second = Analyse(mention, name, lexicon);
  const EntityTable::MentionAnalysis& analysis = cached->second;
  if (analysis.state != nullptr) return StateEntity(*analysis.state, table, lexicon);
  if (analysis.no_entity) return kNone;
  auto found = table.by_key.find(analysis.key);
  if (found != table.by_key.end()) {
    DraftEntity& entity = table.entities[found->second];
    if (analysis.name != entity.name && std::find(entity.aliases.begin(), entity.aliases.end(), analysis.name) ==
                                            entity.aliases.end()) {
      entity.aliases.push_back(analysis.name);
    }
    return found->second;
  }
  DraftEntity entity{analysis.outlet != nullptr ? analysis.outlet->id : "", analysis.name, {}, analysis.type, {}, false};
  if (analysis.controller != nullptr) {
    const size_t state = StateEntity(*analysis.controller, table, lexicon);
    entity.controlled_by.push_back(table.entities[state].id);
  }
  return Add(table, std::move(entity), analysis.key);
}

std::vector<size_t> StatesNamedIn(std::string_view text, EntityTable& table, const Lexicon& lexicon) {
  // Runs of consecutive capitalised words, so that a state of several words ("North Korea",
  // "South Korea") is read whole before its words are tried alone.
  std::vector<std::vector<std::string>> runs(1);
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const bool capitalised = text[at] >= 'A' && text[at] <= 'Z';
    if (capitalised) {
      for (std::string& word : FoldedWords(std::string(text.substr(at, end - at)))) {
        runs.back().push_back(std::move(word));
      }
    }
    const char last = end > at ? text[end - 1] : ' ';
    if (!capitalised || last == ',' || last == '.' || last == ';' || last == ':') runs.emplace_back();
    at = end + 1;
  }
  std::vector<size_t> states;
  for (const std::vector<std::string>& run : runs) {
    for (size_t i = 0; i < run.size();) {
      const KnownEntity* state = nullptr;
      size_t length = std::min<size_t>(4, run.size() - i);
      for (; length > 0 && state == nullptr; --length) {
        std::string name = run[i];
        for (size_t k = 1; k < length; ++k) name += " " + run[i + k];
        std::string bare = name;
        while (!bare.empty() && (bare.back() == '.' || bare.back() == ';' || bare.back() == ',')) bare.pop_back();
        state = StateNamed(bare, lexicon);
        if (state == nullptr) state = StateNamed(name, lexicon);
        if (state != nullptr) break;
      }
      if (state == nullptr) {
        ++i;
        continue;
      }
      i += length;
      const size_t index = StateEntity(*state, table, lexicon);
      if (std::find(states.begin(), states.end(), index) == states.end()) states.push_back(index);
    }
  }
  return states;
}

void AddExistingEntity(const Entity& entity, EntityTable& table, const Lexicon& lexicon) {
  DraftEntity draft{entity.id, entity.name, {entity.aliases.begin(), entity.aliases.end()},
                    entity.type, {}, true};
  const size_t index = table.entities.size();
  table.by_id[entity.id] = index;
  table.by_key[NameKey(entity.name, lexicon)] = index;
  for (const CompactString& alias : entity.aliases) table.by_key.emplace(NameKey(alias, lexicon), index);
  table.entities.push_back(std::move(draft));
}

}  // namespace claimgraph::extract
