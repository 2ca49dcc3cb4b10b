// The case as of a date: one filter on the loaded records, so that every command that takes
// --as-of, and the timeline query, see the same case. Sources are renumbered; claims and
// entities keep their indices, so ids and claim order do not change with the date.
#include "claimgraph/as_of.h"

#include <optional>
#include <utility>

#include "ingest/value_checks.h"

namespace claimgraph {
namespace {

std::string Counted(size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// The first second `text` can mean; nullopt when it is empty or not a date.
std::optional<int64_t> EarliestSecond(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string problem;
  std::optional<ingest::TimeSpan> span = ingest::ParseIsoTime(text, problem);
  if (!span) return std::nullopt;
  return span->earliest;
}

}  // namespace

Result<int64_t> ParseAsOfDate(std::string_view date) {
  std::string problem;
  std::optional<ingest::TimeSpan> span = ingest::ParseIsoTime(date, problem);
  if (!span) {
    return Status::Error("--as-of: '" + std::string(date) + "' " + problem);
  }
  return span->latest;
}

Result<GraphAsOf> FilterAsOf(const ProvenanceGraph& graph, std::string_view date) {
  Result<int64_t> cutoff = ParseAsOfDate(date);
  if (!cutoff.ok()) return cutoff.status();
  return FilterAsOfCutoff(graph, cutoff.value(), std::string(date));
}

GraphAsOf FilterAsOfCutoff(const ProvenanceGraph& graph, int64_t cutoff, std::string label) {
  AsOfReport report;
  report.date = std::move(label);
  report.cutoff = cutoff;

  const CaseData& data = graph.data();
  CaseData kept;
  kept.files = data.files;
  kept.title = data.title;
  kept.review = data.review;
  kept.entities = data.entities;
  kept.claims = data.claims;
  kept.extraction_rules = data.extraction_rules;  // what the kept assertions' extracted_by name
  std::vector<Index> new_index(data.sources.size(), kNoIndex);
  for (Index s = 0; s < data.sources.size(); ++s) {
    const Source& source = data.sources[s];
    if (source.published.empty()) {
      ++report.undated_sources_kept;
    } else if (source.published_seconds > report.cutoff) {
      ++report.sources_left_out;
      continue;
    }
    new_index[s] = static_cast<Index>(kept.sources.size());
    kept.sources.push_back(source);
  }
  for (Index a = 0; a < data.assertions.size(); ++a) {
    const Assertion& assertion = data.assertions[a];
    const bool speaker_left_out = assertion.speaker.valid() && assertion.speaker.kind == NodeKind::kSource &&
                                  new_index[assertion.speaker.index] == kNoIndex;
    if (new_index[assertion.source] == kNoIndex || speaker_left_out) {
      ++report.assertions_left_out;
      continue;
    }
    Assertion copy = assertion;
    copy.source = new_index[assertion.source];
    if (copy.speaker.valid() && copy.speaker.kind == NodeKind::kSource) copy.speaker.index = new_index[assertion.speaker.index];
    kept.CarryExtraction(data, a);  // its span and rule go with it
    kept.assertions.push_back(std::move(copy));
  }
  for (const Citation& citation : data.citations) {
    if (new_index[citation.from] == kNoIndex || new_index[citation.to] == kNoIndex) {
      ++report.citations_left_out;
      continue;
    }
    Citation copy = citation;
    copy.from = new_index[citation.from];
    copy.to = new_index[citation.to];
    kept.citations.push_back(copy);
  }
  for (const Verdict& verdict : data.verdicts) {
    const std::optional<int64_t> given = EarliestSecond(verdict.date);
    if (!given) {
      ++report.undated_verdicts_kept;
    } else if (*given > report.cutoff) {
      ++report.verdicts_left_out;
      continue;
    }
    kept.verdicts.push_back(verdict);
  }
  return GraphAsOf{ProvenanceGraph(std::move(kept)), std::move(report)};
}

std::string DescribeAsOf(const AsOfReport& report) {
  std::string text = "as of " + report.date + ": left out " +
                     Counted(report.sources_left_out, "source", "sources") + " published later (" +
                     Counted(report.assertions_left_out, "assertion", "assertions") + ", " +
                     Counted(report.citations_left_out, "citation", "citations") + ") and " +
                     Counted(report.verdicts_left_out, "verdict", "verdicts") + " dated later; kept " +
                     Counted(report.undated_sources_kept, "source", "sources") + " without a date";
  if (report.undated_verdicts_kept > 0) {
    text += " and " + Counted(report.undated_verdicts_kept, "verdict", "verdicts") + " without a date";
  }
  return text;
}

}  // namespace claimgraph
