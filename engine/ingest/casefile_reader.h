// Reading one casefile into the shared BuildState. The fast path streams the text through
// RapidJSON's schema validator into the CaseBuilder with no DOM. When it fails, the caller
// rolls the file's records back and calls ReadCasefileOnErrorPath, which parses a DOM and
// validates each top-level member and each record separately, so that every invalid record
// gets its own error (RapidJSON's validator stops at the first), then builds what is valid.
#ifndef CLAIMGRAPH_INGEST_CASEFILE_READER_H_
#define CLAIMGRAPH_INGEST_CASEFILE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/case_builder.h"
#include "ingest/casefile_schema.h"
#include "ingest/diagnostics.h"
#include "ingest/schema_checker.h"
#include "rapidjson/reader.h"
#include "rapidjson/schema.h"

namespace claimgraph::ingest {

// Parse flags of the error path: reject invalid UTF-8 in strings.
inline constexpr unsigned kCasefileParseFlags = rapidjson::kParseValidateEncodingFlag;

// True when the whole stream is valid JSON that the schema accepts; the records are then in
// `state`. On false, `state` may hold part of the file: the caller rolls it back.
// REQUIRES: the caller checks that the stream's bytes are well-formed UTF-8 (before, or
// after and then discards the result; ingest/utf8_stream.h): this parse does not.
// `parse_flags`: kParseInsituFlag with a stream that supports it (utf8_stream.h).
template <unsigned parse_flags = rapidjson::kParseNoFlags, typename InputStream>
bool ReadCasefileFast(InputStream& stream, const CasefileSchema& schema, uint32_t file,
                      BuildState& state) {
  CaseBuilder builder(state, file);
  rapidjson::Reader reader;
  // Without a compiled checker every casefile takes the error path: RapidJSON's validator
  // would neither see duplicate keys nor bound the reader's recursion.
  const SchemaChecker* checker = schema.checker();
  if (checker == nullptr) return false;
  // The checker fails a key seen twice and nesting deeper than kMaxJsonNesting, which
  // stops the (recursive) reader at that depth.
  CheckingCaseBuilder checking(*checker, builder);
  const rapidjson::ParseResult parsed = reader.Parse<parse_flags>(stream, checking);
  return !parsed.IsError() && checking.valid();
}

// Reports every problem the parser and the schema find in `text` (a parse error alone when
// the text is not JSON; nesting deeper than ingest/json_structure.h allows and duplicate
// keys before anything else), and adds the records that are valid to `state`. False when
// the text could not be read as a casefile at all (not JSON, too deep, a duplicate key):
// then nothing is added and references to its ids are not worth checking.
bool ReadCasefileOnErrorPath(std::string_view text, const CasefileSchema& schema, uint32_t file,
                             BuildState& state, DiagnosticSink& sink);

// The sentence for a RapidJSON parse error at `offset` in `text`.
std::string ParseErrorMessage(rapidjson::ParseErrorCode code, size_t offset,
                              std::string_view text);

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_CASEFILE_READER_H_
