// `claimgraph import triples FILE.tsv -o OUT`: tab-separated (source, item, value[, stance])
// lines into a casefile (scale/triples_reader.h), reached through RunImport.
#include "claimgraph/casefile_writer.h"
#include "claimgraph/files.h"
#include "claimgraph/load.h"
#include "cli/arguments.h"
#include "cli/imported_casefile.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "scale/triples_reader.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& TriplesSpec() {
  static const CommandSpec spec{
      "import triples",
      "FILE -o OUT",
      "Turn tab-separated triples into a casefile, one assertion a line:\n"
      "  SOURCE <TAB> ITEM <TAB> VALUE [<TAB> STANCE]\n"
      "Each ITEM becomes a question, each distinct (ITEM, VALUE) a claim answering it, each\n"
      "SOURCE a source; STANCE is supports (the default), refutes or reports. Blank lines and\n"
      "lines starting with '#' are skipped; a line repeating an earlier one is skipped with a note.",
      {{"--output", "-o", "OUT", "the casefile to write ('-' for standard output)"}}};
  return spec;
}

}  // namespace

ExitCode RunImportTriples(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(TriplesSpec(), args, out, err, parsed, exit_code)) return exit_code;
  const std::string usage = " (see 'claimgraph import triples --help')";
  if (parsed.positional().size() != 1) {
    return Report(Status::Error("claimgraph import triples: give exactly one triples FILE" + usage), err);
  }
  if (!parsed.Has("--output")) {
    return Report(Status::Error("claimgraph import triples: name the casefile to write with -o OUT" + usage), err);
  }
  const std::string& input = parsed.positional().front();
  const std::string output = parsed.Value("--output");
  if (!OutputIsNotAnInput(output, {input}, err, exit_code)) return exit_code;
  Result<std::string> text = ReadFile(input);
  if (!text.ok()) return Report(text.status(), err);
  Result<scale::TriplesImport> imported = scale::ReadTriples(input, text.value());
  if (!imported.ok()) return Report(imported.status(), err);
  for (const std::string& note : imported->notes) err << note << "\n";
  return WriteImportedCasefile("claimgraph import triples", input, imported->data, output, out, err);
}

}  // namespace claimgraph::cli
