// The casefile spelling of every enumeration, in one table per enumeration so that
// Name() and Parse*() cannot disagree.
#include <array>
#include <utility>

#include "claimgraph/boost_graph.h"
#include "claimgraph/model.h"

namespace claimgraph {
namespace {

template <typename Enum, size_t N>
std::string_view NameIn(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
std::optional<Enum> ParseIn(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
  for (const auto& [candidate, name] : table) {
    if (name == text) return candidate;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<NodeKind, std::string_view>, 3> kNodeKinds{{
    {NodeKind::kSource, "source"}, {NodeKind::kClaim, "claim"}, {NodeKind::kEntity, "entity"}}};
constexpr std::array<std::pair<SourceKind, std::string_view>, 6> kSourceKinds{{
    {SourceKind::kStatement, "statement"},
    {SourceKind::kPressRelease, "press release"},
    {SourceKind::kWireReport, "wire report"},
    {SourceKind::kNewsReport, "news report"},
    {SourceKind::kSocialPost, "social post"},
    {SourceKind::kOther, "other"}}};
constexpr std::array<std::pair<EntityType, std::string_view>, 7> kEntityTypes{{
    {EntityType::kOrganisation, "organisation"},
    {EntityType::kPerson, "person"},
    {EntityType::kState, "state"},
    {EntityType::kOutlet, "outlet"},
    {EntityType::kPlace, "place"},
    {EntityType::kSystem, "system"},
    {EntityType::kOther, "other"}}};
constexpr std::array<std::pair<Stance, std::string_view>, 3> kStances{{
    {Stance::kSupports, "supports"}, {Stance::kRefutes, "refutes"}, {Stance::kReports, "reports"}}};
constexpr std::array<std::pair<CitationKind, std::string_view>, 4> kCitationKinds{{
    {CitationKind::kQuotes, "quotes"},
    {CitationKind::kDerivedFrom, "derived from"},
    {CitationKind::kPrimarySource, "primary source"},
    {CitationKind::kLinks, "links"}}};
constexpr std::array<std::pair<Rating, std::string_view>, 2> kRatings{{
    {Rating::kTrue, "true"}, {Rating::kFalse, "false"}}};
constexpr std::array<std::pair<EdgeKind, std::string_view>, 7> kEdgeKinds{{
    {EdgeKind::kAssertion, "assertion"},
    {EdgeKind::kAttribution, "attribution"},
    {EdgeKind::kCitation, "citation"},
    {EdgeKind::kPublisher, "publisher"},
    {EdgeKind::kControlledBy, "controlled by"},
    {EdgeKind::kAbout, "about"},
    {EdgeKind::kExcludes, "excludes"}}};

}  // namespace

std::string_view Name(NodeKind kind) { return NameIn(kNodeKinds, kind); }
std::string_view Name(SourceKind kind) { return NameIn(kSourceKinds, kind); }
std::string_view Name(EntityType type) { return NameIn(kEntityTypes, type); }
std::string_view Name(Stance stance) { return NameIn(kStances, stance); }
std::string_view Name(CitationKind kind) { return NameIn(kCitationKinds, kind); }
std::string_view Name(Rating rating) { return NameIn(kRatings, rating); }
std::string_view Name(EdgeKind kind) { return NameIn(kEdgeKinds, kind); }

std::optional<SourceKind> ParseSourceKind(std::string_view text) { return ParseIn(kSourceKinds, text); }
std::optional<EntityType> ParseEntityType(std::string_view text) { return ParseIn(kEntityTypes, text); }
std::optional<Stance> ParseStance(std::string_view text) { return ParseIn(kStances, text); }
std::optional<CitationKind> ParseCitationKind(std::string_view text) {
  return ParseIn(kCitationKinds, text);
}
std::optional<Rating> ParseRating(std::string_view text) { return ParseIn(kRatings, text); }

}  // namespace claimgraph
