// Internal to the PROV-JSON importer (claimgraph/prov_import.h): the reader that turns one
// parsed PROV-JSON document into casefile records, split over prov_reader.cpp (records,
// the document walk) and prov_relations.cpp (relations, links between records).
#ifndef CLAIMGRAPH_INGEST_PROV_READER_H_
#define CLAIMGRAPH_INGEST_PROV_READER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "claimgraph/prov_import.h"

namespace claimgraph::importers {

using rapidjson::Value;

inline constexpr std::string_view kProvIri = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kXsdIri = "http://www.w3.org/2001/XMLSchema#";

// `token` escaped for a JSON pointer (RFC 6901: '~' -> "~0", '/' -> "~1").
std::string PointerToken(std::string_view token);
// A JSON string's text; "" for any other value.
std::string View(const Value& value);
// One attribute value as text: a plain string, or the "$" of {"$": ..., "type": ...}.
std::optional<std::string> TextOf(const Value& value);
// One attribute value as a finite number: a JSON number, or a typed literal whose "$" is one
// or whose text reads as one.
std::optional<double> NumberOf(const Value& value);

// A record's attributes keyed by expanded IRI, each with all its values in document order.
using AttributeMap = std::map<std::string, std::vector<const Value*>>;

// Reads one document; use once. `file` labels the diagnostics.
class ProvReader {
 public:
  explicit ProvReader(std::string_view file) : file_(file) {}

  // The casefile records of PROV-JSON `text`, or the first error found.
  Result<ImportResult> Read(std::string_view text);

 private:
  // An error at `pointer`, with the line and column where it points in the text read.
  Status Error(const std::string& pointer, const std::string& message) const;
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
  AttributeMap Attributes(const Value& record) const {
    AttributeMap attributes;
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
  static const Value* First(const AttributeMap& attributes,
                            std::string_view iri) {
    auto found = attributes.find(std::string(iri));
    return found == attributes.end() || found->second.empty() ? nullptr : found->second.front();
  }
  static std::string Vocabulary(std::string_view term) { return std::string(kProvVocabularyIri) + std::string(term); }
  static std::string Prov(std::string_view term) { return std::string(kProvIri) + std::string(term); }
  std::vector<std::string> Types(const AttributeMap& attributes) const {
    std::vector<std::string> types;
    auto found = attributes.find(Prov("type"));
    if (found == attributes.end()) return types;
    for (const Value* value : found->second) {
      if (std::optional<std::string> text = TextOf(*value)) types.push_back(Expand(*text));
    }
    return types;
  }
  std::optional<std::string> Text(const AttributeMap& attributes,
                                  std::string_view iri) const {
    const Value* value = First(attributes, iri);
    return value == nullptr ? std::nullopt : TextOf(*value);
  }
  // A url attribute, percent-encoded where RFC 3986 allows (model/uri.h); "" with a note
  // when it is no http(s) URL at all, as the loader would reject it.
  std::string Url(const AttributeMap& attributes, std::string_view iri, const std::string& pointer);
  // The record a qualified-name attribute points to, of the expected kinds.
  Result<NodeRef> Reference(const std::string& pointer, const std::string& name, bool source,
                            bool claim, bool entity) const;

  // Each record kind's pass; `pointer` is the JSON pointer of the record.
  Status ReadEntity(const std::string& pointer, std::string_view name, const Value& record);
  Status ReadAgent(const std::string& pointer, std::string_view name, const Value& record);
  Status ReadRelation(std::string_view kind, const std::string& pointer, const Value& record);
  Status ResolveClaimLinks();

  std::string file_;
  std::string_view text_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, NodeRef, std::less<>> ids_;
  CaseData data_;
  RecordOrigins origins_;
  // Per claim, the about and excludes names and where they were written, resolved once
  // every entity and claim is known.
  struct PendingLinks {
    std::string pointer;
    std::vector<std::string> about, excludes;
  };
  std::vector<PendingLinks> claim_links_;
  std::vector<std::pair<std::string, std::string>> verdict_claims_;  // pointer, claim name
  std::vector<std::string> notes_;  // urls left out
};

}  // namespace claimgraph::importers

#endif  // CLAIMGRAPH_INGEST_PROV_READER_H_
