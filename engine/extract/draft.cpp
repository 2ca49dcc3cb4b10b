#include "extract/draft.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace claimgraph::extract {
namespace {

void Json(std::string& out, std::string_view text) {
  out += '"';
  // Runs without a character to escape are copied at once.
  size_t run = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool escape = i == text.size() || text[i] == '"' || text[i] == '\\' ||
                        static_cast<unsigned char>(text[i]) < 0x20;
    if (!escape) continue;
    out.append(text.substr(run, i - run));
    run = i + 1;
    if (i == text.size()) break;
    const char c = text[i];
    const unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      static const char* kHex = "0123456789abcdef";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  out += '"';
}

std::string OneLine(std::string_view text) {
  std::string line;
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t';
    if (space && !line.empty() && line.back() == ' ') continue;
    line += space ? ' ' : c;
  }
  return line;
}

// The first sentence of a content: up to the first ". " before a capital or a quote that
// does not end an abbreviation of the lexicon ("the U.S. Navy") or an initial.
std::string FirstSentence(std::string_view text, const Lexicon& lexicon) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] != '.') continue;
    size_t word = i;
    while (word > 0 && text[word - 1] != ' ') --word;
    const std::string_view last = text.substr(word, i + 1 - word);
    const bool abbreviation = lexicon.abbreviations.find(last) != lexicon.abbreviations.end() ||
                              last.substr(0, last.size() - 1).find('.') != std::string_view::npos ||
                              (last.size() == 2 && last[0] >= 'A' && last[0] <= 'Z');
    if (!abbreviation && text[i + 1] == ' ' &&
        ((text[i + 2] >= 'A' && text[i + 2] <= 'Z') || text[i + 2] == '"' ||
         static_cast<unsigned char>(text[i + 2]) == 0xE2)) {
      return OneLine(text.substr(0, i + 1));
    }
  }
  return OneLine(text);
}

std::string Slug(std::string_view text) {
  std::string slug;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "article" : slug;
}

struct Record {
  std::string source, claim, speaker, quote, rule;
  Stance stance;
  Span span;
  bool has_span;
};

struct Built {
  std::vector<std::string> sources;     // JSON lines
  std::vector<std::string> assertions;  // JSON lines
  std::vector<std::string> citations;   // JSON lines
  std::set<std::string> citation_keys;
  std::map<std::string, std::string> stub_of;  // (article id + entity) -> stub source id
  std::vector<std::string> article_ids;
  std::vector<std::set<size_t>> about;         // per claim: entities
  std::vector<std::vector<Record>> records_of; // attribution -> its records, for the review
};

std::string SourceLine(const std::string& id, const std::string& title, const std::string& url,
                       const std::string& publisher, const std::string& published, const char* kind) {
  std::string line = "{\"id\": ";
  Json(line, id);
  line += ", \"title\": ";
  Json(line, title);
  if (!url.empty()) line += ", \"url\": ", Json(line, url);
  if (!publisher.empty()) line += ", \"publisher\": ", Json(line, publisher);
  if (!published.empty()) line += ", \"published\": ", Json(line, published);
  line += ", \"kind\": ";
  Json(line, kind);
  line += '}';
  return line;
}

std::string AssertionLine(const Record& record) {
  std::string line;
  line.reserve(160 + record.source.size() + record.claim.size() + record.speaker.size() + record.quote.size());
  line += "{\"source\": ";
  Json(line, record.source);
  line += ", \"claim\": ";
  Json(line, record.claim);
  line += ", \"stance\": ";
  Json(line, Name(record.stance));
  if (!record.speaker.empty()) line += ", \"speaker\": ", Json(line, record.speaker);
  if (!record.quote.empty()) line += ", \"quote\": ", Json(line, record.quote);
  if (record.has_span) {
    line += ", \"span\": [" + std::to_string(record.span.begin) + ", " +
            std::to_string(record.span.end) + "]";
  }
  line += ", \"extracted_by\": ";
  Json(line, record.rule);
  line += '}';
  return line;
}

