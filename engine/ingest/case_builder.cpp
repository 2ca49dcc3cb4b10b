#include "ingest/case_builder.h"

#include <array>
#include <string_view>

namespace claimgraph::ingest {
namespace {

// Member names per record kind; a field is its position in the list.
constexpr std::array<std::string_view, 6> kEntityFields = {"id", "name", "aliases", "type",
                                                           "controlled_by", "url"};
constexpr std::array<std::string_view, 8> kSourceFields = {
    "id", "title", "url", "publisher", "published", "kind", "language", "reliability"};
constexpr std::array<std::string_view, 6> kClaimFields = {"id", "text", "about", "excludes",
                                                          "question", "value"};
constexpr std::array<std::string_view, 8> kAssertionFields = {
    "source", "claim", "stance", "speaker", "quote", "confidence", "span", "extracted_by"};
constexpr std::array<std::string_view, 3> kCitationFields = {"from", "to", "kind"};
constexpr std::array<std::string_view, 5> kVerdictFields = {"claim", "rating", "by", "date", "url"};
constexpr std::array<std::string_view, 3> kReviewFields = {"author_name", "author_url",
                                                           "date_published"};
constexpr std::array<std::string_view, 10> kRootFields = {
    "entities", "sources", "claims", "assertions", "citations", "verdicts",
    "claimgraph", "title", "description", "review"};
constexpr int kRootTitle = 7;
constexpr int kRootReview = 9;

// The index of `rule` in `rules`, added when new: an extracted casefile has a few dozen
// distinct rules over many assertions, so each assertion keeps 4 bytes, not a string.
Index InternRule(std::vector<std::string>& rules, std::string_view rule) {
  for (size_t i = rules.size(); i-- > 0;) {
    if (rules[i] == rule) return static_cast<Index>(i);
  }
  rules.emplace_back(rule);
  return static_cast<Index>(rules.size() - 1);
}

template <size_t N>
int FieldOf(const std::array<std::string_view, N>& names, std::string_view key) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == key) return static_cast<int>(i);
  }
  return -1;
}

int RecordFieldOf(RecordKind kind, std::string_view key) {
  switch (kind) {
    case RecordKind::kEntity: return FieldOf(kEntityFields, key);
    case RecordKind::kSource: return FieldOf(kSourceFields, key);
    case RecordKind::kClaim: return FieldOf(kClaimFields, key);
    case RecordKind::kAssertion: return FieldOf(kAssertionFields, key);
    case RecordKind::kCitation: return FieldOf(kCitationFields, key);
    case RecordKind::kVerdict: return FieldOf(kVerdictFields, key);
    case RecordKind::kNone: break;
  }
  return -1;
}

}  // namespace

const char* ArrayName(RecordKind kind) {
  static constexpr const char* kNames[] = {"entities",  "sources",   "claims",
                                           "assertions", "citations", "verdicts", ""};
  return kNames[static_cast<int>(kind)];
}

const char* RecordName(RecordKind kind) {
  static constexpr const char* kNames[] = {"entity",   "source",   "claim",
                                           "assertion", "citation", "verdict", ""};
  return kNames[static_cast<int>(kind)];
}

BuildState& CaseBuilder::DiscardedState() {
  static thread_local BuildState discarded;
  return discarded;
}

bool CaseBuilder::StartObject() {
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  switch (state_kind_) {
    case State::kStart:
      state_kind_ = State::kRoot;
      return true;
    case State::kRoot:
      if (field_ == kRootReview && (state_.review_file == UINT32_MAX ||
                                    state_.review_file == file_)) {
        state_kind_ = State::kReview;
        state_.data.review = Review{};
        state_.review_file = file_;
        field_ = -1;
        return true;
      }
      break;
    case State::kRecords:
      StartRecord();
      return true;
    default:
      break;
  }
  skip_depth_ = 1;
  return true;
}

bool CaseBuilder::EndObject(rapidjson::SizeType) {
  if (skip_depth_ > 0) {
    if (--skip_depth_ == 0) EndValueInArray();
    return true;
  }
  switch (state_kind_) {
    case State::kRoot:
      InternPending();
      state_kind_ = State::kDone;
      break;
    case State::kReview: state_kind_ = State::kRoot; break;
    case State::kRecord:
      state_kind_ = State::kRecords;
      ++position_;
      break;
    default: break;
  }
  field_ = -1;
  return true;
}

bool CaseBuilder::StartArray() {
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return true;
  }
  if (state_kind_ == State::kRoot && field_ >= 0 && field_ < 6) {
    state_kind_ = State::kRecords;
    records_ = static_cast<RecordKind>(field_);
    position_ = 0;
    return true;
  }
  if (state_kind_ == State::kRecord) {
    state_kind_ = State::kFieldArray;
    list_items_ = 0;
    span_malformed_ = false;
    return true;
  }
  skip_depth_ = 1;
  return true;
}

