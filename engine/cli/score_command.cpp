// `claimgraph score FILE... [--method M] [--format table|json|csv]`: each claim's score,
// verdict, reports, independent and interested origins; then the trust of every source.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <sstream>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/score_arguments.h"
#include "score/corroboration.h"
#include "score/explanation.h"

namespace claimgraph::cli {
namespace {

using score::FormatDecimal;

CommandSpec MakeSpec() {
  CommandSpec spec = {
      .name = "score",
      .usage = "FILE... [--method M] [--format table|json|csv] [-o OUT]",
      .summary =
          "Scores every claim of the casefiles loaded together: the corroboration score in\n"
          "[0, 1] (0.5 means no evidence either way), the verdict band, how many reports\n"
          "assert it, and how many independent and interested origin groups they trace back\n"
          "to; then the trust of every source. docs/scoring.md explains the method.",
      .options = ScoreOptionSpecs()};
  spec.options.push_back({"--format", "", "FORMAT", "table (default), json or csv"});
  spec.options.push_back({"--output", "-o", "OUT", "write to OUT instead of standard output"});
  return spec;
}

const CommandSpec& Spec() {
  static const CommandSpec spec = MakeSpec();
  return spec;
}

std::string Padded(std::string text, size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text;
}

std::string TrustLine(const CorroborationResult& result) {
  std::string line = "source trust from: " + result.trust_origin;
  if (!result.trust_fallback_reason.empty()) line += " (" + result.trust_fallback_reason + ")";
  if (result.trust_origin != "priors") {
    char residual[32];
    std::snprintf(residual, sizeof residual, "%.3e", result.residual);
    line += ", " + std::to_string(result.iterations) + " iterations, residual " + residual +
            (result.converged ? ", converged" : ", not converged");
  }
  return line + "\n";
}

std::string RightAligned(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string Table(const ProvenanceGraph& graph, const CorroborationResult& result) {
  size_t id_width = 5;
  for (const Claim& claim : graph.claims()) id_width = std::max(id_width, claim.id.size());
  std::string text = Padded("claim", id_width) + "  score   verdict             reports  origins  interested\n";
  for (const ClaimScore& scored : result.claims) {
    text += Padded(graph.claims()[scored.claim].id, id_width) + "  " + FormatDecimal(scored.score) + "  " +
            Padded(std::string(Name(scored.verdict)), 18) + "  " +
            RightAligned(std::to_string(scored.reports), 7) + "  " +
            RightAligned(std::to_string(scored.independent_origins), 7) + "  " +
            RightAligned(std::to_string(scored.interested_origins), 10) + "\n";
  }
  size_t source_width = 6;
  for (const Source& source : graph.sources()) source_width = std::max(source_width, source.id.size());
  text += "\n" + TrustLine(result) + Padded("source", source_width) + "  trust   prior\n";
  for (size_t s = 0; s < graph.sources().size(); ++s) {
    const Source& source = graph.sources()[s];
    text += Padded(source.id, source_width) + "  " + FormatDecimal(result.source_trust[s]) + "  " +
            (source.reliability ? FormatDecimal(*source.reliability) : std::string("-")) + "\n";
  }
  return text;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// One table for both record kinds, told apart by the first column, so that one CSV file
// holds the whole result.
std::string Csv(const ProvenanceGraph& graph, const CorroborationResult& result) {
  std::string text = "kind,id,score,verdict,reports,independent_origins,interested_origins,trust,prior\n";
  for (const ClaimScore& scored : result.claims) {
    text += "claim," + CsvField(graph.claims()[scored.claim].id) + "," + FormatDecimal(scored.score) + "," +
            std::string(Name(scored.verdict)) + "," + std::to_string(scored.reports) + "," +
            std::to_string(scored.independent_origins) + "," + std::to_string(scored.interested_origins) + ",,\n";
  }
  for (size_t s = 0; s < graph.sources().size(); ++s) {
    const Source& source = graph.sources()[s];
    text += "source," + CsvField(source.id) + ",,,,,," + FormatDecimal(result.source_trust[s]) + "," +
            (source.reliability ? FormatDecimal(*source.reliability) : std::string()) + "\n";
  }
  return text;
}

std::string Json(const ProvenanceGraph& graph, const CorroborationResult& result) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  auto number = [&](double value) {
    std::string text = FormatDecimal(value);
    writer.RawValue(text.data(), text.size(), rapidjson::kNumberType);
  };
  writer.StartObject();
  writer.Key("method");
  writer.String(result.method);
  writer.Key("trust_origin");
  writer.String(result.trust_origin);
  if (!result.trust_fallback_reason.empty()) {
    writer.Key("trust_fallback_reason");
    writer.String(result.trust_fallback_reason);
  }
  writer.Key("iterations");
  writer.Uint64(result.iterations);
  writer.Key("converged");
  writer.Bool(result.converged);
  writer.Key("claims");
  writer.StartArray();
  for (const ClaimScore& scored : result.claims) {
    writer.StartObject();
    writer.Key("id");
    writer.String(graph.claims()[scored.claim].id);
    writer.Key("score");
    number(scored.score);
    writer.Key("verdict");
    writer.String(std::string(Name(scored.verdict)));
    writer.Key("reports");
    writer.Uint64(scored.reports);
    writer.Key("supporting_reports");
    writer.Uint64(scored.supporting_reports);
    writer.Key("refuting_reports");
    writer.Uint64(scored.refuting_reports);
    writer.Key("independent_origins");
    writer.Uint64(scored.independent_origins);
    writer.Key("interested_origins");
    writer.Uint64(scored.interested_origins);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("sources");
  writer.StartArray();
  for (size_t s = 0; s < graph.sources().size(); ++s) {
    const Source& source = graph.sources()[s];
    writer.StartObject();
    writer.Key("id");
    writer.String(source.id);
    writer.Key("trust");
    number(result.source_trust[s]);
    writer.Key("prior");
    if (source.reliability) number(*source.reliability); else writer.Null();
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::vector<OptionSpec> ScoreOptionSpecs() {
  return {
      {"--method", "", "M", "corroboration (default) or a truth-discovery method, whose belief is the score"},
      {"--reliability", "", "M", "learn source trust with M (default truthfinder); 'priors': casefile priors only"},
      {"--interested-weight", "", "W", "weight of an interested group, in [0, 1] (default 0.25)"},
      {"--no-verdicts", "", "", "do not fit source trust to the casefile's past verdicts"},
  };
}

Result<ScoreOptions> ScoreOptionsFromArguments(const ParsedArguments& parsed, const std::string& command) {
  ScoreOptions options;
  options.method = parsed.Value("--method", options.method);
  std::string reliability = parsed.Value("--reliability", options.reliability_method);
  options.reliability_method = reliability == "priors" ? "" : reliability;
  options.use_verdicts = !parsed.Has("--no-verdicts");
  if (parsed.Has("--interested-weight")) {
    std::string text = parsed.Value("--interested-weight");
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(value >= 0.0 && value <= 1.0)) {
      return Status::Error("claimgraph " + command + ": --interested-weight must be a number in [0, 1], got '" +
                           text + "'");
    }
    options.interested_weight = value;
  }
  if (Status valid = options.Validate(); !valid.ok()) {
    return Status::Error("claimgraph " + command + ": " + valid.message());
  }
  return options;
}

ExitCode RunScore(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(Spec(), args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().empty()) {
    return Report(Status::Error("claimgraph score: no casefile given (see 'claimgraph score --help')"), err);
  }
  std::string format = parsed.Value("--format", "table");
  if (format != "table" && format != "json" && format != "csv") {
    return Report(Status::Error("claimgraph score: unknown format '" + format + "' (choose table, json or csv)"), err);
  }
  Result<ScoreOptions> options = ScoreOptionsFromArguments(parsed, "score");
  if (!options.ok()) return Report(options.status(), err);
  options->record_chains = false;  // the table shows counts only

  const std::string output = parsed.Value("--output", "-");
  if (!OutputIsNotAnInput(output, parsed.positional(), err, exit_code)) return exit_code;

  LoadResult loaded = LoadCasefiles(parsed.positional());
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  Result<CorroborationResult> result = Score(*loaded.graph, options.value());
  if (!result.ok()) return Report(result.status(), err);

  const std::string text = format == "json" ? Json(*loaded.graph, result.value())
                           : format == "csv" ? Csv(*loaded.graph, result.value())
                                             : Table(*loaded.graph, result.value());
  return WriteOutput(output, text, out, err);
}

}  // namespace claimgraph::cli
