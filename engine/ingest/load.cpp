// The whole loading path in one place: read each casefile (fast path, error path on
// failure), check what the schema cannot, resolve references, build the graph, and turn
// the collected findings into diagnostics with lines and columns.
#include "claimgraph/load.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

#include <sys/stat.h>

#include "claimgraph/files.h"
#include "ingest/casefile_reader.h"
#include "ingest/record_checks.h"
#include "ingest/text_locator.h"
#include "ingest/utf8_stream.h"
#include "rapidjson/memorystream.h"

namespace claimgraph {
namespace {

using ingest::BuildState;
using ingest::DiagnosticSink;
using ingest::PendingDiagnostic;

// Record counts before a casefile is read, to drop what its failed fast path added.
struct Checkpoint {
  size_t entities, sources, claims, assertions, citations, verdicts, extractions;
  bool had_title;

  static Checkpoint Of(const BuildState& state) {
    const CaseData& d = state.data;
    return {d.entities.size(),  d.sources.size(),  d.claims.size(),      d.assertions.size(),
            d.citations.size(), d.verdicts.size(), d.extractions.size(), !d.title.empty()};
  }
  void RollBack(BuildState& state, uint32_t file) const {
    CaseData& d = state.data;
    d.entities.resize(entities);
    d.sources.resize(sources);
    d.claims.resize(claims);
    d.assertions.resize(assertions);
    d.citations.resize(citations);
    d.verdicts.resize(verdicts);
    d.extractions.resize(extractions);
    if (!had_title) d.title.clear();
    if (state.review_file == file) {
      state.review_file = UINT32_MAX;
      d.review = Review{};
    }
  }
};

// Where the text of a casefile comes from when the error path or the locator needs it.
using TextSource = std::function<std::string_view(uint32_t file)>;

std::string Replace(std::string text, std::string_view from, const std::string& to) {
  const size_t found = text.find(from);
  if (found != std::string::npos) text.replace(found, from.size(), to);
  return text;
}

// Turns pending diagnostics into Diagnostics: locates pointers (one pass per file with
// findings), fills in "{place}", and sorts in file order.
std::vector<Diagnostic> Finish(DiagnosticSink& sink, const std::vector<std::string>& names,
                               const TextSource& text_of, size_t max_errors, size_t max_warnings) {
  std::vector<PendingDiagnostic>& pending = sink.diagnostics();
  std::map<uint32_t, std::map<std::string, size_t>> wanted;
  for (const PendingDiagnostic& finding : pending) {
    if (finding.place.file != ingest::kNoFile && finding.place.offset == ingest::kUnknownOffset) {
      wanted[finding.place.file].emplace(finding.place.pointer, SIZE_MAX);
    }
    if (finding.related) wanted[finding.related->file].emplace(finding.related->pointer, SIZE_MAX);
  }
  for (auto& [file, offsets] : wanted) ingest::LocatePointers(text_of(file), offsets);

  const auto offset_of = [&](const ingest::PendingPlace& place) {
    size_t offset = place.offset;
    if (offset == ingest::kUnknownOffset) {
      auto file = wanted.find(place.file);
      if (file != wanted.end()) offset = file->second[place.pointer];
    }
    return offset;
  };
  // Every offset's line and column, one pass per file over the offsets in order.
  std::map<uint32_t, std::vector<size_t>> offsets_of_file;
  for (const PendingDiagnostic& finding : pending) {
    for (const ingest::PendingPlace* place : {&finding.place, finding.related ? &*finding.related : nullptr}) {
      if (place == nullptr || place->file == ingest::kNoFile) continue;
      if (const size_t offset = offset_of(*place); offset != SIZE_MAX) offsets_of_file[place->file].push_back(offset);
    }
  }
  std::map<uint32_t, std::vector<ingest::LineColumn>> positions_of_file;
  for (auto& [file, offsets] : offsets_of_file) {
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    positions_of_file[file] = ingest::LineColumnsAt(text_of(file), offsets);
  }
  auto resolve = [&](const ingest::PendingPlace& place) {
    const size_t offset = offset_of(place);
    ingest::LineColumn position;
    if (offset != SIZE_MAX && place.file != ingest::kNoFile) {
      const std::vector<size_t>& offsets = offsets_of_file[place.file];
      const size_t at = static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), offset) - offsets.begin());
      position = positions_of_file[place.file][at];
    }
    return std::make_pair(offset, position);
  };

  struct Sorted {
    uint32_t file;
    size_t offset;
    Diagnostic diagnostic;
  };
  std::vector<Sorted> sorted;
  for (PendingDiagnostic& finding : pending) {
    Diagnostic diagnostic;
    diagnostic.severity = finding.severity;
    diagnostic.file = finding.place.file < names.size() ? names[finding.place.file] : "";
    diagnostic.pointer = finding.place.pointer;
    const auto [offset, position] = resolve(finding.place);
    diagnostic.line = position.line;
    diagnostic.column = position.column;
    diagnostic.message = std::move(finding.message);
    if (finding.related) {
      const auto [related_offset, related_position] = resolve(*finding.related);
      std::string where = names[finding.related->file];
      if (related_position.line > 0) {
        where += ":" + std::to_string(related_position.line) + ":" +
                 std::to_string(related_position.column);
      }
      where += " (" + finding.related->pointer + ")";
      diagnostic.message = Replace(std::move(diagnostic.message), "{place}", where);
    }
    sorted.push_back({finding.place.file, offset, std::move(diagnostic)});
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Sorted& a, const Sorted& b) {
    return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
  });
  std::vector<Diagnostic> diagnostics;
  size_t warnings = 0;
  for (Sorted& entry : sorted) {
    // Warnings past the cap are counted, not listed: a generated casefile can have a
    // hundred thousand sources that assert nothing.
    if (entry.diagnostic.severity == Severity::kWarning && warnings++ >= max_warnings) continue;
    diagnostics.push_back(std::move(entry.diagnostic));
  }
  if (warnings > max_warnings) {
    const size_t more = warnings - max_warnings;
    diagnostics.push_back({Severity::kWarning, names.empty() ? "" : names.back(), 0, 0, "",
                           "... and " + std::to_string(more) + " more warning" + (more == 1 ? "" : "s") +
                               " (see --max-warnings)"});
  }
  if (sink.limit_reached()) {
    diagnostics.push_back({Severity::kError, names.empty() ? "" : names.back(), 0, 0, "",
                           "too many errors; stopped after the first " +
                               std::to_string(max_errors) + " (see --max-errors)"});
  }
  return diagnostics;
}

