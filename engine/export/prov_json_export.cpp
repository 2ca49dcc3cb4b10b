// The W3C PROV-DM mapping of docs/exports.md, written as PROV-JSON
// (https://www.w3.org/submissions/prov-json/). Relations have blank identifiers
// ("_:assertion-3"), numbered in casefile order, so that the document is deterministic.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "claimgraph/export.h"
#include "claimgraph/prov_names.h"
#include "export/markup_text.h"

namespace claimgraph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

class ProvWriter {
 public:
  explicit ProvWriter(const ProvenanceGraph& graph) : graph_(graph), writer_(buffer_) {
    writer_.SetIndent(' ', 2);
  }

  std::string Write() {
    writer_.StartObject();
    Key("prefix");
    writer_.StartObject();
    Pair(kProvVocabularyPrefix, kProvVocabularyIri);
    Pair(kProvRecordPrefix, kProvRecordIri);
    Pair(kProvCasePrefix, kProvCaseIri);
    writer_.EndObject();
    WriteEntities();
    WriteAgents();
    WriteAttributions();
    WriteDerivations();
    WriteDelegations();
    writer_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize()) + "\n";
  }

 private:
  void Key(std::string_view key) {
    const std::string valid = exporting::ValidUtf8(key);
    writer_.Key(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  void String(std::string_view text) {
    const std::string valid = exporting::ValidUtf8(text);
    writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  void Pair(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  // A value with a datatype: {"$": "...", "type": "xsd:anyURI"}.
  void Typed(std::string_view key, std::string_view value, std::string_view type) {
    Key(key);
    writer_.StartObject();
    Pair("$", value);
    Pair("type", type);
    writer_.EndObject();
  }
  void QualifiedValue(std::string_view name) {
    writer_.StartObject();
    Pair("$", name);
    Pair("type", "prov:QUALIFIED_NAME");
    writer_.EndObject();
  }
  void QualifiedAttribute(std::string_view key, std::string_view name) {
    Key(key);
    QualifiedValue(name);
  }
  // Numbers as typed literals ({"$": "0.9", "type": "xsd:double"}): a bare JSON number
  // would become xsd:int or xsd:float depending on how it happens to be written.
  void Number(std::string_view key, const std::string& number) { Typed(key, number, "xsd:double"); }
  std::string Vocabulary(std::string_view term) const {
    return std::string(kProvVocabularyPrefix) + ":" + std::string(term);
  }
  std::string Record(NodeRef node) const {
    return std::string(kProvRecordPrefix) + ":" + ProvLocalName(graph_.Id(node));
  }
  std::string Blank(std::string_view kind, size_t number) const {
    return "_:" + std::string(kind) + "-" + std::to_string(number + 1);
  }
  // A non-empty list of record names as one attribute with several values.
  void RecordList(std::string_view key, NodeKind kind, const std::vector<Index>& indices) {
    if (indices.empty()) return;
    Key(key);
    writer_.StartArray();
    for (Index index : indices) QualifiedValue(Record({kind, index}));
    writer_.EndArray();
  }

  void WriteEntities() {
    const CaseData& data = graph_.data();
    Key("entity");
    writer_.StartObject();
    for (Index i = 0; i < data.sources.size(); ++i) {
      const Source& source = data.sources[i];
      Key(Record({NodeKind::kSource, i}));
      writer_.StartObject();
      QualifiedAttribute("prov:type", Vocabulary("Source"));
      Pair("prov:label", source.title);
      Pair(Vocabulary("kind"), Name(source.kind));
      if (!source.url.empty()) Typed(Vocabulary("url"), source.url, "xsd:anyURI");
      if (!source.published.empty()) {
        const bool has_time = source.published.view().find('T') != std::string_view::npos;
        Typed(Vocabulary("published"), source.published, has_time ? "xsd:dateTime" : "xsd:date");
      }
      if (!source.language.empty()) Pair(Vocabulary("language"), source.language);
      if (source.reliability) {
        Number(Vocabulary("reliability"), exporting::ShortestNumber(*source.reliability));
      }
      writer_.EndObject();
    }
    for (Index i = 0; i < data.claims.size(); ++i) {
      const Claim& claim = data.claims[i];
      Key(Record({NodeKind::kClaim, i}));
      writer_.StartObject();
      QualifiedAttribute("prov:type", Vocabulary("Claim"));
      Pair("prov:value", claim.text);
      if (!claim.question.empty()) Pair(Vocabulary("question"), claim.question);
      if (!claim.value.empty()) Pair(Vocabulary("value"), claim.value);
      RecordList(Vocabulary("about"), NodeKind::kEntity, claim.about);
      // Exclusion is symmetric: write each pair once, on the claim that comes first.
      std::vector<Index> excludes;
      for (Index other : claim.excludes) {
        if (other > i) excludes.push_back(other);
      }
      RecordList(Vocabulary("excludes"), NodeKind::kClaim, excludes);
      writer_.EndObject();
    }
    for (size_t i = 0; i < data.verdicts.size(); ++i) {
      const Verdict& verdict = data.verdicts[i];
      Key(std::string(kProvCasePrefix) + ":verdict-" + std::to_string(i + 1));
      writer_.StartObject();
      QualifiedAttribute("prov:type", Vocabulary("Verdict"));
      QualifiedAttribute(Vocabulary("claim"), Record({NodeKind::kClaim, verdict.claim}));
      Pair(Vocabulary("rating"), Name(verdict.rating));
      if (!verdict.by.empty()) Pair(Vocabulary("by"), verdict.by);
      if (!verdict.date.empty()) Pair(Vocabulary("date"), verdict.date);
      if (!verdict.url.empty()) Typed(Vocabulary("url"), verdict.url, "xsd:anyURI");
      writer_.EndObject();
    }
    if (!data.title.empty() || data.review.present()) {
      Key(std::string(kProvCasePrefix) + ":casefile");
      writer_.StartObject();
      QualifiedAttribute("prov:type", Vocabulary("Casefile"));
      if (!data.title.empty()) Pair("prov:label", data.title);
      const Review& review = data.review;
      if (!review.author_name.empty()) Pair(Vocabulary("reviewAuthorName"), review.author_name);
      if (!review.author_url.empty()) Typed(Vocabulary("reviewAuthorUrl"), review.author_url, "xsd:anyURI");
      if (!review.date_published.empty()) Pair(Vocabulary("reviewDatePublished"), review.date_published);
      writer_.EndObject();
    }
    writer_.EndObject();
  }

  void WriteAgents() {
    const CaseData& data = graph_.data();
    if (data.entities.empty()) return;
    Key("agent");
    writer_.StartObject();
    for (Index i = 0; i < data.entities.size(); ++i) {
      const Entity& entity = data.entities[i];
      Key(Record({NodeKind::kEntity, i}));
      writer_.StartObject();
      switch (entity.type) {
        case EntityType::kPerson: QualifiedAttribute("prov:type", "prov:Person"); break;
        case EntityType::kOrganisation:
        case EntityType::kState:
        case EntityType::kOutlet: QualifiedAttribute("prov:type", "prov:Organization"); break;
        default: break;  // a place, system or other entity is an agent of no PROV subtype
      }
      Pair("prov:label", entity.name);
      Pair(Vocabulary("entityType"), Name(entity.type));
      if (!entity.aliases.empty()) {
        Key(Vocabulary("alias"));
        writer_.StartArray();
        for (const CompactString& alias : entity.aliases) String(alias);
        writer_.EndArray();
      }
      if (!entity.url.empty()) Typed(Vocabulary("url"), entity.url, "xsd:anyURI");
      writer_.EndObject();
    }
    writer_.EndObject();
  }

  void WriteAttributions() {
    const CaseData& data = graph_.data();
    bool started = false;
    for (Index i = 0; i < data.sources.size(); ++i) {
      if (data.sources[i].publisher == kNoIndex) continue;
      if (!started) {
        Key("wasAttributedTo");
        writer_.StartObject();
        started = true;
      }
      Key(Blank("publisher", i));
      writer_.StartObject();
      Pair("prov:entity", Record({NodeKind::kSource, i}));
      Pair("prov:agent", Record({NodeKind::kEntity, data.sources[i].publisher}));
      writer_.EndObject();
    }
    if (started) writer_.EndObject();
  }

  void WriteDerivations() {
    const CaseData& data = graph_.data();
    if (data.citations.empty() && data.assertions.empty()) return;
    Key("wasDerivedFrom");
    writer_.StartObject();
    for (size_t i = 0; i < data.citations.size(); ++i) {
      const Citation& citation = data.citations[i];
      Key(Blank("citation", i));
      writer_.StartObject();
      Pair("prov:generatedEntity", Record({NodeKind::kSource, citation.from}));
      Pair("prov:usedEntity", Record({NodeKind::kSource, citation.to}));
      if (citation.kind == CitationKind::kQuotes) QualifiedAttribute("prov:type", "prov:Quotation");
      if (citation.kind == CitationKind::kPrimarySource) {
        QualifiedAttribute("prov:type", "prov:PrimarySource");
      }
      Pair(Vocabulary("citationKind"), Name(citation.kind));
      writer_.EndObject();
    }
    for (size_t i = 0; i < data.assertions.size(); ++i) {
      const Assertion& assertion = data.assertions[i];
      Key(Blank("assertion", i));
      writer_.StartObject();
      Pair("prov:generatedEntity", Record({NodeKind::kClaim, assertion.claim}));
      Pair("prov:usedEntity", Record({NodeKind::kSource, assertion.source}));
      QualifiedAttribute("prov:type", Vocabulary("Assertion"));
      Pair(Vocabulary("stance"), Name(assertion.stance));
      if (assertion.speaker.valid()) QualifiedAttribute(Vocabulary("speaker"), Record(assertion.speaker));
      if (!assertion.quote.empty()) Pair(Vocabulary("quote"), assertion.quote);
      Number(Vocabulary("confidence"), exporting::ShortestNumber(assertion.confidence));
      writer_.EndObject();
    }
    writer_.EndObject();
  }

  void WriteDelegations() {
    const CaseData& data = graph_.data();
    size_t number = 0;
    for (Index i = 0; i < data.entities.size(); ++i) {
      for (Index controller : data.entities[i].controlled_by) {
        if (number == 0) {
          Key("actedOnBehalfOf");
          writer_.StartObject();
        }
        Key(Blank("control", number++));
        writer_.StartObject();
        Pair("prov:delegate", Record({NodeKind::kEntity, i}));
        Pair("prov:responsible", Record({NodeKind::kEntity, controller}));
        QualifiedAttribute("prov:type", Vocabulary("ControlledBy"));
        writer_.EndObject();
      }
    }
    if (number > 0) writer_.EndObject();
  }

  const ProvenanceGraph& graph_;
  rapidjson::StringBuffer buffer_;
  Writer writer_;
};

}  // namespace

std::string ExportProvJson(const ProvenanceGraph& graph) { return ProvWriter(graph).Write(); }

}  // namespace claimgraph
