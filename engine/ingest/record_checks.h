// The checks a schema cannot make, run once every casefile has been read: id syntax, dates,
// URLs, blank text; duplicate ids (across files too); references resolved from symbols to
// indices, with the kind each field expects; claims excluding themselves; sources citing
// sources published after them; citation cycles. Then the warnings.
#ifndef CLAIMGRAPH_INGEST_RECORD_CHECKS_H_
#define CLAIMGRAPH_INGEST_RECORD_CHECKS_H_

#include <optional>
#include <string>
#include <vector>

#include "ingest/case_builder.h"
#include "ingest/diagnostics.h"
#include "ingest/value_checks.h"

namespace claimgraph::ingest {

// "/assertions/12", the pointer of a record.
std::string RecordPointer(RecordKind kind, const RecordPlace& place);

// Field values: ids, dates (fills Source::published_seconds and `published`, one span per
// source, nullopt when it has no valid date), URLs and blank text.
void CheckValues(BuildState& state, DiagnosticSink& sink,
                 std::vector<std::optional<TimeSpan>>& published);

// Defines every id (reporting duplicates, naming both places) and replaces each symbol in
// the records by the index of the record it names. Returns false if any reference could
// not be resolved; such references are left as kNoIndex.
bool DefineAndResolve(BuildState& state, DiagnosticSink& sink, uint32_t file_count);

// Rules over resolved references: self-exclusion, citing the future, citation cycles.
// References left unresolved (kNoIndex) are skipped. REQUIRES: DefineAndResolve has run.
void CheckRelations(const BuildState& state, const std::vector<std::optional<TimeSpan>>& published,
                    DiagnosticSink& sink);

// Adds c to the excludes of every claim that c excludes. REQUIRES: references resolved.
void MakeExcludesSymmetric(CaseData& data);

// Colliding entity names, claims nobody asserts, sources that assert nothing.
// REQUIRES: references resolved.
void AddWarnings(const BuildState& state, DiagnosticSink& sink);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_RECORD_CHECKS_H_