void Build(DraftInput& input, Built& built) {
  std::set<std::string> used;
  for (const Article& article : input.articles) {
    std::string stem = Slug(std::filesystem::path(article.file).stem().string());
    if (article.line > 0) stem += "-" + std::to_string(article.line);
    std::string id = "report-" + stem;
    for (int n = 2; used.count(id); ++n) id = "report-" + stem + "-" + std::to_string(n);
    used.insert(id);
    built.article_ids.push_back(id);
    std::string title = OneLine(article.title);
    if (title.empty()) {  // a description in brackets, as in hand-written casefiles
      std::string first = OneLine(article.text.substr(0, article.text.find('\n')));
      if (first.size() > 100) {
        size_t cut = first.rfind(' ', 100);
        first = first.substr(0, cut == std::string::npos ? 100 : cut) + " ...";
      }
      title = "[" + first + "]";
    }
    std::string publisher;
    if (!article.outlet.empty()) {
      SpeakerMention outlet;
      outlet.text = article.outlet;
      outlet.media = true;
      const size_t entity = EntityOf(outlet, input.entities, input.lexicon);
      if (entity != kNone) publisher = input.entities.entities[entity].id;
    }
    built.sources.push_back(SourceLine(id, title, article.url, publisher, article.published, "news report"));
  }
  auto stub = [&](size_t article, size_t entity, const std::string& name, bool direct) {
    const std::string& from = built.article_ids[article];
    const std::string owner = entity == kNone ? "media" : input.entities.entities[entity].id;
    const std::string key = from + "\n" + owner;
    auto found = built.stub_of.find(key);
    std::string id;
    if (found == built.stub_of.end()) {
      id = owner + "-report-cited-by-" + from;
      built.stub_of[key] = id;
      built.sources.push_back(SourceLine(id, "[" + name + " report cited by " + from + "]", "",
                                         entity == kNone ? "" : owner, "", "news report"));
    } else {
      id = found->second;
    }
    const std::string citation_key = from + "\n" + id;
    if (built.citation_keys.insert(citation_key).second) {
      std::string line = "{\"from\": ";
      Json(line, from);
      line += ", \"to\": ";
      Json(line, id);
      line += std::string(", \"kind\": ") + (direct ? "\"quotes\"" : "\"derived from\"") + "}";
      built.citations.push_back(line);
    }
    return id;
  };
  built.records_of.resize(input.attributions.size());
  built.about.resize(input.claims.size());
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    Attribution& attribution = input.attributions[a];
    const Article& article = input.articles[attribution.article];
    const DraftClaim& claim = input.claims[attribution.claim];
    const std::string quote = FirstSentence(article.At(attribution.content), input.lexicon);
    std::set<size_t>& about = built.about[attribution.claim];
    for (size_t state : StatesNamedIn(article.At(attribution.content), input.entities, input.lexicon)) {
      about.insert(state);
    }
    std::string resolution;
    std::vector<std::string> speakers;
    for (SpeakerMention& mention : attribution.speakers) {
      mention.entity = EntityOf(mention, input.entities, input.lexicon);
      const std::string resolved = "; " + mention.text + ": " + mention.resolution;
      if (!mention.resolution.empty() && resolution.find(resolved) == std::string::npos) resolution += resolved;
      const bool outlet = mention.entity == kNone
                              ? mention.media && !mention.unnamed
                              : input.entities.entities[mention.entity].type == EntityType::kOutlet;
      if (mention.entity == kNone && !outlet) continue;
      if (attribution.stake && mention.entity != kNone) about.insert(mention.entity);
      if (outlet) {
        const std::string id = stub(attribution.article, mention.entity, mention.text, attribution.direct_quote);
        speakers.push_back(id);
        built.records_of[a].push_back({id, claim.id, "", quote, "upstream-of:" + attribution.rule,
                                       attribution.stance, {}, false});
      } else {
        speakers.push_back(input.entities.entities[mention.entity].id);
      }
    }
    for (SpeakerMention& channel : attribution.channels) {
      channel.entity = EntityOf(channel, input.entities, input.lexicon);
      if (channel.entity == kNone && !channel.media) continue;
      const std::string id = stub(attribution.article, channel.entity, channel.text, attribution.direct_quote);
      for (const std::string& speaker : speakers) {
        built.records_of[a].push_back({id, claim.id, speaker, quote, "upstream-of:" + attribution.rule,
                                       attribution.stance, {}, false});
      }
    }
    const std::string rule = attribution.rule + resolution;
    const std::string& source = built.article_ids[attribution.article];
    if (speakers.empty()) speakers.push_back("");
    for (const std::string& speaker : speakers) {
      built.records_of[a].push_back({source, claim.id, speaker, quote, rule, attribution.stance,
                                     attribution.content, true});
    }
  }
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    for (const Record& record : built.records_of[a]) built.assertions.push_back(AssertionLine(record));
  }
}

