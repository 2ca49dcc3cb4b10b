#include "cli/imported_casefile.h"

#include "claimgraph/load.h"
#include "cli/arguments.h"
#include "cli/output.h"

namespace claimgraph::cli {

ExitCode WriteImportedCasefile(const std::string& command, const std::string& input, const CaseData& data,
                               const std::string& output, std::ostream& out, std::ostream& err) {
  const std::string casefile = CasefileText(data);
  LoadOptions load_options;
  load_options.warnings = false;
  const LoadResult check = LoadCasefileTexts({input + " (as imported)"}, {casefile}, load_options);
  if (!check.ok()) {
    err << command << ": internal error: the records imported from " << input
        << " do not form a valid casefile; nothing was written (please report this):\n";
    return Report(Status::Error(check.status().message(), ExitCode::kInternalError), err);
  }
  const ExitCode written = WriteOutput(output, casefile, out, err);
  if (written != ExitCode::kOk) return written;
  if (output != "-") {
    out << "wrote " << output << ": " << data.sources.size() << " sources, " << data.claims.size()
        << " claims, " << data.entities.size() << " entities, " << data.assertions.size()
        << " assertions, " << data.verdicts.size() << " verdicts\n";
  }
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