bool CaseBuilder::EndArray(rapidjson::SizeType) {
  if (skip_depth_ > 0) {
    if (--skip_depth_ == 0) EndValueInArray();
    return true;
  }
  if (state_kind_ == State::kRecords) {
    InternPending();
    state_kind_ = State::kRoot;
    records_ = RecordKind::kNone;
    field_ = -1;
  } else if (state_kind_ == State::kFieldArray) {
    state_kind_ = State::kRecord;
    if (records_ == RecordKind::kAssertion && field_ == 6 && (list_items_ != 2 || span_malformed_)) {
      // Not [begin, end] of two whole numbers: marked as begin > end for record_checks.
      Extraction& extraction = CurrentExtraction();
      extraction.span_begin = 1;
      extraction.span_end = 0;
    }
  }
  return true;
}

// A skipped container or unwanted scalar that stood as an element of a record array still
// takes a position.
void CaseBuilder::EndValueInArray() {
  if (state_kind_ == State::kRecords) ++position_;
}

bool CaseBuilder::Key(const char* text, rapidjson::SizeType length, bool) {
  if (skip_depth_ > 0) return true;
  const std::string_view key(text, length);
  if (state_kind_ == State::kRoot) {
    field_ = FieldOf(kRootFields, key);
  } else if (state_kind_ == State::kReview) {
    field_ = FieldOf(kReviewFields, key);
  } else if (state_kind_ == State::kRecord) {
    field_ = RecordFieldOf(records_, key);
  }
  return true;
}

bool CaseBuilder::Null() {
  if (skip_depth_ == 0 && state_kind_ == State::kRecords) {
    AddPlaceholder("");
    return true;
  }
  return Other();
}

bool CaseBuilder::Other() {
  if (skip_depth_ == 0) EndValueInArray();
  return true;
}

bool CaseBuilder::String(const char* text, rapidjson::SizeType length, bool) {
  if (skip_depth_ > 0) return true;
  const std::string_view value(text, length);
  switch (state_kind_) {
    case State::kRoot:
      if (field_ == kRootTitle && state_.data.title.empty()) state_.data.title = value;
      break;
    case State::kReview:
      if (field_ == 0) state_.data.review.author_name = value;
      if (field_ == 1) state_.data.review.author_url = value;
      if (field_ == 2) state_.data.review.date_published = value;
      break;
    case State::kRecords: AddPlaceholder(value); break;
    case State::kRecord: SetRecordString(value); break;
    case State::kFieldArray: AddListItem(value); break;
    default: break;
  }
  return true;
}

bool CaseBuilder::Number(double value) {
  if (skip_depth_ > 0) return true;
  if (state_kind_ == State::kRecords) {
    ++position_;
  } else if (state_kind_ == State::kRecord) {
    if (records_ == RecordKind::kSource && field_ == 7) {
      state_.data.sources.back().reliability = value;
    } else if (records_ == RecordKind::kAssertion && field_ == 5) {
      state_.data.assertions.back().confidence = static_cast<float>(value);
    }
  } else if (state_kind_ == State::kFieldArray && records_ == RecordKind::kAssertion && field_ == 6) {
    // span: [begin, end]; the schema has checked two integers in [0, 2^32).
    Extraction& extraction = CurrentExtraction();
    const bool whole = value == static_cast<double>(static_cast<uint32_t>(value));
    if (!whole || list_items_ >= 2) span_malformed_ = true;
    else (list_items_ == 0 ? extraction.span_begin : extraction.span_end) = static_cast<uint32_t>(value);
    ++list_items_;
  }
  return true;
}

void CaseBuilder::StartRecord() {
  state_kind_ = State::kRecord;
  field_ = -1;
  const RecordPlace place{file_, position_};
  CaseData& data = state_.data;
  switch (records_) {
    case RecordKind::kEntity: data.entities.emplace_back().place = place; break;
    case RecordKind::kSource: data.sources.emplace_back().place = place; break;
    case RecordKind::kClaim: data.claims.emplace_back().place = place; break;
    case RecordKind::kAssertion: data.assertions.emplace_back().place = place; break;
    case RecordKind::kCitation: data.citations.emplace_back().place = place; break;
    case RecordKind::kVerdict: data.verdicts.emplace_back().place = place; break;
    case RecordKind::kNone: break;
  }
}

void CaseBuilder::AddPlaceholder(std::string_view id) {
  CaseData& data = state_.data;
  const RecordPlace place{file_, position_++};
  if (records_ == RecordKind::kAssertion) state_.assertions_dropped = true;
  if (id.empty()) return;  // nothing to define; the schema error has been reported
  Index index = kNoIndex;
  switch (records_) {
    case RecordKind::kEntity:
      index = static_cast<Index>(data.entities.size());
      data.entities.push_back(Entity{.id = id, .place = place});
      break;
    case RecordKind::kSource:
      index = static_cast<Index>(data.sources.size());
      data.sources.push_back(Source{.id = id, .place = place});
      break;
    case RecordKind::kClaim:
      index = static_cast<Index>(data.claims.size());
      data.claims.push_back(Claim{.id = id, .place = place});
      break;
    default:
      return;  // assertions, citations and verdicts define no id
  }
  state_.placeholders.emplace(records_, index);
}

