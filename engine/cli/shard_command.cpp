// `claimgraph shard CASEFILE... --parts K -o DIR`: the casefiles cut into K parts, one per
// rank of `mpirun -np K claimgraph score --shards DIR` (distributed/shard_writer.h).
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/commands.h"
#include "distributed/shard_writer.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& Spec() {
  static const CommandSpec spec{
      "shard",
      "CASEFILE... --parts K -o DIR",
      "Cut the casefiles loaded together into K casefiles DIR/part-1-of-K.json ...\n"
      "DIR/part-K-of-K.json, one per rank of 'mpirun -np K claimgraph score --shards DIR'.\n"
      "Part I holds the data items (claims that answer one question) that score --distributed\n"
      "gives rank I - 1, with their assertions and verdicts, and every entity, source and\n"
      "citation; its \"shard\" field names the sharding. Each part is a valid casefile.\n"
      "Nothing is replaced until every part is written. docs/distributed.md describes it.",
      {{"--parts", "", "K", "how many parts (the rank count that will score them), 1 or more"},
       {"--output", "-o", "DIR", "the directory to write the parts in (made if missing)"}}};
  return spec;
}

}  // namespace

ExitCode RunShard(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(Spec(), args, out, err, parsed, exit_code)) return exit_code;
  const std::string usage = " (see 'claimgraph shard --help')";
  if (parsed.positional().empty()) return Report(Status::Error("claimgraph shard: no casefile given" + usage), err);
  if (!parsed.Has("--parts")) return Report(Status::Error("claimgraph shard: give the number of parts with --parts K" + usage), err);
  if (!parsed.Has("--output")) return Report(Status::Error("claimgraph shard: name the directory to write with -o DIR" + usage), err);
  Result<size_t> parts = CountOption(parsed, "--parts", 0, "shard");
  if (!parts.ok()) return Report(parts.status(), err);
  const std::string dir = parsed.Value("--output");
  const std::vector<std::string>& inputs = parsed.positional();
  if (Status checked = distributed::CheckShardOutput(inputs, parts.value(), dir); !checked.ok()) {
    return Report(checked, err);
  }
  LoadResult loaded = LoadCaseInputs(inputs);
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  Result<std::vector<distributed::WrittenPart>> written =
      distributed::WriteShards(*loaded.graph, inputs, parts.value(), dir);
  if (!written.ok()) return Report(written.status(), err);
  for (const distributed::WrittenPart& part : written.value()) {
    out << "wrote " << part.path << ": items " << part.item_begin << " to " << part.item_end << ", " << part.claims
        << " claims, " << part.assertions << " assertions\n";
  }
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
