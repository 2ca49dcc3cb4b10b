#include "ingest/record_checks.h"

namespace claimgraph::ingest {
namespace {

bool IsPlaceholder(const BuildState& state, RecordKind kind, size_t index) {
  return !state.placeholders.empty() &&
         state.placeholders.count({kind, static_cast<Index>(index)}) > 0;
}

void CheckId(std::string_view id, RecordKind kind, const RecordPlace& place,
             DiagnosticSink& sink) {
  if (std::string problem = IdProblem(id); !problem.empty()) {
    sink.Error(place.file, RecordPointer(kind, place) + "/id", problem + ": " + Quoted(id));
  }
}

void CheckNotBlank(std::string_view text, const char* field, RecordKind kind,
                   const RecordPlace& place, DiagnosticSink& sink) {
  // Empty strings are already schema errors; this catches text made only of spaces.
  if (!text.empty() && IsBlank(text)) {
    sink.Error(place.file, RecordPointer(kind, place) + "/" + field,
               std::string(field) + " must not be blank");
  }
}

void CheckUrl(std::string_view url, uint32_t file, const std::string& pointer,
              DiagnosticSink& sink) {
  if (url.empty()) return;
  if (std::string problem = UrlProblem(url); !problem.empty()) {
    sink.Error(file, pointer, Quoted(url) + " " + problem);
  }
}

std::optional<TimeSpan> CheckDate(std::string_view date, uint32_t file,
                                  const std::string& pointer, DiagnosticSink& sink) {
  if (date.empty()) return std::nullopt;
  std::string problem;
  std::optional<TimeSpan> span = ParseIsoTime(date, problem);
  if (!span) sink.Error(file, pointer, Quoted(date) + " " + problem);
  return span;
}

const char* KindNoun(NodeKind kind) {
  switch (kind) {
    case NodeKind::kSource: return "a source";
    case NodeKind::kClaim: return "a claim";
    case NodeKind::kEntity: return "an entity";
  }
  return "";
}

// Resolves the symbol in `slot` to an index of a record of kind `expected`; reports and
// returns false when it names nothing or a record of another kind.
// `pointer` makes the field's JSON pointer; called only on error, to keep the fast path
// free of string building.
template <typename MakePointer>
bool Resolve(BuildState& state, Index& slot, NodeKind expected, uint32_t file,
             const MakePointer& pointer, DiagnosticSink& sink) {
  const NodeRef definition = state.symbols.Definition(slot);
  if (!definition.valid()) {
    sink.Error(file, pointer(),
               "unknown id " + Quoted(state.symbols.Name(slot)) + ": expected the id of " + KindNoun(expected));
    slot = kNoIndex;
    return false;
  }
  if (definition.kind != expected) {
    sink.Error(file, pointer(),
               Quoted(state.symbols.Name(slot)) + " is the id of " + KindNoun(definition.kind) +
                   ", not of " + KindNoun(expected));
    slot = kNoIndex;
    return false;
  }
  slot = definition.index;
  return true;
}

template <typename MakePointer>
bool ResolveSpeaker(BuildState& state, NodeRef& speaker, uint32_t file,
                    const MakePointer& pointer, DiagnosticSink& sink) {
  const NodeRef definition = state.symbols.Definition(speaker.index);
  if (!definition.valid()) {
    sink.Error(file, pointer(),
               "unknown id " + Quoted(state.symbols.Name(speaker.index)) +
                   ": expected the id of a source or an entity");
    speaker = NodeRef{};
    return false;
  }
  if (definition.kind == NodeKind::kClaim) {
    sink.Error(file, pointer(),
               Quoted(state.symbols.Name(speaker.index)) +
                   " is the id of a claim; a speaker must be a source or an entity");
    speaker = NodeRef{};
    return false;
  }
  speaker = definition;
  return true;
}

}  // namespace

std::string RecordPointer(RecordKind kind, const RecordPlace& place) {
  return std::string("/") + ArrayName(kind) + "/" + std::to_string(place.position);
}

void CheckValues(BuildState& state, DiagnosticSink& sink,
                 std::vector<std::optional<TimeSpan>>& published) {
  CaseData& data = state.data;
  if (state.review_file != UINT32_MAX) {
    CheckUrl(data.review.author_url, state.review_file, "/review/author_url", sink);
    CheckDate(data.review.date_published, state.review_file, "/review/date_published", sink);
  }
  for (size_t i = 0; i < data.entities.size(); ++i) {
    const Entity& entity = data.entities[i];
    CheckId(entity.id, RecordKind::kEntity, entity.place, sink);
    if (IsPlaceholder(state, RecordKind::kEntity, i)) continue;
    CheckNotBlank(entity.name, "name", RecordKind::kEntity, entity.place, sink);
    CheckUrl(entity.url, entity.place.file, RecordPointer(RecordKind::kEntity, entity.place) + "/url",
             sink);
  }
  published.assign(data.sources.size(), std::nullopt);
  for (size_t i = 0; i < data.sources.size(); ++i) {
    Source& source = data.sources[i];
    CheckId(source.id, RecordKind::kSource, source.place, sink);
    if (IsPlaceholder(state, RecordKind::kSource, i)) continue;
    const std::string pointer = RecordPointer(RecordKind::kSource, source.place);
    CheckNotBlank(source.title, "title", RecordKind::kSource, source.place, sink);
    CheckUrl(source.url, source.place.file, pointer + "/url", sink);
    published[i] = CheckDate(source.published, source.place.file, pointer + "/published", sink);
    if (published[i]) source.published_seconds = published[i]->earliest;
  }
  for (size_t i = 0; i < data.claims.size(); ++i) {
    const Claim& claim = data.claims[i];
    CheckId(claim.id, RecordKind::kClaim, claim.place, sink);
    if (IsPlaceholder(state, RecordKind::kClaim, i)) continue;
    CheckNotBlank(claim.text, "text", RecordKind::kClaim, claim.place, sink);
  }
  // Each assertion's extraction (in order of assertion) is checked with the assertion, so
  // that the errors come in the records' order.
  size_t next_extraction = 0;
  for (size_t i = 0; i < data.assertions.size(); ++i) {
    const Assertion& assertion = data.assertions[i];
    CheckNotBlank(assertion.quote, "quote", RecordKind::kAssertion, assertion.place, sink);
    for (; next_extraction < data.extractions.size() && data.extractions[next_extraction].assertion == i;
         ++next_extraction) {
      const Extraction& extraction = data.extractions[next_extraction];
      if (extraction.span_begin > extraction.span_end) {
        sink.Error(assertion.place.file, RecordPointer(RecordKind::kAssertion, assertion.place) + "/span",
                   "span must be [begin, end]: two whole numbers with begin <= end");
      }
    }
  }
  for (const Verdict& verdict : data.verdicts) {
    const std::string pointer = RecordPointer(RecordKind::kVerdict, verdict.place);
    CheckDate(verdict.date, verdict.place.file, pointer + "/date", sink);
    CheckUrl(verdict.url, verdict.place.file, pointer + "/url", sink);
  }
}

// How many records ahead DefineAndResolve fetches an id's slot: enough to cover a miss to
// memory (about 100 ns) at some 10 ns a definition.
constexpr size_t kDefineLookahead = 8;

bool DefineAndResolve(BuildState& state, DiagnosticSink& sink, uint32_t file_count) {
  CaseData& data = state.data;
  // Define in file order, and within a file in the order of the format (entities, sources,
  // claims), so that the second of two records with one id is the one reported.
  size_t next[3] = {0, 0, 0};
  for (uint32_t file = 0; file < file_count; ++file) {
    auto define = [&](NodeKind kind, RecordKind record_kind, Index index, std::string_view id,
                      const RecordPlace& place) {
      NodeRef& definition = state.symbols.Definition(state.symbols.Intern(id));
      if (!definition.valid()) {
        definition = NodeRef{kind, index};
        return;
      }
      const RecordPlace* other = nullptr;
      RecordKind other_kind = RecordKind::kEntity;
      switch (definition.kind) {
        case NodeKind::kEntity: other = &data.entities[definition.index].place; break;
        case NodeKind::kSource:
          other = &data.sources[definition.index].place;
          other_kind = RecordKind::kSource;
          break;
        case NodeKind::kClaim:
          other = &data.claims[definition.index].place;
          other_kind = RecordKind::kClaim;
          break;
      }
      sink.ErrorWithRelated(place.file, RecordPointer(record_kind, place) + "/id",
                            "duplicate id " + Quoted(id) + ": already used by " +
                                KindNoun(definition.kind) + " at {place}",
                            PendingPlace{other->file, RecordPointer(other_kind, *other) + "/id"});
    };
    // Each record's id is looked up in a table far larger than the core's caches: fetching
    // the slot kDefineLookahead records ahead lets those misses overlap.
    auto define_all = [&](auto& records, size_t& at, NodeKind kind, RecordKind record_kind) {
      for (; at < records.size() && records[at].place.file == file; ++at) {
        if (at + kDefineLookahead < records.size()) state.symbols.Prefetch(records[at + kDefineLookahead].id);
        define(kind, record_kind, static_cast<Index>(at), records[at].id, records[at].place);
      }
    };
    define_all(data.entities, next[0], NodeKind::kEntity, RecordKind::kEntity);
    define_all(data.sources, next[1], NodeKind::kSource, RecordKind::kSource);
    define_all(data.claims, next[2], NodeKind::kClaim, RecordKind::kClaim);
  }

  bool resolved = true;
  for (Entity& entity : data.entities) {
    for (size_t i = 0; i < entity.controlled_by.size(); ++i) {
      resolved &= Resolve(state, entity.controlled_by[i], NodeKind::kEntity, entity.place.file, [&] {
        return RecordPointer(RecordKind::kEntity, entity.place) + "/controlled_by/" +
               std::to_string(i);
      }, sink);
    }
  }
  for (Source& source : data.sources) {
    if (source.publisher == kNoIndex) continue;
    resolved &= Resolve(state, source.publisher, NodeKind::kEntity, source.place.file, [&] {
      return RecordPointer(RecordKind::kSource, source.place) + "/publisher";
    }, sink);
  }
  for (Claim& claim : data.claims) {
    for (size_t i = 0; i < claim.about.size(); ++i) {
      resolved &= Resolve(state, claim.about[i], NodeKind::kEntity, claim.place.file, [&] {
        return RecordPointer(RecordKind::kClaim, claim.place) + "/about/" + std::to_string(i);
      }, sink);
    }
    for (size_t i = 0; i < claim.excludes.size(); ++i) {
      resolved &= Resolve(state, claim.excludes[i], NodeKind::kClaim, claim.place.file, [&] {
        return RecordPointer(RecordKind::kClaim, claim.place) + "/excludes/" + std::to_string(i);
      }, sink);
    }
  }
  for (Assertion& assertion : data.assertions) {
    const uint32_t file = assertion.place.file;
    auto field = [&](const char* name) {
      return [&assertion, name] {
        return RecordPointer(RecordKind::kAssertion, assertion.place) + "/" + name;
      };
    };
    resolved &= Resolve(state, assertion.source, NodeKind::kSource, file, field("source"), sink);
    resolved &= Resolve(state, assertion.claim, NodeKind::kClaim, file, field("claim"), sink);
    if (assertion.speaker.index != kNoIndex) {
      resolved &= ResolveSpeaker(state, assertion.speaker, file, field("speaker"), sink);
    }
  }
  for (Citation& citation : data.citations) {
    const uint32_t file = citation.place.file;
    auto field = [&](const char* name) {
      return [&citation, name] {
        return RecordPointer(RecordKind::kCitation, citation.place) + "/" + name;
      };
    };
    resolved &= Resolve(state, citation.from, NodeKind::kSource, file, field("from"), sink);
    resolved &= Resolve(state, citation.to, NodeKind::kSource, file, field("to"), sink);
  }
  // Two verdicts on one claim that disagree cannot both be the gold label: an error at the
  // second, naming the first. Verdicts that agree (two fact-checkers) are fine.
  std::vector<const Verdict*> first_verdict(data.claims.size(), nullptr);
  for (Verdict& verdict : data.verdicts) {
    const bool known = Resolve(state, verdict.claim, NodeKind::kClaim, verdict.place.file, [&] {
      return RecordPointer(RecordKind::kVerdict, verdict.place) + "/claim";
    }, sink);
    resolved &= known;
    if (!known || verdict.claim >= first_verdict.size()) continue;
    const Verdict*& first = first_verdict[verdict.claim];
    if (first == nullptr) {
      first = &verdict;
    } else if (first->rating != verdict.rating) {
      sink.ErrorWithRelated(
          verdict.place.file, RecordPointer(RecordKind::kVerdict, verdict.place) + "/rating",
          "claim " + Quoted(data.claims[verdict.claim].id) + " is rated \"" +
              std::string(Name(verdict.rating)) + "\" here but \"" +
              std::string(Name(first->rating)) + "\" by the verdict at {place}",
          {first->place.file, RecordPointer(RecordKind::kVerdict, first->place) + "/rating"});
    }
  }
  return resolved;
}

}  // namespace claimgraph::ingest