void CaseBuilder::SetRecordString(std::string_view value) {
  CaseData& data = state_.data;
  SymbolTable& symbols = state_.symbols;
  switch (records_) {
    case RecordKind::kEntity: {
      Entity& entity = data.entities.back();
      if (field_ == 0) entity.id = value;
      else if (field_ == 1) entity.name = value;
      else if (field_ == 3) entity.type = ParseEntityType(value).value_or(EntityType::kOther);
      else if (field_ == 5) entity.url = value;
      break;
    }
    case RecordKind::kSource: {
      Source& source = data.sources.back();
      if (field_ == 0) source.id = value;
      else if (field_ == 1) source.title = value;
      else if (field_ == 2) source.url = value;
      else if (field_ == 3) source.publisher = symbols.Intern(value, recent_publisher_);
      else if (field_ == 4) source.published = value;
      else if (field_ == 5) source.kind = ParseSourceKind(value).value_or(SourceKind::kOther);
      else if (field_ == 6) source.language = value;
      break;
    }
    case RecordKind::kClaim: {
      Claim& claim = data.claims.back();
      if (field_ == 0) claim.id = value;
      else if (field_ == 1) claim.text = value;
      else if (field_ == 4) claim.question = value;
      else if (field_ == 5) claim.value = value;
      break;
    }
    case RecordKind::kAssertion: {
      Assertion& assertion = data.assertions.back();
      if (field_ == 0) {
        Intern(pending_source_, &Assertion::source, recent_source_);
        if (recent_source_.Is(value)) {
          assertion.source = recent_source_.symbol;  // the same report as the last assertion's
        } else {
          Defer(pending_source_, value);
        }
      } else if (field_ == 1) {
        Intern(pending_claim_, &Assertion::claim, recent_claim_);
        Defer(pending_claim_, value);
      } else if (field_ == 2) assertion.stance = ParseStance(value).value_or(Stance::kReports);
      else if (field_ == 3) assertion.speaker.index = symbols.Intern(value, recent_speaker_);
      else if (field_ == 4) assertion.quote = value;
      else if (field_ == 7) CurrentExtraction().extracted_by = InternRule(data.extraction_rules, value);
      break;
    }
    case RecordKind::kCitation: {
      Citation& citation = data.citations.back();
      if (field_ == 0) citation.from = symbols.Intern(value, recent_source_);
      else if (field_ == 1) citation.to = symbols.Intern(value);
      else if (field_ == 2) citation.kind = ParseCitationKind(value).value_or(CitationKind::kLinks);
      break;
    }
    case RecordKind::kVerdict: {
      Verdict& verdict = data.verdicts.back();
      if (field_ == 0) verdict.claim = symbols.Intern(value);
      else if (field_ == 1) verdict.rating = ParseRating(value).value_or(Rating::kFalse);
      else if (field_ == 2) verdict.by = value;
      else if (field_ == 3) verdict.date = value;
      else if (field_ == 4) verdict.url = value;
      break;
    }
    case RecordKind::kNone: break;
  }
}

Extraction& CaseBuilder::CurrentExtraction() {
  // Assertions are appended in order, so the extractions stay in order of assertion.
  std::vector<Extraction>& extractions = state_.data.extractions;
  const Index assertion = static_cast<Index>(state_.data.assertions.size() - 1);
  if (extractions.empty() || extractions.back().assertion != assertion) {
    extractions.push_back(Extraction{.assertion = assertion});
  }
  return extractions.back();
}

void CaseBuilder::Defer(PendingReference& pending, std::string_view id) {
  state_.symbols.Prefetch(id);
  pending.id.assign(id);
  pending.assertion = static_cast<Index>(state_.data.assertions.size() - 1);
}

void CaseBuilder::Intern(PendingReference& pending, Index Assertion::*field, RecentId& recent) {
  if (pending.assertion == kNoIndex) return;
  state_.data.assertions[pending.assertion].*field = state_.symbols.Intern(pending.id, recent);
  pending.assertion = kNoIndex;
}

void CaseBuilder::InternPending() {
  Intern(pending_source_, &Assertion::source, recent_source_);
  Intern(pending_claim_, &Assertion::claim, recent_claim_);
}

void CaseBuilder::AddListItem(std::string_view value) {
  CaseData& data = state_.data;
  if (records_ == RecordKind::kEntity) {
    Entity& entity = data.entities.back();
    if (field_ == 2) entity.aliases.emplace_back(value);
    if (field_ == 4) entity.controlled_by.push_back(state_.symbols.Intern(value));
  } else if (records_ == RecordKind::kClaim) {
    Claim& claim = data.claims.back();
    if (field_ == 2) claim.about.push_back(state_.symbols.Intern(value));
    if (field_ == 3) claim.excludes.push_back(state_.symbols.Intern(value));
  }
}

}  // namespace claimgraph::ingest
