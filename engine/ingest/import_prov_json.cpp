// PROV-JSON -> casefile records: the inverse of the mapping in docs/exports.md. Qualified
// names are expanded through the document's prefixes and compared as IRIs, so a document
// that went through another PROV tool (which may rename prefixes) still reads back.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "claimgraph/prov_import.h"

namespace claimgraph {
namespace {

using rapidjson::Value;

constexpr std::string_view kProvIri = "http://www.w3.org/ns/prov#";
constexpr std::string_view kXsdIri = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kKnownRecords[] = {"prefix", "entity", "agent", "wasAttributedTo",
                                              "wasDerivedFrom", "actedOnBehalfOf"};

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

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

// One attribute value as text: a plain string, or the "$" of {"$": ..., "type": ...}.
std::optional<std::string> TextOf(const Value& value) {
  if (value.IsString()) return View(value);
  if (value.IsObject() && value.HasMember("$") && value["$"].IsString()) return View(value["$"]);
  return std::nullopt;
}

std::optional<double> NumberOf(const Value& value) {
  if (value.IsNumber()) return value.GetDouble();
  if (value.IsObject() && value.HasMember("$") && value["$"].IsNumber()) return value["$"].GetDouble();
  if (std::optional<std::string> text = TextOf(value)) {
    char* end = nullptr;
    double number = std::strtod(text->c_str(), &end);
    if (!text->empty() && end == text->c_str() + text->size()) return number;
  }
  return std::nullopt;
}

class ProvReader {
 public:
  explicit ProvReader(std::string_view file) : file_(file) {}

  Result<ImportResult> Read(std::string_view text);

 private:
  Status Error(const std::string& pointer, const std::string& message) const {
    return Status::FromDiagnostics({{Severity::kError, file_, 0, 0, pointer, message}});
  }
  // The IRI of a qualified name, or "" when its prefix is not declared.
  std::string Expand(std::string_view name) const {
    size_t colon = name.find(':');
    if (colon == std::string_view::npos) return "";
    auto prefix = prefixes_.find(std::string(name.substr(0, colon)));
    if (prefix == prefixes_.end()) return "";
    return prefix->second + std::string(name.substr(colon + 1));
  }
  // A record's identifier -> casefile id: ids in our record namespace are decoded, any
  // other qualified name is kept as written.
  std::string IdOf(std::string_view name) const {
    std::string iri = Expand(name);
    if (iri.rfind(kProvRecordIri, 0) == 0) {
      if (auto id = DecodeProvLocalName(std::string_view(iri).substr(kProvRecordIri.size()))) return *id;
    }
    return std::string(name);
  }
  // The attributes of one record, keyed by expanded IRI, each with all its values.
  std::map<std::string, std::vector<const Value*>> Attributes(const Value& record) const {
    std::map<std::string, std::vector<const Value*>> attributes;
    for (const auto& member : record.GetObject()) {
      std::string key = Expand(View(member.name));
      if (key.empty()) key = View(member.name);
      if (member.value.IsArray()) {
        for (const Value& item : member.value.GetArray()) attributes[key].push_back(&item);
      } else {
        attributes[key].push_back(&member.value);
      }
    }
    return attributes;
  }
  static const Value* First(const std::map<std::string, std::vector<const Value*>>& attributes,
                            std::string_view iri) {
    auto found = attributes.find(std::string(iri));
    return found == attributes.end() || found->second.empty() ? nullptr : found->second.front();
  }
  static std::string Vocabulary(std::string_view term) { return std::string(kProvVocabularyIri) + std::string(term); }
  static std::string Prov(std::string_view term) { return std::string(kProvIri) + std::string(term); }
  std::vector<std::string> Types(const std::map<std::string, std::vector<const Value*>>& attributes) const {
    std::vector<std::string> types;
    auto found = attributes.find(Prov("type"));
    if (found == attributes.end()) return types;
    for (const Value* value : found->second) {
      if (std::optional<std::string> text = TextOf(*value)) types.push_back(Expand(*text));
    }
    return types;
  }
  std::optional<std::string> Text(const std::map<std::string, std::vector<const Value*>>& attributes,
                                  std::string_view iri) const {
    const Value* value = First(attributes, iri);
    return value == nullptr ? std::nullopt : TextOf(*value);
  }
  // The record a qualified-name attribute points to, of the expected kinds.
  Result<NodeRef> Reference(const std::string& pointer, const std::string& name, bool source,
                            bool claim, bool entity) const;

  // Each record kind's pass; `pointer` is the JSON pointer of the record.
  Status ReadEntity(const std::string& pointer, std::string_view name, const Value& record);
  Status ReadAgent(const std::string& pointer, std::string_view name, const Value& record);
  Status ReadRelation(std::string_view kind, const std::string& pointer, const Value& record);
  Status ResolveClaimLinks();

