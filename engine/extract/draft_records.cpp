#include "extract/draft_records.h"

#include <filesystem>

namespace claimgraph::extract {

void AppendEscaped(std::string& out, std::string_view text) {
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
}

void AppendJson(std::string& out, std::string_view text) {
  out += '"';
  AppendEscaped(out, text);
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

namespace {

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

}  // namespace

const std::string& SpeakerId(const Speaker& speaker, const EntityTable& entities) {
  static const std::string kNobody;
  if (speaker.stub != nullptr) return *speaker.stub;
  return speaker.entity == kNone ? kNobody : entities.entities[speaker.entity].id;
}

namespace {

std::string SourceLine(const std::string& id, const std::string& title, const std::string& url,
                       const std::string& publisher, const std::string& published, const char* kind) {
  std::string line = "{\"id\": ";
  AppendJson(line, id);
  line += ", \"title\": ";
  AppendJson(line, title);
  if (!url.empty()) line += ", \"url\": ", AppendJson(line, url);
  if (!publisher.empty()) line += ", \"publisher\": ", AppendJson(line, publisher);
  if (!published.empty()) line += ", \"published\": ", AppendJson(line, published);
  line += ", \"kind\": ";
  AppendJson(line, kind);
  line += '}';
  return line;
}

const std::string kMedia = "media";  // the owner of a stub for unnamed media

}  // namespace

DraftRecords BuildDraftRecords(DraftInput& input) {
  DraftRecords built;
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
  // The id of the stub source for what `article` took from `entity`'s report (added, with
  // the article's citation of it, when new); its address stays valid (a map's value).
  auto stub = [&](size_t article, size_t entity, const std::string& name, bool direct) -> const std::string* {
    const std::string& from = built.article_ids[article];
    const std::string& owner = entity == kNone ? kMedia : input.entities.entities[entity].id;
    auto [found, added] = built.stub_of.try_emplace(from + "\n" + owner);
    const std::string& id = found->second;
    if (added) {
      found->second = owner + "-report-cited-by-" + from;
      built.sources.push_back(SourceLine(id, "[" + name + " report cited by " + from + "]", "",
                                         entity == kNone ? "" : owner, "", "news report"));
    }
    if (built.citation_keys.insert(from + "\n" + id).second) {
      std::string line = "{\"from\": ";
      AppendJson(line, from);
      line += ", \"to\": ";
      AppendJson(line, id);
      line += std::string(", \"kind\": ") + (direct ? "\"quotes\"" : "\"derived from\"") + "}";
      built.citations.push_back(line);
    }
    return &id;
  };
  built.records_of.resize(input.attributions.size());
  built.quotes.resize(input.attributions.size());
  built.resolutions.resize(input.attributions.size());
  built.about.resize(input.claims.size());
  std::vector<Speaker> speakers;
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    Attribution& attribution = input.attributions[a];
    const Article& article = input.articles[attribution.article];
    built.quotes[a] = FirstSentence(article.At(attribution.content), input.lexicon);
    std::set<size_t>& about = built.about[attribution.claim];
    for (size_t state : StatesNamedIn(article.At(attribution.content), input.entities, input.lexicon)) {
      about.insert(state);
    }
    std::string& resolution = built.resolutions[a];
    std::vector<Record>& records = built.records_of[a];
    speakers.clear();
    for (SpeakerMention& mention : attribution.speakers) {
      mention.entity = EntityOf(mention, input.entities, input.lexicon);
      if (!mention.resolution.empty()) {
        const std::string resolved = "; " + mention.text + ": " + mention.resolution;
        if (resolution.find(resolved) == std::string::npos) resolution += resolved;
      }
      const bool outlet = mention.entity == kNone
                              ? mention.media && !mention.unnamed
                              : input.entities.entities[mention.entity].type == EntityType::kOutlet;
      if (mention.entity == kNone && !outlet) continue;
      if (attribution.stake && mention.entity != kNone) about.insert(mention.entity);
      if (outlet) {
        const std::string* id = stub(attribution.article, mention.entity, mention.text, attribution.direct_quote);
        speakers.push_back({kNone, id});
        records.push_back({id, {}, true, false});
      } else {
        speakers.push_back({mention.entity, nullptr});
      }
    }
    for (SpeakerMention& channel : attribution.channels) {
      channel.entity = EntityOf(channel, input.entities, input.lexicon);
      if (channel.entity == kNone && !channel.media) continue;
      const std::string* id = stub(attribution.article, channel.entity, channel.text, attribution.direct_quote);
      for (const Speaker& speaker : speakers) records.push_back({id, speaker, true, false});
    }
    const std::string* source = &built.article_ids[attribution.article];
    if (speakers.empty()) speakers.push_back({});
    for (const Speaker& speaker : speakers) records.push_back({source, speaker, false, true});
  }
  return built;
}

}  // namespace claimgraph::extract
