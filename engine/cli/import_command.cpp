// `claimgraph import FORMAT FILE -o OUT`: research data sets into casefiles. The formats
// and normalisers are described in docs/evaluation.md; `prov-json` is handled by the
// export command's file (RunImportProvJson).
#include <algorithm>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/files.h"
#include "claimgraph/import.h"
#include "claimgraph/load.h"
#include "cli/arguments.h"
#include "cli/imported_casefile.h"
#include "cli/output.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& ImportSpec() {
  static const CommandSpec spec{
      "import",
      "FORMAT FILE -o OUT",
      "Turn a data set into a casefile. FORMAT is one of:\n"
      "  emergent     Emergent CSV: one claim per claimId, one source per article (publisher:\n"
      "               the outlet domain); stance for/against/observing -> supports/refutes/reports\n"
      "  dafna        DAFNA pipe format: each (object, property) a question, each distinct\n"
      "               normalised value a claim, each line an assertion (supports)\n"
      "  flights-csv  the PClean flight CSV (src, flight and four times per row)\n"
      "  prov-json    a PROV-JSON document written by 'claimgraph export' (see its --help)\n"
      "  triples      tab-separated SOURCE, ITEM, VALUE[, STANCE] lines (see its --help)\n"
      "Lines whose value is absent are skipped; a note on standard error counts them.",
      {
          {"--output", "-o", "OUT", "the casefile to write ('-' for standard output)"},
          {"--normalise", "", "NORMALISER",
           "dafna, flights-csv: authors, flight-times or none (dafna: none; flights-csv: flight-times)"},
          {"--with-verdicts", "", "", "emergent: record claimTruth true/false as verdicts (gold labels)"},
          {"--source-per-outlet", "", "",
           "emergent: one source per outlet domain instead of one per article"},
          {"--encoding", "", "ENCODING",
           "emergent, dafna, flights-csv: utf-8 (the default) or latin1 (ISO 8859-1, transcoded)"},
      }};
  return spec;
}

Status UsageError(const std::string& message) {
  return Status::Error("claimgraph import: " + message + " (see 'claimgraph import --help')");
}

Result<ValueNormaliser> NormaliserOption(const ParsedArguments& parsed, ValueNormaliser fallback) {
  if (!parsed.Has("--normalise")) return fallback;
  const std::string text = parsed.Value("--normalise");
  if (std::optional<ValueNormaliser> normaliser = ParseValueNormaliser(text)) return *normaliser;
  return UsageError("unknown normaliser '" + text + "' (expected authors, flight-times or none)");
}

// Checks that each option given applies to `format`.
Status CheckOptionsApply(const ParsedArguments& parsed, const std::string& format) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> applies = {
      {"--normalise", {"dafna", "flights-csv"}},
      {"--with-verdicts", {"emergent"}},
      {"--source-per-outlet", {"emergent"}},
      {"--encoding", {"emergent", "dafna", "flights-csv"}}};
  for (const auto& [option, formats] : applies) {
    if (parsed.Has(option) && std::find(formats.begin(), formats.end(), format) == formats.end()) {
      return UsageError("option '" + option + "' does not apply to the format '" + format + "'");
    }
  }
  return Status::Ok();
}

Result<ImportResult> ImportText(const std::string& format, const ParsedArguments& parsed,
                                const std::string& file, const std::string& text) {
  if (format == "emergent") {
    EmergentImportOptions options;
    options.with_verdicts = parsed.Has("--with-verdicts");
    options.source_per_outlet = parsed.Has("--source-per-outlet");
    return ImportEmergent(file, text, options);
  }
  if (format == "dafna") {
    Result<ValueNormaliser> normaliser = NormaliserOption(parsed, ValueNormaliser::kNone);
    if (!normaliser.ok()) return normaliser.status();
    return ImportDafna(file, text, {.normaliser = normaliser.value()});
  }
  Result<ValueNormaliser> normaliser = NormaliserOption(parsed, ValueNormaliser::kFlightTimes);
  if (!normaliser.ok()) return normaliser.status();
  return ImportFlightsCsv(file, text, {.normaliser = normaliser.value()});
}

}  // namespace

ExitCode RunImport(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.empty() && args[0] == "prov-json") {
    return RunImportProvJson(Args(args.begin() + 1, args.end()), out, err);
  }
  if (!args.empty() && args[0] == "triples") return RunImportTriples(Args(args.begin() + 1, args.end()), out, err);
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(ImportSpec(), args, out, err, parsed, exit_code)) return exit_code;
  const std::vector<std::string>& positional = parsed.positional();
  if (positional.empty()) return Report(UsageError("name a FORMAT: emergent, dafna, flights-csv, prov-json or triples"), err);
  const std::string& format = positional[0];
  if (format != "emergent" && format != "dafna" && format != "flights-csv") {
    return Report(UsageError("unknown format '" + format +
                             "' (expected emergent, dafna, flights-csv, prov-json or triples)"), err);
  }
  if (positional.size() != 2) return Report(UsageError("give exactly one input FILE after the format"), err);
  if (!parsed.Has("--output")) return Report(UsageError("name the casefile to write with -o OUT"), err);
  if (Status applies = CheckOptionsApply(parsed, format); !applies.ok()) return Report(applies, err);

  const std::string encoding = parsed.Has("--encoding") ? parsed.Value("--encoding") : "utf-8";
  if (encoding != "utf-8" && encoding != "latin1") {
    return Report(UsageError("unknown encoding '" + encoding + "' (expected utf-8 or latin1)"), err);
  }
  const std::string& file = positional[1];
  const std::string output = parsed.Value("--output");
  if (!OutputIsNotAnInput(output, {file}, err, exit_code)) return exit_code;
  Result<std::string> text = ReadFile(file);
  if (!text.ok()) return Report(text.status(), err);
  if (encoding == "latin1") text = TranscodeLatin1(text.value());
  Result<ImportResult> imported = ImportText(format, parsed, file, text.value());
  if (!imported.ok()) return Report(imported.status(), err);
  for (const std::string& note : imported->notes) err << note << "\n";
  return WriteImportedCasefile("claimgraph import", file, imported->data, output, out, err);
}

}  // namespace claimgraph::cli
