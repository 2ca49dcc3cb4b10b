// The names claimgraph gives its records in W3C PROV: the namespaces and the encoding of
// casefile ids as qualified names. Shared by the PROV-JSON exporter, the importer, the
// ClaimReview export and the report (which uses the same encoding for anchors), so that the
// writers and the reader cannot drift apart.
#ifndef CLAIMGRAPH_PROV_NAMES_H_
#define CLAIMGRAPH_PROV_NAMES_H_

#include <optional>
#include <string>
#include <string_view>

namespace claimgraph {

// The claimgraph vocabulary: record types (cg:Source, cg:Claim, cg:Assertion, ...) and
// attributes (cg:stance, cg:kind, ...). An .example IRI: it names, it does not resolve.
inline constexpr std::string_view kProvVocabularyPrefix = "cg";
inline constexpr std::string_view kProvVocabularyIri = "https://claimgraph.example/ns#";
// Casefile record ids (sources, claims, entities), percent-encoded.
inline constexpr std::string_view kProvRecordPrefix = "id";
inline constexpr std::string_view kProvRecordIri = "https://claimgraph.example/id/";
// Records that have no id in a casefile: verdicts ("case:verdict-1") and the casefile's
// title and review block ("case:casefile").
inline constexpr std::string_view kProvCasePrefix = "case";
inline constexpr std::string_view kProvCaseIri = "https://claimgraph.example/case/";

// The local part of a qualified name for a casefile id: bytes other than ASCII letters,
// digits, '-' and '_' are percent-encoded ("a/b" -> "a%2Fb"), which keeps the name valid
// in PROV-N, PROV-XML and RDF.
std::string ProvLocalName(std::string_view id);
// The inverse of ProvLocalName; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> DecodeProvLocalName(std::string_view local);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_PROV_NAMES_H_
