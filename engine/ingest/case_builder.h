// The SAX handler that turns a casefile's events into records, appended to a CaseData that
// several casefiles share. It is fed either by RapidJSON's schema validator (the fast path:
// the validator forwards each event once it has checked it) or by a filtered DOM on the
// error path. It never fails: anything unexpected is skipped, so that it can also be fed
// events the schema has not vetted.
//
// References are stored as symbols (ingest/symbols.h) in the Index fields of the records;
// ingest/record_checks.h resolves them once every casefile has been read.
//
// Error-path convention: in a record array, a string element stands for a record that
// failed validation but whose id is known (a placeholder that still defines the id, so that
// references to it do not also fail), and null for one whose id is not known.
#ifndef CLAIMGRAPH_INGEST_CASE_BUILDER_H_
#define CLAIMGRAPH_INGEST_CASE_BUILDER_H_

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/model.h"
#include "ingest/symbols.h"
#include "rapidjson/reader.h"

namespace claimgraph::ingest {

// The record arrays of a casefile, in the order CaseData holds them.
enum class RecordKind : uint8_t { kEntity, kSource, kClaim, kAssertion, kCitation, kVerdict, kNone };

// "entities", "sources", ...: the top-level member that holds records of this kind.
const char* ArrayName(RecordKind kind);
// "entity", "source", ...: the schema definition of one record.
const char* RecordName(RecordKind kind);

// What the builder has read so far, shared by every casefile of one load.
struct BuildState {
  CaseData data;
  SymbolTable symbols;
  // Records that stand in for invalid ones (error path only): (kind, index).
  std::set<std::pair<RecordKind, Index>> placeholders;
  // True when some assertion was dropped as invalid: the "asserts nothing" warnings would
  // then be guesses.
  bool assertions_dropped = false;
  // The casefile whose review block is kept (the first that has one), or UINT32_MAX.
  uint32_t review_file = UINT32_MAX;
};

class CaseBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CaseBuilder> {
 public:
  // REQUIRES: state outlives the builder.
  CaseBuilder(BuildState& state, uint32_t file) : state_(state), file_(file) {}
  // RapidJSON's validator needs a default-constructible handler for the nested validators
  // of anyOf/oneOf/not, which the casefile schema does not use; such a builder writes into
  // a state nobody reads.
  CaseBuilder() : CaseBuilder(DiscardedState(), UINT32_MAX) {}

  bool Null();
  bool Bool(bool) { return Other(); }
  bool Int(int value) { return Number(value); }
  bool Uint(unsigned value) { return Number(value); }
  bool Int64(int64_t value) { return Number(static_cast<double>(value)); }
  bool Uint64(uint64_t value) { return Number(static_cast<double>(value)); }
  bool Double(double value) { return Number(value); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return Other(); }
  bool String(const char* text, rapidjson::SizeType length, bool copy);
  bool StartObject();
  bool Key(const char* text, rapidjson::SizeType length, bool copy);
  bool EndObject(rapidjson::SizeType);
  bool StartArray();
  bool EndArray(rapidjson::SizeType);

 private:
  enum class State : uint8_t { kStart, kRoot, kReview, kRecords, kRecord, kFieldArray, kDone };

  static BuildState& DiscardedState();
  bool Number(double value);
  bool Other();  // a value the builder has no use for where it stands
  void StartRecord();
  void SetRecordString(std::string_view text);
  void AddListItem(std::string_view text);
  // The extraction of the assertion being read, added on its first span or rule.
  Extraction& CurrentExtraction();
  void AddPlaceholder(std::string_view id);
  void EndValueInArray();
  // An id of an assertion's reference field, interned one assertion late (below).
  struct PendingReference {
    std::string id;
    Index assertion = kNoIndex;  // whose field it is; kNoIndex when none is pending
  };
  void Defer(PendingReference& pending, std::string_view id);  // fetches its slot
  void Intern(PendingReference& pending, Index Assertion::*field, RecentId& recent);
  void InternPending();  // both fields, at the end of the assertions

  BuildState& state_;
  uint32_t file_;
  State state_kind_ = State::kStart;
  int skip_depth_ = 0;           // > 0 while skipping a container nobody needs
  int field_ = -1;               // the current member of the record or root, per kind
  int list_items_ = 0;           // numbers read so far in the current field array (span)
  bool span_malformed_ = false;  // a span item that is not a whole number in [0, 2^32)
  RecordKind records_ = RecordKind::kNone;
  uint32_t position_ = 0;        // of the current element in its record array
  // The last id of each reference field that repeats in runs (symbols.h, RecentId).
  RecentId recent_source_, recent_claim_, recent_speaker_, recent_publisher_;
  // An assertion's claim, and a source other than the last one, are interned one assertion
  // late. Claims come in no order and a new source id is new to the table, so each is a
  // cache miss into a table far larger than the core's caches; the slot is fetched when
  // the id is read and probed when the next assertion's id is, so that the miss is served
  // while the rest of a record is parsed rather than one after another. (The define pass
  // after parsing fetches ahead in the same way: record_checks.cpp.)
  PendingReference pending_source_, pending_claim_;
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_CASE_BUILDER_H_
