// `claimgraph export FORMAT FILE... -o OUT` and `claimgraph import prov-json FILE -o OUT`:
// load (or read), convert with the export library (claimgraph/export.h) or the PROV-JSON
// importer (claimgraph/prov_import.h), and write the result atomically.
#include <algorithm>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/export.h"
#include "claimgraph/files.h"
#include "claimgraph/load.h"
#include "claimgraph/prov_import.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/output.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kFormats[] = {"prov-json", "claimreview", "graphml", "gexf"};

CommandSpec ExportSpec() {
  return {"export", "FORMAT FILE... -o OUT",
          "Writes the casefiles' graph for another tool (mappings in docs/exports.md). FORMAT:\n"
          "  prov-json    W3C PROV-JSON: sources and claims as entities, publishers and speakers\n"
          "               as agents, citations and assertions as derivations\n"
          "  claimreview  schema.org ClaimReview JSON-LD for every claim with a verdict or a\n"
          "               score (needs the casefile's \"review\" block)\n"
          "  graphml      GraphML with typed attributes, for Gephi, networkx, yEd\n"
          "  gexf         GEXF 1.2, Gephi's own format, with the same attributes",
          {{"--output", "-o", "OUT", "the file to write ('-' for standard output); required"},
           {"--review-url", "", "URL", "claimreview: the page publishing the reviews; a claim without a verdict url gets URL#claim-ID"}}};
}

CommandSpec ImportSpec() {
  return {"import prov-json", "FILE -o OUT.json",
          "Reads a PROV-JSON document (such as one written by 'claimgraph export prov-json')\n"
          "back into a casefile. The casefile written is checked by the loader before it is\n"
          "written, so the output always loads.",
          {{"--output", "-o", "OUT", "the casefile to write ('-' for standard output); required"}}};
}

}  // namespace

ExitCode RunExport(const Args& args, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = ExportSpec();
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(spec, args, out, err, parsed, exit_code)) return exit_code;
  const std::string usage = " (see 'claimgraph export --help')";
  const std::vector<std::string>& positional = parsed.positional();
  if (positional.empty()) {
    return Report(Status::Error("claimgraph export: name a format: prov-json, claimreview, graphml or gexf" + usage), err);
  }
  const std::string format = positional.front();
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats)) {
    return Report(Status::Error("claimgraph export: unknown format '" + format +
                                "' (use prov-json, claimreview, graphml or gexf)" + usage), err);
  }
  const std::vector<std::string> files(positional.begin() + 1, positional.end());
  if (files.empty()) return Report(Status::Error("claimgraph export: give at least one casefile" + usage), err);
  if (!parsed.Has("--output")) {
    return Report(Status::Error("claimgraph export: say where to write with -o OUT ('-' for standard output)" + usage), err);
  }
  ClaimReviewOptions review_options;
  review_options.review_url = parsed.Value("--review-url");
  if (parsed.Has("--review-url") && format != "claimreview") {
    return Report(Status::Error("claimgraph export: --review-url applies to claimreview only" + usage), err);
  }
  if (Status valid = review_options.Validate(); !valid.ok()) {
    return Report(Status::Error("claimgraph export: --review-url: " + valid.message()), err);
  }
  const std::string output = parsed.Value("--output");
  if (!OutputIsNotAnInput(output, files, err, exit_code)) return exit_code;
  LoadResult loaded = LoadCaseInputs(files);
  if (!loaded.ok()) return Report(loaded.status(), err);
  const ProvenanceGraph& graph = *loaded.graph;

  std::string text;
  if (format == "prov-json") {
    text = ExportProvJson(graph);
  } else {
    Result<CorroborationResult> scores = Score(graph);
    if (!scores.ok()) return Report(scores.status(), err);
    if (format == "claimreview") {
      Result<std::string> review = ExportClaimReview(graph, scores.value(), review_options);
      if (!review.ok()) return Report(review.status(), err);
      text = std::move(review.value());
    } else if (format == "graphml") {
      text = ExportGraphml(graph, &scores.value());
    } else {
      text = ExportGexf(graph, &scores.value());
    }
  }
  return WriteOutput(output, text, out, err);
}

ExitCode RunImportProvJson(const Args& args, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = ImportSpec();
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(spec, args, out, err, parsed, exit_code)) return exit_code;
  const std::string usage = " (see 'claimgraph import prov-json --help')";
  if (parsed.positional().size() != 1) {
    return Report(Status::Error("claimgraph import prov-json: give exactly one PROV-JSON file" + usage), err);
  }
  if (!parsed.Has("--output")) {
    return Report(Status::Error("claimgraph import prov-json: say where to write the casefile with -o OUT.json" + usage), err);
  }
  const std::string& input = parsed.positional().front();
  const std::string output = parsed.Value("--output");
  if (!OutputIsNotAnInput(output, {input}, err, exit_code)) return exit_code;
  Result<std::string> text = ReadFile(input);
  if (!text.ok()) return Report(text.status(), err);
  Result<ImportResult> imported = ImportProvJson(input, text.value());
  if (!imported.ok()) return Report(imported.status(), err);
  for (const std::string& note : imported->notes) err << note << "\n";

  const std::string casefile = CasefileText(imported->data);
  // A PROV document can name records a casefile cannot hold (an id with a space, a bad
  // URL): check with the loader so that what is written always loads; the errors point
  // into the PROV file.
  if (Status check = CheckImportedCasefile(input, text.value(), imported.value(), casefile);
      !check.ok()) {
    err << "claimgraph import prov-json: " << input
        << ": the records do not form a valid casefile; nothing was written:\n";
    return Report(check, err);
  }
  return WriteOutput(output, casefile, out, err);
}

}  // namespace claimgraph::cli