// The checks after reading, and the graph when all is well.
LoadResult Complete(BuildState& state, DiagnosticSink& sink, const std::vector<std::string>& names,
                    const TextSource& text_of, const LoadOptions& options, bool all_parsed) {
  {
    std::vector<std::optional<ingest::TimeSpan>> published;
    ingest::CheckValues(state, sink, published);
    // References across files are only worth checking when every file could be read: a file
    // that is not JSON would make every id it defines look unknown.
    if (all_parsed) {
      const bool resolved =
          ingest::DefineAndResolve(state, sink, static_cast<uint32_t>(names.size()));
      ingest::CheckRelations(state, published, sink);
      if (resolved) ingest::MakeExcludesSymmetric(state.data);
      // Warnings only for casefiles without errors: with a duplicate id or a dropped record,
      // "asserts nothing" and the like would be guesses that bury the errors.
      if (resolved && options.warnings && sink.error_count() == 0) ingest::AddWarnings(state, sink);
    }
  }
  // The id table is no longer needed: free it before the graph builds its own index, so
  // that the two are never resident together (about 30 bytes per assertion at the peak).
  state.symbols = ingest::SymbolTable();
  state.placeholders.clear();
  LoadResult result;
  const bool ok = sink.error_count() == 0 && !sink.limit_reached() && all_parsed;
  result.diagnostics = Finish(sink, names, text_of, options.max_errors, options.max_warnings);
  if (ok) {
    state.data.files = names;
    result.graph.emplace(std::move(state.data));
  }
  return result;
}

// The bytes of `path`, or "" if it cannot be read (the fast path has reported that). One
// allocation of the file's size: a string stream would grow to about three times it.
std::string WholeFile(const std::string& path) {
  std::string text;
  std::FILE* handle = std::fopen(path.c_str(), "rb");
  if (handle == nullptr) return text;
  long size = -1;
  if (std::fseek(handle, 0, SEEK_END) == 0) size = std::ftell(handle);
  if (size >= 0 && std::fseek(handle, 0, SEEK_SET) == 0) {
    text.resize(static_cast<size_t>(size));
    text.resize(std::fread(text.data(), 1, text.size(), handle));
    std::fclose(handle);
    return text;
  }
  std::fclose(handle);
  Result<std::string> read = ReadFile(path);  // not seekable (a pipe): read as a stream
  return read.ok() ? std::move(read.value()) : std::string();
}

