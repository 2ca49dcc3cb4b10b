// PROV-JSON records (entities, agents) and the walk over the document: records first,
// since relations refer to them, then relations, each in document order.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <rapidjson/error/en.h>

#include "ingest/json_structure.h"
#include "import/prov_reader.h"
#include "ingest/value_checks.h"
#include "model/uri.h"
#include "ingest/text_locator.h"

namespace claimgraph::importers {
namespace {

constexpr std::string_view kKnownRecords[] = {"prefix", "entity", "agent", "wasAttributedTo",
                                              "wasDerivedFrom", "actedOnBehalfOf"};

}  // namespace

std::string PointerToken(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}

std::string View(const Value& value) {
  return value.IsString() ? std::string(value.GetString(), value.GetStringLength()) : std::string();
}

std::optional<std::string> TextOf(const Value& value) {
  if (value.IsString()) return View(value);
  if (value.IsObject() && value.HasMember("$") && value["$"].IsString()) return View(value["$"]);
  return std::nullopt;
}

std::optional<double> NumberOf(const Value& value) {
  std::optional<double> number;
  if (value.IsNumber()) {
    number = value.GetDouble();
  } else if (value.IsObject() && value.HasMember("$") && value["$"].IsNumber()) {
    number = value["$"].GetDouble();
  } else if (std::optional<std::string> text = TextOf(value)) {
    char* end = nullptr;
    const double parsed = std::strtod(text->c_str(), &end);
    if (!text->empty() && end == text->c_str() + text->size()) number = parsed;
  }
  // strtod reads "nan", "inf" and "1e999": no casefile number is any of them.
  if (number && !std::isfinite(*number)) return std::nullopt;
  return number;
}

Status ProvReader::Error(const std::string& pointer, const std::string& message) const {
  std::map<std::string, size_t> offsets = {{pointer, SIZE_MAX}};
  ingest::LocatePointers(text_, offsets);
  ingest::LineColumn place;
  if (offsets[pointer] != SIZE_MAX) place = ingest::LineColumnAt(text_, offsets[pointer]);
  return Status::FromDiagnostics(
      {{Severity::kError, file_, place.line, place.column, pointer, message}});
}

Result<NodeRef> ProvReader::Reference(const std::string& pointer, const std::string& name,
                                      bool source, bool claim, bool entity) const {
  auto found = ids_.find(IdOf(name));
  std::string wanted;
  if (source) wanted += "a source";
  if (claim) wanted += std::string(wanted.empty() ? "" : " or ") + "a claim";
  if (entity) wanted += std::string(wanted.empty() ? "" : " or ") + "an agent";
  if (found == ids_.end()) {
    return Error(pointer, "'" + name + "' is not a record of this document; expected " + wanted);
  }
  const NodeKind kind = found->second.kind;
  if ((kind == NodeKind::kSource && !source) || (kind == NodeKind::kClaim && !claim) ||
      (kind == NodeKind::kEntity && !entity)) {
    return Error(pointer, "'" + name + "' is a " + std::string(Name(kind)) + "; expected " + wanted);
  }
  return found->second;
}

Status ProvReader::ReadEntity(const std::string& pointer, std::string_view name, const Value& record) {
  if (!record.IsObject()) return Error(pointer, "a PROV entity must be a JSON object");
  const auto attributes = Attributes(record);
  const std::vector<std::string> types = Types(attributes);
  auto has_type = [&](std::string_view term) {
    return std::find(types.begin(), types.end(), Vocabulary(term)) != types.end();
  };
  const std::string iri = Expand(name);
  if (has_type("Casefile")) {
    data_.title = Text(attributes, Prov("label")).value_or("");
    data_.review.author_name = Text(attributes, Vocabulary("reviewAuthorName")).value_or("");
    data_.review.author_url = Url(attributes, Vocabulary("reviewAuthorUrl"), pointer);
    data_.review.date_published = Text(attributes, Vocabulary("reviewDatePublished")).value_or("");
    origins_.casefile = pointer;
    return Status::Ok();
  }
  if (has_type("Verdict")) {
    Verdict verdict;
    std::optional<std::string> claim = Text(attributes, Vocabulary("claim"));
    std::optional<std::string> rating_text = Text(attributes, Vocabulary("rating"));
    if (!claim) return Error(pointer, "a cg:Verdict needs cg:claim, the claim it rates");
    std::optional<Rating> rating = ParseRating(rating_text.value_or(""));
    if (!rating) return Error(pointer, "a cg:Verdict needs cg:rating \"true\" or \"false\"");
    verdict.rating = *rating;
    verdict.by = Text(attributes, Vocabulary("by")).value_or("");
    verdict.date = Text(attributes, Vocabulary("date")).value_or("");
    verdict.url = Url(attributes, Vocabulary("url"), pointer);
    verdict.place = {0, static_cast<uint32_t>(data_.verdicts.size())};
    data_.verdicts.push_back(std::move(verdict));
    origins_.verdicts.push_back(pointer);
    verdict_claims_.emplace_back(pointer, *claim);
    return Status::Ok();
  }
  const std::string id = IdOf(name);
  if (ids_.count(id) > 0) return Error(pointer, "the id '" + id + "' names two records");
  if (has_type("Claim")) {
    Claim claim;
    claim.id = id;
    std::optional<std::string> text = Text(attributes, Prov("value"));
    if (!text || text->empty()) return Error(pointer, "a cg:Claim needs prov:value, the claim's text");
    claim.text = *text;
    claim.question = Text(attributes, Vocabulary("question")).value_or("");
    claim.value = Text(attributes, Vocabulary("value")).value_or("");
    claim.place = {0, static_cast<uint32_t>(data_.claims.size())};
    PendingLinks links{pointer, {}, {}};
    for (const auto& [term, list] : {std::pair{"about", &links.about}, std::pair{"excludes", &links.excludes}}) {
      auto found = attributes.find(Vocabulary(term));
      if (found == attributes.end()) continue;
      for (const Value* value : found->second) list->push_back(TextOf(*value).value_or(""));
    }
    ids_[id] = {NodeKind::kClaim, static_cast<Index>(data_.claims.size())};
    data_.claims.push_back(std::move(claim));
    origins_.claims.push_back(pointer);
    claim_links_.push_back(std::move(links));
    return Status::Ok();
  }
  // cg:Source, or any other PROV entity: a document from another tool describes sources.
  Source source;
  source.id = id;
  std::optional<std::string> title = Text(attributes, Prov("label"));
  if (!title || title->empty()) return Error(pointer, "a source needs prov:label, its title");
  source.title = *title;
  if (std::optional<std::string> kind = Text(attributes, Vocabulary("kind"))) {
    std::optional<SourceKind> parsed = ParseSourceKind(*kind);
    if (!parsed) return Error(pointer, "cg:kind \"" + *kind + "\" is not a casefile source kind");
    source.kind = *parsed;
  }
  source.url = Url(attributes, Vocabulary("url"), pointer);
  source.published = Text(attributes, Vocabulary("published")).value_or("");
  source.language = Text(attributes, Vocabulary("language")).value_or("");
  if (const Value* reliability = First(attributes, Vocabulary("reliability"))) {
    source.reliability = NumberOf(*reliability);
    if (!source.reliability) return Error(pointer, "cg:reliability must be a number in [0, 1]");
  }
  source.place = {0, static_cast<uint32_t>(data_.sources.size())};
  ids_[id] = {NodeKind::kSource, static_cast<Index>(data_.sources.size())};
  data_.sources.push_back(std::move(source));
  origins_.sources.push_back(pointer);
  return Status::Ok();
}

Status ProvReader::ReadAgent(const std::string& pointer, std::string_view name, const Value& record) {
  if (!record.IsObject()) return Error(pointer, "a PROV agent must be a JSON object");
  const auto attributes = Attributes(record);
  Entity entity;
  entity.id = IdOf(name);
  if (ids_.count(entity.id) > 0) return Error(pointer, "the id '" + entity.id + "' names two records");
  entity.name = Text(attributes, Prov("label")).value_or(entity.id.str());
  const std::vector<std::string> types = Types(attributes);
  if (std::optional<std::string> type = Text(attributes, Vocabulary("entityType"))) {
    std::optional<EntityType> parsed = ParseEntityType(*type);
    if (!parsed) return Error(pointer, "cg:entityType \"" + *type + "\" is not a casefile entity type");
    entity.type = *parsed;
  } else if (std::find(types.begin(), types.end(), Prov("Person")) != types.end()) {
    entity.type = EntityType::kPerson;
  } else if (std::find(types.begin(), types.end(), Prov("Organization")) != types.end()) {
    entity.type = EntityType::kOrganisation;
  }
  auto aliases = attributes.find(Vocabulary("alias"));
  if (aliases != attributes.end()) {
    for (const Value* alias : aliases->second) entity.aliases.push_back(TextOf(*alias).value_or(""));
  }
  entity.url = Url(attributes, Vocabulary("url"), pointer);
  entity.place = {0, static_cast<uint32_t>(data_.entities.size())};
  ids_[entity.id.str()] = {NodeKind::kEntity, static_cast<Index>(data_.entities.size())};
  data_.entities.push_back(std::move(entity));
  origins_.entities.push_back(pointer);
  return Status::Ok();
}

Result<ImportResult> ProvReader::Read(std::string_view text) {
  text_ = text;
  // Before the DOM: it bounds Parse's recursion, and a key given twice would be read as
  // one of its values (ingest/json_structure.h).
  const ingest::JsonStructureScan structure = ingest::ScanJsonStructure(text, 0, 1);
  if (!structure.problems.empty() && !structure.syntax_error) {
    const ingest::JsonStructureProblem& problem = structure.problems.front();
    const ingest::LineColumn place = ingest::LineColumnAt(text, problem.offset);
    return Status::FromDiagnostics(
        {{Severity::kError, file_, place.line, place.column, problem.pointer, problem.message}});
  }
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    const size_t offset = std::min(document.GetErrorOffset(), text.size());
    const ingest::LineColumn place = ingest::LineColumnAt(text, offset);
    return Status::FromDiagnostics(
        {{Severity::kError, file_, place.line, place.column, "",
          std::string("not valid JSON: ") + rapidjson::GetParseError_En(document.GetParseError())}});
  }
  if (!document.IsObject()) return Error("", "a PROV-JSON document is a JSON object");
  prefixes_ = {{"prov", std::string(kProvIri)}, {"xsd", std::string(kXsdIri)}};
  for (const auto& member : document.GetObject()) {
    const std::string key = View(member.name);
    if (std::find(std::begin(kKnownRecords), std::end(kKnownRecords), key) == std::end(kKnownRecords)) {
      return Error("/" + PointerToken(key),
                   "claimgraph cannot import PROV '" + key +
                       "' records: a casefile has no equivalent (it reads prefix, entity, agent, "
                       "wasAttributedTo, wasDerivedFrom and actedOnBehalfOf)");
    }
    if (!member.value.IsObject()) return Error("/" + PointerToken(key), "'" + key + "' must be a JSON object");
  }
  if (document.HasMember("prefix")) {
    for (const auto& prefix : document["prefix"].GetObject()) {
      if (!prefix.value.IsString()) return Error("/prefix/" + PointerToken(View(prefix.name)), "a prefix maps to an IRI string");
      prefixes_[View(prefix.name)] = View(prefix.value);
    }
  }
  // Records first (relations refer to them), then relations, each in document order.
  for (std::string_view kind : {"entity", "agent", "wasAttributedTo", "wasDerivedFrom", "actedOnBehalfOf"}) {
    if (!document.HasMember(kind.data())) continue;
    for (const auto& member : document[kind.data()].GetObject()) {
      const std::string name = View(member.name);
      const std::string base = "/" + std::string(kind) + "/" + PointerToken(name);
      // PROV-JSON writes several records that share an identifier as an array.
      std::vector<std::pair<std::string, const Value*>> records;
      if (member.value.IsArray()) {
        for (rapidjson::SizeType i = 0; i < member.value.Size(); ++i) {
          records.emplace_back(base + "/" + std::to_string(i), &member.value[i]);
        }
      } else {
        records.emplace_back(base, &member.value);
      }
      for (const auto& [pointer, record] : records) {
        Status status = kind == "entity" ? ReadEntity(pointer, name, *record)
                        : kind == "agent" ? ReadAgent(pointer, name, *record)
                                          : ReadRelation(kind, pointer, *record);
        if (!status.ok()) return status;
      }
    }
  }
  if (Status status = ResolveClaimLinks(); !status.ok()) return status;
  data_.files = {file_};
  ImportResult result;
  result.data = std::move(data_);
  result.notes = std::move(notes_);
  result.origins = std::move(origins_);
  return result;
}

std::string ProvReader::Url(const AttributeMap& attributes, std::string_view iri, const std::string& pointer) {
  const std::string url = Text(attributes, iri).value_or("");
  if (url.empty()) return url;
  if (std::optional<std::string> encoded = EncodeHttpUrl(url)) return *encoded;
  notes_.push_back(file_ + ": note: " + pointer + ": url " + ingest::Quoted(url) + " left out: it " + HttpUrlProblem(url));
  return "";
}

}  // namespace claimgraph::importers
