// `claimgraph report FILE... -o REPORT.html`: loads the casefiles and writes the
// publishable report (claimgraph/report.h, docs/report.md).
#include "claimgraph/load.h"
#include "claimgraph/report.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/score_arguments.h"

namespace claimgraph::cli {
namespace {

const CommandSpec kReportSpec{
    "report",
    "FILE... -o REPORT.html [OPTIONS]",
    "Writes one self-contained HTML page that a newsroom can publish: the case's claims with\n"
    "their scores and verdicts, and for each claim its focus picture, its explanation, its\n"
    "sources with quotes, dates and links, and its past verdicts; with the ClaimReview\n"
    "JSON-LD of 'claimgraph export claimreview' for search engines. The page loads nothing\n"
    "(style and pictures are inline, and its Content-Security-Policy forbids every request)\n"
    "and runs no script. The same casefiles give the same bytes.",
    {
        {"--output", "-o", "REPORT.html", "the file to write ('-' for standard output); required"},
        {"--title", "", "TEXT", "the page's title (default: the casefile's title)"},
        {"--review-url", "", "URL", "where the report will be published; each claim's ClaimReview links to its section there"},
        AsOfOptionSpec(),
    }};

const std::string kPrefix = "claimgraph report: ";
const std::string kHint = " (see 'claimgraph report --help')";

}  // namespace

ExitCode RunReport(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(kReportSpec, args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().empty()) return Report(Status::Error(kPrefix + "give at least one casefile" + kHint), err);
  const std::string output = parsed.Value("--output");
  if (output.empty()) {
    return Report(Status::Error(kPrefix + "give the output file with -o REPORT.html ('-' for standard output)" + kHint),
                  err);
  }
  ReportOptions options;
  options.title = parsed.Value("--title");
  if (parsed.Has("--title") && options.title.empty()) {
    return Report(Status::Error(kPrefix + "--title needs a text; leave it out to use the casefile's title" + kHint), err);
  }
  options.review_url = parsed.Value("--review-url");
  if (Status valid = options.Validate(); !valid.ok()) {
    return Report(Status::Error(kPrefix + "--review-url: " + valid.message()), err);
  }
  if (Status as_of = CheckAsOfArgument(parsed, "report"); !as_of.ok()) return Report(as_of, err);
  options.as_of = parsed.Value("--as-of");
  if (!OutputIsNotAnInput(output, parsed.positional(), err, exit_code)) return exit_code;

  LoadResult loaded = LoadCaseInputs(parsed.positional());
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  ApplyAsOf(parsed, "report", loaded.graph, err);
  Result<ReportPage> report = BuildReport(*loaded.graph, options);
  if (!report.ok()) return Report(report.status(), err);
  for (const std::string& note : report->notes) err << kPrefix << "note: " << note << "\n";
  return WriteOutput(output, report->html, out, err);
}

}  // namespace claimgraph::cli