  std::string file_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, NodeRef> ids_;
  CaseData data_;
  // Per claim, the about and excludes names and where they were written, resolved once
  // every entity and claim is known.
  struct PendingLinks {
    std::string pointer;
    std::vector<std::string> about, excludes;
  };
  std::vector<PendingLinks> claim_links_;
  std::vector<std::pair<std::string, std::string>> verdict_claims_;  // pointer, claim name
};

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
    data_.review.author_url = Text(attributes, Vocabulary("reviewAuthorUrl")).value_or("");
    data_.review.date_published = Text(attributes, Vocabulary("reviewDatePublished")).value_or("");
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
    verdict.url = Text(attributes, Vocabulary("url")).value_or("");
    verdict.place = {0, static_cast<uint32_t>(data_.verdicts.size())};
    data_.verdicts.push_back(std::move(verdict));
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
  source.url = Text(attributes, Vocabulary("url")).value_or("");
  source.published = Text(attributes, Vocabulary("published")).value_or("");
  source.language = Text(attributes, Vocabulary("language")).value_or("");
  if (const Value* reliability = First(attributes, Vocabulary("reliability"))) {
    source.reliability = NumberOf(*reliability);
    if (!source.reliability) return Error(pointer, "cg:reliability must be a number in [0, 1]");
  }
  source.place = {0, static_cast<uint32_t>(data_.sources.size())};
  ids_[id] = {NodeKind::kSource, static_cast<Index>(data_.sources.size())};
  data_.sources.push_back(std::move(source));
  return Status::Ok();
}

Status ProvReader::ReadAgent(const std::string& pointer, std::string_view name, const Value& record) {
  if (!record.IsObject()) return Error(pointer, "a PROV agent must be a JSON object");
  const auto attributes = Attributes(record);
  Entity entity;
  entity.id = IdOf(name);
  if (ids_.count(entity.id) > 0) return Error(pointer, "the id '" + entity.id + "' names two records");
  entity.name = Text(attributes, Prov("label")).value_or(entity.id);
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
  entity.url = Text(attributes, Vocabulary("url")).value_or("");
  entity.place = {0, static_cast<uint32_t>(data_.entities.size())};
  ids_[entity.id] = {NodeKind::kEntity, static_cast<Index>(data_.entities.size())};
  data_.entities.push_back(std::move(entity));
  return Status::Ok();
}

Status ProvReader::ReadRelation(std::string_view kind, const std::string& pointer, const Value& record) {
  if (!record.IsObject()) return Error(pointer, "a PROV relation must be a JSON object");
  const auto attributes = Attributes(record);
  auto name = [&](std::string_view term) -> std::optional<std::string> { return Text(attributes, Prov(term)); };
  if (kind == "wasAttributedTo") {
    std::optional<std::string> entity = name("entity"), agent = name("agent");
    if (!entity || !agent) return Error(pointer, "wasAttributedTo needs prov:entity and prov:agent");
    Result<NodeRef> source = Reference(pointer, *entity, true, false, false);
    if (!source.ok()) return source.status();
    Result<NodeRef> publisher = Reference(pointer, *agent, false, false, true);
    if (!publisher.ok()) return publisher.status();
    Source& record_source = data_.sources[source->index];
    if (record_source.publisher != kNoIndex) {
      return Error(pointer, "source '" + record_source.id +
                                "' is attributed to a second agent; a casefile source has one publisher");
    }
    record_source.publisher = publisher->index;
    return Status::Ok();
  }
  if (kind == "actedOnBehalfOf") {
    std::optional<std::string> delegate = name("delegate"), responsible = name("responsible");
    if (!delegate || !responsible) return Error(pointer, "actedOnBehalfOf needs prov:delegate and prov:responsible");
    Result<NodeRef> from = Reference(pointer, *delegate, false, false, true);
    if (!from.ok()) return from.status();
    Result<NodeRef> to = Reference(pointer, *responsible, false, false, true);
    if (!to.ok()) return to.status();
    data_.entities[from->index].controlled_by.push_back(to->index);
    return Status::Ok();
  }
  // wasDerivedFrom: an assertion (claim from source) or a citation (source from source).
  std::optional<std::string> generated = name("generatedEntity"), used = name("usedEntity");
  if (!generated || !used) return Error(pointer, "wasDerivedFrom needs prov:generatedEntity and prov:usedEntity");
  const std::vector<std::string> types = Types(attributes);
  auto has_type = [&](const std::string& iri) { return std::find(types.begin(), types.end(), iri) != types.end(); };
  if (has_type(Vocabulary("Assertion"))) {
    Assertion assertion;
    Result<NodeRef> claim = Reference(pointer, *generated, false, true, false);
    if (!claim.ok()) return claim.status();
    Result<NodeRef> source = Reference(pointer, *used, true, false, false);
    if (!source.ok()) return source.status();
    assertion.claim = claim->index;
    assertion.source = source->index;
    std::optional<Stance> stance = ParseStance(Text(attributes, Vocabulary("stance")).value_or(""));
    if (!stance) return Error(pointer, "a cg:Assertion needs cg:stance \"supports\", \"refutes\" or \"reports\"");
    assertion.stance = *stance;
    if (std::optional<std::string> speaker = Text(attributes, Vocabulary("speaker"))) {
      Result<NodeRef> found = Reference(pointer, *speaker, true, false, true);
      if (!found.ok()) return found.status();
      assertion.speaker = found.value();
    }
    assertion.quote = Text(attributes, Vocabulary("quote")).value_or("");
    if (const Value* confidence = First(attributes, Vocabulary("confidence"))) {
      std::optional<double> number = NumberOf(*confidence);
      if (!number || *number < 0.0 || *number > 1.0) return Error(pointer, "cg:confidence must be a number in [0, 1]");
      assertion.confidence = static_cast<float>(*number);
    }
    assertion.place = {0, static_cast<uint32_t>(data_.assertions.size())};
    data_.assertions.push_back(std::move(assertion));
    return Status::Ok();
  }
  Citation citation;
  Result<NodeRef> from = Reference(pointer, *generated, true, false, false);
  if (!from.ok()) return from.status();
  Result<NodeRef> to = Reference(pointer, *used, true, false, false);
  if (!to.ok()) return to.status();
  citation.from = from->index;
  citation.to = to->index;
  if (std::optional<std::string> kind_text = Text(attributes, Vocabulary("citationKind"))) {
    std::optional<CitationKind> parsed = ParseCitationKind(*kind_text);
    if (!parsed) return Error(pointer, "cg:citationKind \"" + *kind_text + "\" is not a casefile citation kind");
    citation.kind = *parsed;
  } else if (has_type(Prov("Quotation"))) {
    citation.kind = CitationKind::kQuotes;
  } else if (has_type(Prov("PrimarySource"))) {
    citation.kind = CitationKind::kPrimarySource;
  } else {
    citation.kind = CitationKind::kDerivedFrom;
  }
  citation.place = {0, static_cast<uint32_t>(data_.citations.size())};
  data_.citations.push_back(citation);
  return Status::Ok();
}

Status ProvReader::ResolveClaimLinks() {
  for (size_t c = 0; c < claim_links_.size(); ++c) {
    const PendingLinks& links = claim_links_[c];
    for (const std::string& about : links.about) {
      Result<NodeRef> entity = Reference(links.pointer, about, false, false, true);
      if (!entity.ok()) return entity.status();
      data_.claims[c].about.push_back(entity->index);
    }
    for (const std::string& excluded : links.excludes) {
      Result<NodeRef> other = Reference(links.pointer, excluded, false, true, false);
      if (!other.ok()) return other.status();
      data_.claims[c].excludes.push_back(other->index);
    }
  }
  // Exclusion is symmetric after loading (claimgraph/model.h): fill in the other side.
  for (Index c = 0; c < data_.claims.size(); ++c) {
    for (Index other : std::vector<Index>(data_.claims[c].excludes)) {
      std::vector<Index>& back = data_.claims[other].excludes;
      if (std::find(back.begin(), back.end(), c) == back.end()) back.push_back(c);
    }
  }
  for (size_t v = 0; v < verdict_claims_.size(); ++v) {
    const auto& [pointer, claim] = verdict_claims_[v];
    Result<NodeRef> rated = Reference(pointer, claim, false, true, false);
    if (!rated.ok()) return rated.status();
    data_.verdicts[v].claim = rated->index;
  }
  return Status::Ok();
}

Result<ImportResult> ProvReader::Read(std::string_view text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    const size_t offset = std::min(document.GetErrorOffset(), text.size());
    Diagnostic diagnostic{Severity::kError, file_, 1, 1, "",
                          std::string("not valid JSON: ") + rapidjson::GetParseError_En(document.GetParseError())};
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++diagnostic.line;
        diagnostic.column = 1;
      } else {
        ++diagnostic.column;
      }
    }
    return Status::FromDiagnostics({diagnostic});
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
  return result;
}

}  // namespace

std::string ProvLocalName(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string local;
  for (unsigned char c : id) {
    if (std::isalnum(c) && c < 0x80) local += static_cast<char>(c);
    else if (c == '-' || c == '_') local += static_cast<char>(c);
    else {
      local += '%';
      local += kHex[c >> 4];
      local += kHex[c & 0xF];
    }
  }
  return local;
}

std::optional<std::string> DecodeProvLocalName(std::string_view local) {
  std::string id;
  for (size_t i = 0; i < local.size(); ++i) {
    if (local[i] != '%') {
      id += local[i];
      continue;
    }
    if (i + 2 >= local.size()) return std::nullopt;
    if (!IsHex(local[i + 1]) || !IsHex(local[i + 2])) return std::nullopt;
    id += static_cast<char>(std::stoi(std::string(local.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return id;
}

Result<ImportResult> ImportProvJson(std::string_view file, std::string_view text) {
  return ProvReader(file).Read(text);
}

}  // namespace claimgraph