void Array(std::string& out, const char* name, const std::vector<std::string>& lines, bool last) {
  out += "  \"";
  out += name;
  out += "\": [";
  size_t size = out.size();
  for (const std::string& line : lines) size += line.size() + 6;
  out.reserve(size + 8);
  for (size_t i = 0; i < lines.size(); ++i) {
    out += i ? ",\n    " : "\n    ";  // appended in place: no temporary per line
    out += lines[i];
  }
  out += lines.empty() ? "]" : "\n  ]";
  out += last ? "\n" : ",\n";
}

}  // namespace

std::string DraftCasefile(DraftInput& input) {
  Built built;
  Build(input, built);
  std::vector<std::string> claims;
  for (size_t c = 0; c < input.claims.size(); ++c) {
    const DraftClaim& claim = input.claims[c];
    if (claim.existing || claim.members.empty()) continue;
    std::string line = "{\"id\": ";
    Json(line, claim.id);
    line += ", \"text\": ";
    Json(line, claim.text);
    if (!built.about[c].empty()) {
      line += ", \"about\": [";
      bool first = true;
      for (size_t entity : built.about[c]) {
        line += first ? "" : ", ";
        Json(line, input.entities.entities[entity].id);
        first = false;
      }
      line += "]";
    }
    claims.push_back(line + "}");
  }
  std::vector<std::string> entities;
  for (const DraftEntity& entity : input.entities.entities) {
    if (entity.existing) continue;
    std::string line = "{\"id\": ";
    Json(line, entity.id);
    line += ", \"name\": ";
    Json(line, entity.name);
    if (!entity.aliases.empty()) {
      line += ", \"aliases\": [";
      for (size_t i = 0; i < entity.aliases.size(); ++i) {
        line += i ? ", " : "";
        Json(line, entity.aliases[i]);
      }
      line += "]";
    }
    line += ", \"type\": ";
    Json(line, Name(entity.type));
    if (!entity.controlled_by.empty()) {
      line += ", \"controlled_by\": [";
      for (size_t i = 0; i < entity.controlled_by.size(); ++i) {
        line += i ? ", " : "";
        Json(line, entity.controlled_by[i]);
      }
      line += "]";
    }
    entities.push_back(line + "}");
  }
  std::string out = "{\n  \"claimgraph\": \"1.0\",\n  \"title\": \"Draft from claimgraph extract\",\n";
  out += "  \"description\": \"Proposed by claimgraph extract from " +
         std::to_string(input.articles.size()) +
         " article(s); every record needs a person's review (claimgraph extract --format review).\",\n";
  Array(out, "entities", entities, false);
  Array(out, "sources", built.sources, false);
  Array(out, "claims", claims, false);
  Array(out, "assertions", built.assertions, false);
  Array(out, "citations", built.citations, true);
  return out + "}\n";
}

std::string DraftReview(DraftInput& input) {
  Built built;
  Build(input, built);
  std::string out;
  size_t current = kNone, current_unit = kNone;
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    const Attribution& attribution = input.attributions[a];
    const Article& article = input.articles[attribution.article];
    if (attribution.article != current) {
      current = attribution.article;
      current_unit = kNone;
      out += "== " + article.Label() + " (" + built.article_ids[current] + ")\n";
    }
    const Unit& unit = input.units[attribution.article][attribution.unit];
    if (attribution.unit != current_unit) {
      current_unit = attribution.unit;
      out += "\n";
    }
    const Span& content = attribution.content;
    out += "  " + OneLine(article.At({unit.span.begin, content.begin})) + "[[" +
           OneLine(article.At(content)) + "]]" + OneLine(article.At({content.end, unit.span.end})) + "\n";
    out += "    span " + std::to_string(content.begin) + "-" + std::to_string(content.end) +
           ", rule " + attribution.rule + ", claim " + input.claims[attribution.claim].id + "\n";
    for (const Record& record : built.records_of[a]) {
      out += "    -> " + record.source + " " + std::string(Name(record.stance)) + " " + record.claim;
      if (!record.speaker.empty()) out += " (speaker " + record.speaker + ")";
      out += "\n";
    }
  }
  return out;
}

}  // namespace claimgraph::extract
