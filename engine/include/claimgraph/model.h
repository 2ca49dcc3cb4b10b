// The records of a casefile after loading: every reference is resolved to an index into
// the vector of the kind it names, so later layers never look ids up again. Ids are global
// across all kinds and all casefiles loaded together.
#ifndef CLAIMGRAPH_MODEL_H_
#define CLAIMGRAPH_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/compact_string.h"

namespace claimgraph {

using Index = uint32_t;
inline constexpr Index kNoIndex = UINT32_MAX;

enum class NodeKind : uint8_t { kSource, kClaim, kEntity };

enum class SourceKind : uint8_t {
  kStatement, kPressRelease, kWireReport, kNewsReport, kSocialPost, kOther
};
enum class EntityType : uint8_t {
  kOrganisation, kPerson, kState, kOutlet, kPlace, kSystem, kOther
};
// `kReports` relays a claim without taking a side: coverage, not truth.
enum class Stance : uint8_t { kSupports, kRefutes, kReports };
enum class CitationKind : uint8_t { kQuotes, kDerivedFrom, kPrimarySource, kLinks };
enum class Rating : uint8_t { kTrue, kFalse };

// The casefile spelling of each enumerator ("news report", "supports", ...), and back.
std::string_view Name(NodeKind kind);
std::string_view Name(SourceKind kind);
std::string_view Name(EntityType type);
std::string_view Name(Stance stance);
std::string_view Name(CitationKind kind);
std::string_view Name(Rating rating);
std::optional<SourceKind> ParseSourceKind(std::string_view text);
std::optional<EntityType> ParseEntityType(std::string_view text);
std::optional<Stance> ParseStance(std::string_view text);
std::optional<CitationKind> ParseCitationKind(std::string_view text);
std::optional<Rating> ParseRating(std::string_view text);

// A reference to a source, claim or entity record.
struct NodeRef {
  NodeKind kind = NodeKind::kSource;
  Index index = kNoIndex;
  bool valid() const { return index != kNoIndex; }
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};

// Where a record was written: which casefile (index into CaseData::files) and its position
// in that file's array, so that a JSON pointer such as /assertions/12 can be rebuilt.
struct RecordPlace {
  uint32_t file = 0;
  uint32_t position = 0;
};

// The text fields of records are CompactStrings: 16 bytes, not std::string's 32, since a
// casefile has millions of them (compact_string.h); Source's `kind` stands beside
// `publisher`, where it fills what would be padding.
struct Entity {
  CompactString id;
  CompactString name;
  std::vector<CompactString> aliases;
  EntityType type = EntityType::kOther;
  std::vector<Index> controlled_by;  // entities that own, run or direct this one
  CompactString url;                 // may be empty
  RecordPlace place;
};

struct Source {
  CompactString id;
  CompactString title;
  CompactString url;                  // may be empty
  Index publisher = kNoIndex;         // an entity; kNoIndex when the publisher is unknown
  SourceKind kind = SourceKind::kOther;
  CompactString published;            // ISO 8601 date or date-time as written; may be empty
  int64_t published_seconds = 0;      // UTC seconds since 1970 for ordering; valid if !published.empty()
  CompactString language;             // BCP 47 tag; may be empty
  std::optional<double> reliability;  // prior in [0, 1]
  RecordPlace place;
};

struct Claim {
  CompactString id;
  CompactString text;
  std::vector<Index> about;     // entities
  std::vector<Index> excludes;  // claims that cannot also be true (symmetric after loading)
  CompactString question;       // groups mutually exclusive answers; may be empty
  CompactString value;          // the answer this claim gives to `question`; may be empty
  RecordPlace place;
};

struct Assertion {
  Index source = kNoIndex;
  Index claim = kNoIndex;
  NodeRef speaker;        // whom the source attributes the claim to; !valid() for its own voice
  Stance stance = Stance::kSupports;
  float confidence = 1.0f;  // how sure the analyst is that the source says this, in [0, 1]
  CompactString quote;      // verbatim, short; may be empty for imported data
  RecordPlace place;
  // Where `claimgraph extract` found it, if it did: CaseData::ExtractionOf.
};

// Where `claimgraph extract` found an assertion: [span_begin, span_end) UTF-8 byte offsets
// into the source's text (both 0 when absent), and the rule, an index into
// CaseData::extraction_rules (kNoIndex when absent). Kept beside the assertions rather
// than in them: only drafted casefiles have these, and 12 bytes in every Assertion were a
// quarter of its size at ten million assertions.
struct Extraction {
  Index assertion = kNoIndex;
  uint32_t span_begin = 0, span_end = 0;
  Index extracted_by = kNoIndex;
};

// `from` took material from `to` ("according to TASS": the report cites TASS).
struct Citation {
  Index from = kNoIndex;
  Index to = kNoIndex;
  CitationKind kind = CitationKind::kQuotes;
  RecordPlace place;
};

// A past verdict on a claim, as a fact-checking desk records it.
struct Verdict {
  Index claim = kNoIndex;
  Rating rating = Rating::kTrue;
  CompactString by;    // who rated it; may be empty
  CompactString date;  // ISO 8601; may be empty
  CompactString url;   // the published fact-check; may be empty
  RecordPlace place;
};

// Who publishes the review of these claims (for ClaimReview export).
struct Review {
  std::string author_name;
  std::string author_url;
  std::string date_published;
  bool present() const { return !author_name.empty(); }
};

// Every record of the casefiles loaded together.
struct CaseData {
  std::vector<std::string> files;  // the casefile paths, as given
  std::string title;               // of the first casefile that has one
  Review review;                   // of the first casefile that has one
  std::vector<Entity> entities;
  std::vector<Source> sources;
  std::vector<Claim> claims;
  std::vector<Assertion> assertions;
  std::vector<Citation> citations;
  std::vector<Verdict> verdicts;
  std::vector<std::string> extraction_rules;  // distinct `extracted_by` texts of assertions
  // At most one per assertion, in order of `assertion`; assertions without one have none.
  std::vector<Extraction> extractions;

  // The extraction of assertion `assertion`, or nullptr when it has none.
  const Extraction* FindExtraction(Index assertion) const {
    auto found = std::lower_bound(extractions.begin(), extractions.end(), assertion,
                                  [](const Extraction& e, Index a) { return e.assertion < a; });
    return found != extractions.end() && found->assertion == assertion ? &*found : nullptr;
  }
  // The same as a value: one with span [0, 0) and no rule when it has none.
  Extraction ExtractionOf(Index assertion) const {
    const Extraction* found = FindExtraction(assertion);
    return found != nullptr ? *found : Extraction{.assertion = assertion};
  }
  // For a filter that copies some of `from`'s assertions into this case (--as-of, shard):
  // called just before `from`'s assertion `assertion` is appended here, it appends that
  // assertion's extraction, if any, numbered for the position the assertion will take.
  // REQUIRES: `from`'s extraction_rules are this case's.
  void CarryExtraction(const CaseData& from, Index assertion) {
    if (const Extraction* found = from.FindExtraction(assertion)) {
      extractions.push_back(*found);
      extractions.back().assertion = static_cast<Index>(assertions.size());
    }
  }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_MODEL_H_
