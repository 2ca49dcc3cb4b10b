// Importers: research data sets with gold labels turned into casefile records, so that the
// engine's scorers can be run and measured on them (scripts/eval, docs/evaluation.md).
// Formats are described in docs/evaluation.md. Each importer reads text already in memory;
// `file` only labels the diagnostics ("emergent.csv:12: error: ...").
#ifndef CLAIMGRAPH_IMPORT_H_
#define CLAIMGRAPH_IMPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/model.h"
#include "claimgraph/status.h"

namespace claimgraph {

// How claimed values are made comparable before distinct values become distinct claims.
// Exact string matching would split one answer ("7:10 a.m.", "7:10 AM") into several
// competing claims and understate every method.
enum class ValueNormaliser : uint8_t {
  kNone,         // trimmed text only
  kAuthors,      // an author list -> sorted last names ("haag;perry"), see ingest/normalise.h
  kFlightTimes,  // a time -> "HH:MM" (24 h, date and zone dropped); a gate -> "B12"
};
std::string_view Name(ValueNormaliser normaliser);  // "none", "authors", "flight-times"
std::optional<ValueNormaliser> ParseValueNormaliser(std::string_view text);

// What an importer produced: the records, and notes on what it skipped and why (one line
// each, "FILE: note: skipped 3 rows without a stance (first at line 12)").
// Where an importer read each record, by kind in CaseData's order: the JSON pointer of its
// PROV-JSON record, so that a problem the loader finds in the casefile can be reported in
// the input (claimgraph/prov_import.h CheckImportedCasefile). Empty for the CSV importers.
struct RecordOrigins {
  std::vector<std::string> entities, sources, claims, assertions, citations, verdicts;
  std::string casefile;  // the record that holds the title and review, if any
};

struct ImportResult {
  CaseData data;
  std::vector<std::string> notes;
  RecordOrigins origins;
};

struct EmergentImportOptions {
  // Record claimTruth true/false as verdicts. Off by default: the methods must learn
  // without gold labels, and a verdict is a gold label.
  bool with_verdicts = false;
  // One source per outlet domain (all its articles merged, so that a method can learn the
  // outlet's reliability across claims) instead of one source per article, published by
  // an outlet entity.
  bool source_per_outlet = false;
  Status Validate() const { return Status::Ok(); }  // every combination is acceptable
};

// Emergent CSV (Ferreira and Vlachos 2016): one row per article. One claim per claimId;
// each article a source (id articleId, publisher entity = outlet domain); stance for ->
// supports, against -> refutes, observing -> reports.
Result<ImportResult> ImportEmergent(std::string_view file, std::string_view text,
                                    const EmergentImportOptions& options = {});

struct DafnaImportOptions {
  ValueNormaliser normaliser = ValueNormaliser::kNone;  // as above
  Status Validate() const { return Status::Ok(); }      // every value is acceptable
};

// DAFNA pipe format (Waguih and Berti-Equille 2014), one claim a line:
// `claimId|<TAB>entityId|<TAB>objectId|<TAB>property|<TAB>value|<TAB>source|<TAB>timestamp|<TAB>`.
// Each (object, property) is a question; each distinct normalised value a claim answering
// it; each source a source; each line an assertion (supports). A line whose value is
// absent ("Not Available", empty) is skipped with a note.
Result<ImportResult> ImportDafna(std::string_view file, std::string_view text,
                                 const DafnaImportOptions& options = {});

struct FlightsCsvImportOptions {
  ValueNormaliser normaliser = ValueNormaliser::kFlightTimes;  // or kNone for raw strings
  Status Validate() const;  // rejects kAuthors
};

// The PClean flight CSV (`tuple_id,src,flight,sched_dep_time,act_dep_time,sched_arr_time,
// act_arr_time`): each (flight, time column) is a question, each row's non-empty times are
// assertions (supports) by the source `src`.
Result<ImportResult> ImportFlightsCsv(std::string_view file, std::string_view text,
                                      const FlightsCsvImportOptions& options = {});

// ISO 8859-1 (Latin-1) text as UTF-8; every byte is a character, so this cannot fail.
// Importers read UTF-8 only and report the first ill-formed byte: `claimgraph import
// --encoding latin1` transcodes with this first.
std::string TranscodeLatin1(std::string_view text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_IMPORT_H_
