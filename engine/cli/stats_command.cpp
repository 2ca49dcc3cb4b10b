// `claimgraph stats FILE...`: counts of every record kind, broken down by the enumerations
// of the casefile format, and the busiest publishers.
#include <algorithm>
#include <array>

#include "claimgraph/load.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/process_exit.h"
#include "cli/vocabulary.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"

namespace claimgraph::cli {
namespace {

constexpr size_t kPublishersShown = 10;

const CommandSpec& StatsSpec() {
  static const CommandSpec spec{
      "stats",
      "FILE... [--format text|json]",
      "Loads casefiles together (as 'claimgraph check' does; errors are reported the same\n"
      "way) and prints counts: sources by kind, entities by type, claims, assertions by\n"
      "stance, citations by kind, verdicts by rating, and the publishers with the most\n"
      "sources (the first " + std::to_string(kPublishersShown) +
          ", most sources first, ties by id).\n\n" + VocabularyHelp() + "\n\n"
          "Exit status: 0 success, 2 invalid casefiles or usage, 1 internal error.",
      {{"--format", "", "FORMAT", "'text' (default) or 'json'"}}};
  return spec;
}

// A count per enumerator, in the enumeration's order.
template <typename Enum, size_t N>
struct Breakdown {
  std::array<size_t, N> counts{};
  void Add(Enum value) { ++counts[static_cast<size_t>(value)]; }
  static Enum At(size_t i) { return static_cast<Enum>(i); }
};

struct Publisher {
  Index entity;
  size_t sources;
};

struct Counts {
  size_t casefiles = 0;
  Breakdown<SourceKind, 6> sources;
  Breakdown<EntityType, 7> entities;
  Breakdown<Stance, 3> stances;
  Breakdown<CitationKind, 4> citations;
  Breakdown<Rating, 2> ratings;
  size_t claims = 0, source_total = 0, entity_total = 0, assertion_total = 0,
         citation_total = 0, verdict_total = 0, unpublished = 0;
  std::vector<Publisher> publishers;  // sorted: most sources first, then by id
};

Counts Count(const ProvenanceGraph& graph) {
  Counts counts;
  counts.casefiles = graph.data().files.size();
  counts.claims = graph.claims().size();
  counts.source_total = graph.sources().size();
  counts.entity_total = graph.entities().size();
  counts.assertion_total = graph.assertions().size();
  counts.citation_total = graph.citations().size();
  counts.verdict_total = graph.verdicts().size();
  for (const Source& source : graph.sources()) {
    counts.sources.Add(source.kind);
    if (source.publisher == kNoIndex) ++counts.unpublished;
  }
  for (const Entity& entity : graph.entities()) counts.entities.Add(entity.type);
  for (const Assertion& assertion : graph.assertions()) counts.stances.Add(assertion.stance);
  for (const Citation& citation : graph.citations()) counts.citations.Add(citation.kind);
  for (const Verdict& verdict : graph.verdicts()) counts.ratings.Add(verdict.rating);
  for (Index entity = 0; entity < graph.entities().size(); ++entity) {
    const size_t published = graph.SourcesPublishedBy(entity).size();
    if (published > 0) counts.publishers.push_back({entity, published});
  }
  std::sort(counts.publishers.begin(), counts.publishers.end(),
            [&](const Publisher& a, const Publisher& b) {
              if (a.sources != b.sources) return a.sources > b.sources;
              return graph.entities()[a.entity].id < graph.entities()[b.entity].id;
            });
  return counts;
}

template <typename Enum, size_t N>
void TextBreakdown(std::ostream& out, const char* title, size_t total,
                   const Breakdown<Enum, N>& breakdown) {
  out << title << ": " << total << "\n";
  for (size_t i = 0; i < N; ++i) {
    out << "  " << Name(Breakdown<Enum, N>::At(i)) << ": " << breakdown.counts[i] << "\n";
  }
}

void WriteText(const ProvenanceGraph& graph, const Counts& counts, std::ostream& out) {
  out << "casefiles: " << counts.casefiles << "\n";
  TextBreakdown(out, "sources", counts.source_total, counts.sources);
  TextBreakdown(out, "entities", counts.entity_total, counts.entities);
  out << "claims: " << counts.claims << "\n";
  TextBreakdown(out, "assertions", counts.assertion_total, counts.stances);
  TextBreakdown(out, "citations", counts.citation_total, counts.citations);
  TextBreakdown(out, "verdicts", counts.verdict_total, counts.ratings);
  out << "publishers: " << counts.publishers.size() << " (sources without a publisher: "
      << counts.unpublished << ")\n";
  for (size_t i = 0; i < counts.publishers.size() && i < kPublishersShown; ++i) {
    const Entity& entity = graph.entities()[counts.publishers[i].entity];
    out << "  " << entity.id << " (" << entity.name << "): " << counts.publishers[i].sources
        << "\n";
  }
  if (counts.publishers.size() > kPublishersShown) {
    out << "  ... and " << counts.publishers.size() - kPublishersShown << " more\n";
  }
}

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

template <typename Enum, size_t N>
void JsonBreakdown(JsonWriter& writer, const char* title, const char* by, size_t total,
                   const Breakdown<Enum, N>& breakdown) {
  writer.Key(title);
  writer.StartObject();
  writer.Key("total");
  writer.Uint64(total);
  writer.Key(by);
  writer.StartObject();
  for (size_t i = 0; i < N; ++i) {
    const std::string_view name = Name(Breakdown<Enum, N>::At(i));
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.Uint64(breakdown.counts[i]);
  }
  writer.EndObject();
  writer.EndObject();
}

void WriteJson(const ProvenanceGraph& graph, const Counts& counts, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("casefiles");
  writer.Uint64(counts.casefiles);
  JsonBreakdown(writer, "sources", "by_kind", counts.source_total, counts.sources);
  JsonBreakdown(writer, "entities", "by_type", counts.entity_total, counts.entities);
  writer.Key("claims");
  writer.StartObject();
  writer.Key("total");
  writer.Uint64(counts.claims);
  writer.EndObject();
  JsonBreakdown(writer, "assertions", "by_stance", counts.assertion_total, counts.stances);
  JsonBreakdown(writer, "citations", "by_kind", counts.citation_total, counts.citations);
  JsonBreakdown(writer, "verdicts", "by_rating", counts.verdict_total, counts.ratings);
  writer.Key("publishers");
  writer.StartObject();
  writer.Key("total");
  writer.Uint64(counts.publishers.size());
  writer.Key("sources_without_publisher");
  writer.Uint64(counts.unpublished);
  writer.Key("top");
  writer.StartArray();
  for (size_t i = 0; i < counts.publishers.size() && i < kPublishersShown; ++i) {
    const Entity& entity = graph.entities()[counts.publishers[i].entity];
    writer.StartObject();
    writer.Key("id");
    writer.String(entity.id);
    writer.Key("name");
    writer.String(entity.name);
    writer.Key("sources");
    writer.Uint64(counts.publishers[i].sources);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();
  out << buffer.GetString() << "\n";
}

}  // namespace

ExitCode RunStats(const Args& args, std::ostream& out, std::ostream& err) {
  const CommandSpec& spec = StatsSpec();
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(spec, args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().empty()) {
    err << "claimgraph stats: no casefile given (see 'claimgraph stats --help')\n";
    return ExitCode::kInvalidInput;
  }
  const std::string format = parsed.Value("--format", "text");
  if (format != "text" && format != "json") {
    err << "claimgraph stats: --format must be 'text' or 'json', not '" << format
        << "' (see 'claimgraph stats --help')\n";
    return ExitCode::kInvalidInput;
  }
  if (!OutputIsNotAnInput("-", parsed.positional(), err, exit_code)) return exit_code;
  LoadOptions options;
  options.warnings = false;  // stats counts; `check` is where warnings are read
  LoadResult result = LoadCaseInputs(parsed.positional(), options);
  if (!result.ok()) return Report(result.status(), err);
  const Counts counts = Count(*result.graph);
  if (format == "json") WriteJson(*result.graph, counts, out);
  else WriteText(*result.graph, counts, out);
  LeaveToProcessExit(result);
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
