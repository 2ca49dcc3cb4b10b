#include "extract/draft.h"

#include <charconv>

namespace claimgraph::extract {
namespace {

// Appends `record`, one of attribution a's, as one JSON line.
void AppendAssertion(std::string& out, const DraftInput& input, const DraftRecords& built, size_t a, const Record& record) {
  const Attribution& attribution = input.attributions[a];
  out += "{\"source\": ";
  AppendJson(out, *record.source);
  out += ", \"claim\": ";
  AppendJson(out, input.claims[attribution.claim].id);
  out += ", \"stance\": ";
  AppendJson(out, Name(attribution.stance));
  const std::string& speaker = SpeakerId(record.speaker, input.entities);
  if (!speaker.empty()) out += ", \"speaker\": ", AppendJson(out, speaker);
  if (!built.quotes[a].empty()) out += ", \"quote\": ", AppendJson(out, built.quotes[a]);
  if (record.has_span) {
    char number[32];
    out += ", \"span\": [";
    out.append(number, std::to_chars(number, number + sizeof number, attribution.content.begin).ptr);
    out += ", ";
    out.append(number, std::to_chars(number, number + sizeof number, attribution.content.end).ptr);
    out += ']';
  }
  out += ", \"extracted_by\": \"";
  if (record.upstream) {
    out += "upstream-of:";
    AppendEscaped(out, attribution.rule);
  } else {
    AppendEscaped(out, attribution.rule);
    AppendEscaped(out, built.resolutions[a]);
  }
  out += "\"}";
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
  DraftRecords built = BuildDraftRecords(input);
  std::vector<std::string> claims;
  for (size_t c = 0; c < input.claims.size(); ++c) {
    const DraftClaim& claim = input.claims[c];
    if (claim.existing || claim.members.empty()) continue;
    std::string line = "{\"id\": ";
    AppendJson(line, claim.id);
    line += ", \"text\": ";
    AppendJson(line, claim.text);
    if (!built.about[c].empty()) {
      line += ", \"about\": [";
      bool first = true;
      for (size_t entity : built.about[c]) {
        line += first ? "" : ", ";
        AppendJson(line, input.entities.entities[entity].id);
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
    AppendJson(line, entity.id);
    line += ", \"name\": ";
    AppendJson(line, entity.name);
    if (!entity.aliases.empty()) {
      line += ", \"aliases\": [";
      for (size_t i = 0; i < entity.aliases.size(); ++i) {
        line += i ? ", " : "";
        AppendJson(line, entity.aliases[i]);
      }
      line += "]";
    }
    line += ", \"type\": ";
    AppendJson(line, Name(entity.type));
    if (!entity.controlled_by.empty()) {
      line += ", \"controlled_by\": [";
      for (size_t i = 0; i < entity.controlled_by.size(); ++i) {
        line += i ? ", " : "";
        AppendJson(line, entity.controlled_by[i]);
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
  // The assertions are most of the draft: written in place, with no line of their own.
  size_t size = out.size();
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    size += built.records_of[a].size() * (built.quotes[a].size() + 200);  // ids, rule, keys: ~200
  }
  out.reserve(size);
  out += "  \"assertions\": [";
  bool first = true;
  for (size_t a = 0; a < input.attributions.size(); ++a) {
    for (const Record& record : built.records_of[a]) {
      out += first ? "\n    " : ",\n    ";
      AppendAssertion(out, input, built, a, record);
      first = false;
    }
  }
  out += first ? "],\n" : "\n  ],\n";
  Array(out, "citations", built.citations, true);
  return out + "}\n";
}

std::string DraftReview(DraftInput& input) {
  DraftRecords built = BuildDraftRecords(input);
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
      out += "    -> " + *record.source + " " + std::string(Name(attribution.stance)) + " " +
             input.claims[attribution.claim].id;
      const std::string& speaker = SpeakerId(record.speaker, input.entities);
      if (!speaker.empty()) out += " (speaker " + speaker + ")";
      out += "\n";
    }
  }
  return out;
}

}  // namespace claimgraph::extract