LoadResult SchemaFailure(const std::vector<std::string>& names, const Status& status) {
  LoadResult result;
  result.diagnostics.push_back(
      {Severity::kError, names.empty() ? "" : names.front(), 0, 0, "", status.message()});
  return result;
}

}  // namespace

Status LoadResult::status() const { return Status::FromDiagnostics(diagnostics); }

LoadResult LoadCasefileTexts(const std::vector<std::string>& names,
                             const std::vector<std::string_view>& texts,
                             const LoadOptions& options) {
  Result<const ingest::CasefileSchema*> schema = ingest::CasefileSchema::Get();
  if (!schema.ok()) return SchemaFailure(names, schema.status());
  BuildState state;
  DiagnosticSink sink(std::max<size_t>(options.max_errors, 1));
  bool all_parsed = true;
  for (uint32_t file = 0; file < texts.size(); ++file) {
    const Checkpoint checkpoint = Checkpoint::Of(state);
    rapidjson::MemoryStream stream(texts[file].data(), texts[file].size());
    if (ingest::IsValidUtf8(texts[file]) &&
        ingest::ReadCasefileFast(stream, *schema.value(), file, state)) {
      continue;
    }
    checkpoint.RollBack(state, file);
    if (!ingest::ReadCasefileOnErrorPath(texts[file], *schema.value(), file, state, sink)) {
      all_parsed = false;
    }
  }
  return Complete(state, sink, names, [&](uint32_t file) { return texts[file]; }, options,
                  all_parsed);
}

namespace {

// One error per path that names a file already given (same device and inode, so through
// a symlink or another spelling too): its records would all be duplicates of themselves.
std::vector<Diagnostic> FilesGivenTwice(const std::vector<std::string>& paths) {
  std::vector<Diagnostic> diagnostics;
  std::map<std::pair<dev_t, ino_t>, size_t> seen;
  for (size_t i = 0; i < paths.size(); ++i) {
    struct stat status;
    if (::stat(paths[i].c_str(), &status) != 0) continue;  // reading it reports why
    const auto [first, inserted] = seen.emplace(std::make_pair(status.st_dev, status.st_ino), i);
    if (inserted) continue;
    const std::string& earlier = paths[first->second];
    diagnostics.push_back({Severity::kError, paths[i], 0, 0, "",
                           earlier == paths[i] ? "given twice"
                                               : "given twice (it is the file " + earlier + ")"});
  }
  return diagnostics;
}

}  // namespace

LoadResult LoadCasefiles(const std::vector<std::string>& paths, const LoadOptions& options) {
  Result<const ingest::CasefileSchema*> schema = ingest::CasefileSchema::Get();
  if (!schema.ok()) return SchemaFailure(paths, schema.status());
  if (std::vector<Diagnostic> twice = FilesGivenTwice(paths); !twice.empty()) {
    LoadResult result;
    result.diagnostics = std::move(twice);
    return result;
  }
  BuildState state;
  DiagnosticSink sink(std::max<size_t>(options.max_errors, 1));
  // Whole texts are read only for files with findings; the fast path streams.
  std::map<uint32_t, std::string> texts;
  auto text_of = [&](uint32_t file) -> std::string_view {
    auto found = texts.find(file);
    if (found == texts.end()) found = texts.emplace(file, WholeFile(paths[file])).first;
    return found->second;
  };
  bool all_parsed = true;
  for (uint32_t file = 0; file < paths.size(); ++file) {
    std::FILE* handle = std::fopen(paths[file].c_str(), "rb");
    if (handle == nullptr) {
      sink.Error(file, "", std::string("cannot open: ") + std::strerror(errno), 0);
      texts[file] = "";
      all_parsed = false;
      continue;
    }
    const Checkpoint checkpoint = Checkpoint::Of(state);
    ingest::Utf8CheckedInsituFileStream stream(handle);
    const bool read = ingest::ReadCasefileFast<rapidjson::kParseInsituFlag>(stream, *schema.value(), file, state) &&
                      stream.utf8_valid();
    const bool failed = std::ferror(handle) != 0;
    const int read_errno = errno;
    std::fclose(handle);
    if (failed) {
      checkpoint.RollBack(state, file);
      sink.Error(file, "", std::string("cannot read: ") + std::strerror(read_errno), 0);
      texts[file] = "";
      all_parsed = false;
      continue;
    }
    if (read) continue;
    checkpoint.RollBack(state, file);
    if (!ingest::ReadCasefileOnErrorPath(text_of(file), *schema.value(), file, state, sink)) {
      all_parsed = false;
    }
  }
  return Complete(state, sink, paths, text_of, options, all_parsed);
}

}  // namespace claimgraph
