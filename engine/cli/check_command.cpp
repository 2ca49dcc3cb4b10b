// `claimgraph check FILE...`: validates casefiles and reports every problem found, each with
// file:line:column, JSON pointer and what to do, up to --max-errors.
#include <charconv>

#include "claimgraph/load.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/vocabulary.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& CheckSpec() {
  static const CommandSpec spec{
      "check",
      "FILE... [--max-errors N] [--max-warnings N] [--no-warnings] [--format text|json]",
      "Validates casefiles (loaded together: ids are shared across them) against\n"
      "schemas/casefile.schema.json and the rules a schema cannot express: references to\n"
      "unknown ids, duplicate ids, citation cycles, sources citing sources published after\n"
      "them, claims excluding themselves, calendar dates, URLs and ids. Every problem is\n"
      "reported on standard error as FILE:LINE:COLUMN: error: /json/pointer: what is wrong.\n"
      "Warnings (entities sharing a name, claims no source asserts, sources asserting\n"
      "nothing) do not make the casefiles invalid. On success a one-line summary goes to\n"
      "standard output. With --format json the diagnostics are one JSON object on standard\n"
      "output instead, valid or not.\n\n" +
          VocabularyHelp() +
          "\n\n"
          "Exit status: 0 valid, 2 invalid (or bad usage), 1 internal error.",
      {
          {"--max-errors", "", "N", "stop after N errors (default 50)"},
          {"--max-warnings", "", "N", "list N warnings, then count the rest (default 20)"},
          {"--no-warnings", "", "", "report errors only"},
          {"--format", "", "FORMAT", "diagnostics as 'text' (default) or 'json' (one object)"},
      }};
  return spec;
}

std::string Plural(size_t count, const char* singular, const char* plural) {
  return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

void WriteJsonDiagnostics(const std::vector<Diagnostic>& diagnostics, bool valid,
                          std::ostream& out) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("valid");
  writer.Bool(valid);
  writer.Key("diagnostics");
  writer.StartArray();
  for (const Diagnostic& diagnostic : diagnostics) {
    writer.StartObject();
    writer.Key("severity");
    writer.String(diagnostic.severity == Severity::kError ? "error" : "warning");
    writer.Key("file");
    writer.String(diagnostic.file);
    writer.Key("line");
    writer.Int(diagnostic.line);
    writer.Key("column");
    writer.Int(diagnostic.column);
    writer.Key("pointer");
    writer.String(diagnostic.pointer);
    writer.Key("message");
    writer.String(diagnostic.message);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out << buffer.GetString() << "\n";
}

}  // namespace

ExitCode RunCheck(const Args& args, std::ostream& out, std::ostream& err) {
  const CommandSpec& spec = CheckSpec();
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(spec, args, out, err, parsed, exit_code)) return exit_code;
  const std::string usage_hint = " (see 'claimgraph check --help')";
  if (parsed.positional().empty()) {
    err << "claimgraph check: no casefile given" << usage_hint << "\n";
    return ExitCode::kInvalidInput;
  }
  LoadOptions options;
  if (parsed.Has("--max-errors")) {
    const std::string text = parsed.Value("--max-errors");
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) {
      err << "claimgraph check: --max-errors needs a positive whole number, not '" << text
          << "'" << usage_hint << "\n";
      return ExitCode::kInvalidInput;
    }
    options.max_errors = value;
  }
  options.warnings = !parsed.Has("--no-warnings");
  Result<size_t> max_warnings = CountOption(parsed, "--max-warnings", options.max_warnings, "check");
  if (!max_warnings.ok()) return Report(max_warnings.status(), err);
  options.max_warnings = max_warnings.value();
  const std::string format = parsed.Value("--format", "text");
  if (format != "text" && format != "json") {
    err << "claimgraph check: --format must be 'text' or 'json', not '" << format << "'"
        << usage_hint << "\n";
    return ExitCode::kInvalidInput;
  }

  if (!OutputIsNotAnInput("-", parsed.positional(), err, exit_code)) return exit_code;
  const LoadResult result = LoadCaseInputs(parsed.positional(), options);
  if (format == "json") {
    // A program reads this: the whole answer is the object, and the exit code says valid.
    WriteJsonDiagnostics(result.diagnostics, result.ok(), out);
    return result.ok() ? ExitCode::kOk : ExitCode::kInvalidInput;
  } else {
    for (const Diagnostic& diagnostic : result.diagnostics) err << diagnostic.ToString() << "\n";
  }
  if (!result.ok()) return ExitCode::kInvalidInput;
  const ProvenanceGraph& graph = *result.graph;
  out << Plural(parsed.positional().size(), "casefile", "casefiles") << " valid: "
      << Plural(graph.sources().size(), "source", "sources") << ", "
      << Plural(graph.claims().size(), "claim", "claims") << ", "
      << Plural(graph.entities().size(), "entity", "entities") << ", "
      << Plural(graph.assertions().size(), "assertion", "assertions") << ", "
      << Plural(graph.citations().size(), "citation", "citations") << ", "
      << Plural(graph.verdicts().size(), "verdict", "verdicts") << "\n";
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
