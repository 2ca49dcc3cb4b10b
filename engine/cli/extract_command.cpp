// `claimgraph extract ARTICLE... -o DRAFT.json [--into CASEFILE...] [--format casefile|review]`:
// a thin front over ExtractDraft (claimgraph/extract.h); docs/extraction.md has the rules.
#include "claimgraph/extract.h"
#include "claimgraph/files.h"
#include "cli/arguments.h"
#include "cli/commands.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& ExtractSpec() {
  static const CommandSpec spec{
      "extract",
      "ARTICLE... -o DRAFT [--into CASEFILE]... [--format casefile|review]",
      "Reads news articles (plain text with an optional url:/outlet:/published:/title: header,\n"
      "HTML, or JSON Lines with url, title, outlet, published, text) and drafts a casefile:\n"
      "one source per article, the attributions it carries (speaker, stance, quote, span,\n"
      "the rule that found it), the outlets it cites, entities and claims. The draft passes\n"
      "'claimgraph check'; every record needs a person's review ('--format review').\n\n"
      "Exit status: 0 success, 2 invalid input or usage, 1 internal error.",
      {{"--output", "-o", "DRAFT", "the file to write ('-' for standard output)"},
       {"--into", "", "CASEFILE", "match entities and claims of this casefile first (repeatable)"},
       {"--format", "", "FORMAT", "'casefile' (default) or 'review'"}}};
  return spec;
}

}  // namespace

ExitCode RunExtract(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(ExtractSpec(), args, out, err, parsed, exit_code)) return exit_code;
  const std::string format = parsed.Value("--format", "casefile");
  if (format != "casefile" && format != "review") {
    return Report(Status::Error("claimgraph extract: error: --format must be 'casefile' or 'review', not '" +
                                format + "'"), err);
  }
  if (parsed.positional().empty()) {
    return Report(Status::Error("claimgraph extract: error: name at least one ARTICLE file"), err);
  }
  if (!parsed.Has("--output")) {
    return Report(Status::Error("claimgraph extract: error: name the draft to write with -o DRAFT"), err);
  }
  ExtractOptions options;
  options.into = parsed.Values("--into");
  options.review = format == "review";
  Result<ExtractResult> draft = ExtractDraft(parsed.positional(), options);
  if (!draft.ok()) return Report(draft.status(), err);
  for (const Diagnostic& warning : draft->warnings) err << warning.ToString() << "\n";
  const std::string& text = format == "review" ? draft->review : draft->casefile;
  const Status written = WriteFileAtomically(parsed.Value("--output"), text);
  if (!written.ok()) return Report(written, err);
  if (parsed.Value("--output") != "-") {
    out << "wrote " << parsed.Value("--output") << ": " << draft->articles << " article(s), "
        << draft->attributions << " record(s) found\n";
  }
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
