// `claimgraph score FILE... [--method M] [--format table|json|csv]`: each claim's score
// (its probability of being true), belief, verdict, reports, origins for and against,
// interested origins; then the trust of every source.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/output.h"
#include "cli/process_exit.h"
#include "cli/score_arguments.h"
#include "cli/score_rows.h"
#include "cli/sharded_scores.h"
#include "distributed/distributed_scoring.h"
#include "distributed/shard_reading.h"
#include "distributed/shard_writer.h"
#include "score/corroboration.h"
#include "score/explanation.h"
#include "score/parallel_ranges.h"

namespace claimgraph::cli {
namespace {

// Rows formatted between two looks at the writer's buffer: enough that the look costs
// nothing, few enough that the buffer stays near one block.
constexpr size_t kRowsPerBatch = 1024;
// On several threads, the rows each thread formats at a time: starting the threads of a
// round costs tens of microseconds, formatting this many rows a few milliseconds.
constexpr size_t kRowsPerThreadRound = 8192;

// Appends rows [0, count) through `append(first, last, buffer)`, handing the writer a
// block whenever it holds one. On one thread, batch by batch into the writer's buffer. On
// several (issue 11, item 4), each round cuts its rows into one fixed piece per thread,
// formats the pieces side by side into buffers of their own and appends them in row
// order: the pieces depend only on the row count and the thread count, and each row's
// text only on the row, so the bytes are the same for every number of threads.
template <typename AppendRows>
void WriteRows(size_t count, size_t threads, OutputWriter& writer, const AppendRows& append) {
  if (threads <= 1 || count <= kRowsPerThreadRound) {
    for (size_t first = 0; first < count; first += kRowsPerBatch) {
      append(first, std::min(count, first + kRowsPerBatch), writer.buffer());
      writer.FlushIfFull();
    }
    return;
  }
  std::vector<std::string> pieces(threads);
  const size_t round = threads * kRowsPerThreadRound;
  for (size_t first = 0; first < count; first += round) {
    const size_t last = std::min(count, first + round);
    const size_t parts = (last - first + kRowsPerThreadRound - 1) / kRowsPerThreadRound;
    score::ForEachRange(parts, parts, [&](size_t part_begin, size_t part_end) {
      for (size_t part = part_begin; part < part_end; ++part) {
        const size_t begin = first + part * kRowsPerThreadRound;
        pieces[part].clear();
        append(begin, std::min(last, begin + kRowsPerThreadRound), pieces[part]);
      }
    }, 1);
    for (size_t part = 0; part < parts; ++part) {
      writer.buffer().append(pieces[part]);
      writer.FlushIfFull();
    }
  }
}

CommandSpec MakeSpec() {
  CommandSpec spec = {
      .name = "score",
      .usage = "FILE... [--method M] [--format table|json|csv] [-o OUT]  |  --shards DIR [...]",
      .summary =
          "Scores every claim of the casefiles loaded together: its score, the probability\n"
          "that it is true whatever the method (0.5 means no evidence either way), the\n"
          "verdict band, how many reports assert it, how many independent origin groups\n"
          "support it (for) and oppose it (against), how many are interested; then the\n"
          "trust of every source. docs/scoring.md explains the method.",
      .options = ScoreOptionSpecs()};
  spec.options.push_back({"--format", "", "FORMAT", "table (default), json or csv"});
  spec.options.push_back({"--output", "-o", "OUT", "write to OUT instead of standard output"});
  spec.options.push_back({"--distributed", "", "", "under mpirun: split the items across the ranks (docs/distributed.md)"});
  spec.options.push_back({"--shards", "", "DIR",
                          "under mpirun -np K: rank r reads only DIR/part-(r+1)-of-K.json, written by 'claimgraph "
                          "shard --parts K' (implies --distributed; no FILE)"});
  return spec;
}

const CommandSpec& Spec() {
  static const CommandSpec spec = MakeSpec();
  return spec;
}

// The score in `format` ("table", "json" or "csv"), written through `writer`.
void WriteScores(const ProvenanceGraph& graph, const CorroborationResult& result, const std::string& format,
                 const AsOfReport* as_of, size_t threads, OutputWriter& writer) {
  const size_t claims = result.claims.size(), sources = graph.sources().size();
  std::string& buffer = writer.buffer();
  if (format == "json") {
    AppendJsonHead(result, as_of, buffer);
    WriteRows(claims, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendJsonClaimRows(graph, result, first, last, rows);
    });
    AppendJsonBetween(claims, buffer);
    WriteRows(sources, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendJsonSourceRows(graph, result, first, last, rows);
    });
    AppendJsonTail(sources, buffer);
  } else if (format == "csv") {
    AppendCsvHeader(buffer);
    WriteRows(claims, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendCsvClaimRows(graph, result, first, last, rows);
    });
    WriteRows(sources, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendCsvSourceRows(graph, result, first, last, rows);
    });
  } else {
    const TableLayout layout = MeasureTable(graph);
    AppendTableHeader(layout, buffer);
    WriteRows(claims, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendTableClaimRows(graph, result, layout, first, last, rows);
    });
    AppendTableTrustHeader(result, layout, writer.buffer());
    WriteRows(sources, threads, writer, [&](size_t first, size_t last, std::string& rows) {
      AppendTableSourceRows(graph, result, layout, first, last, rows);
    });
  }
}

// `score --shards DIR`: this rank's part only (distributed/shard_reading.h), scored, and
// every rank's claim rows written by rank 0 in the input's order (cli/sharded_scores.h).
ExitCode ScoreShards(const std::string& dir, const ScoreOptions& options, const std::string& format,
                     const std::string& output, distributed::DistributedSession& session, std::ostream& out,
                     std::ostream& err) {
  std::vector<std::string> parts;
  for (size_t part = 1; part <= session.rank_count(); ++part) {
    parts.push_back(distributed::PartPath(dir, part, session.rank_count()));
  }
  const Status refused = RefuseOutputThatIsAnInput(output, parts);
  if (session.AnyRank(!refused.ok())) {
    return Report(refused.ok() ? Status::Error("claimgraph score --shards: another rank refused its output") : refused,
                  err);
  }
  Result<distributed::OwnPart> part = distributed::ReadOwnPart(session, dir);
  if (!part.ok()) return Report(part.status(), err);
  for (const Diagnostic& diagnostic : part->loaded.diagnostics) err << diagnostic.ToString() << "\n";
  const ProvenanceGraph& graph = *part->loaded.graph;
  Result<CorroborationResult> result = Score(graph, options);
  if (session.AnyRank(!result.ok())) {
    return Report(result.ok() ? Status::Error("claimgraph score --shards: another rank failed to score its part",
                                              ExitCode::kInternalError)
                              : result.status(),
                  err);
  }
  return WriteShardedScores(graph, result.value(), format, session, part->positions, part->header.claims, output,
                            out, err);
}

}  // namespace

std::vector<OptionSpec> ScoreOptionSpecs() {
  return {
      {"--method", "", "M", "corroboration (default) or a truth-discovery method, whose belief is the score"},
      {"--reliability", "", "M", "learn source trust with M (default catd); 'priors': casefile priors only"},
      {"--interested-weight", "", "W", "weight of an interested group, in [0, 1] (default 0.25)"},
      {"--no-verdicts", "", "", "do not fit source trust to the casefile's past verdicts"},
      ThreadsOptionSpec(),
      AsOfOptionSpec(),
  };
}

OptionSpec AsOfOptionSpec() {
  return {"--as-of", "", "DATE", "the case as it stood on DATE: later sources, their assertions and citations left out"};
}

Status CheckAsOfArgument(const ParsedArguments& parsed, const std::string& command) {
  if (!parsed.Has("--as-of")) return Status::Ok();
  Result<int64_t> cutoff = ParseAsOfDate(parsed.Value("--as-of"));
  if (!cutoff.ok()) return Status::Error("claimgraph " + command + ": " + cutoff.status().message());
  return Status::Ok();
}

std::optional<AsOfReport> ApplyAsOf(const ParsedArguments& parsed, const std::string& command,
                                    std::optional<ProvenanceGraph>& graph, std::ostream& err) {
  if (!parsed.Has("--as-of")) return std::nullopt;
  Result<GraphAsOf> filtered = FilterAsOf(*graph, parsed.Value("--as-of"));
  if (!filtered.ok()) return std::nullopt;  // CheckAsOfArgument passed: cannot happen
  graph.emplace(std::move(filtered->graph));
  err << "claimgraph " << command << ": note: " << DescribeAsOf(filtered->report) << "\n";
  return filtered->report;
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
  Result<size_t> threads = ThreadsFromArguments(parsed, command);
  if (!threads.ok()) return threads.status();
  options.threads = threads.value();
  if (Status valid = options.Validate(); !valid.ok()) {
    return Status::Error("claimgraph " + command + ": " + valid.message());
  }
  return options;
}

ExitCode RunScore(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(Spec(), args, out, err, parsed, exit_code)) return exit_code;
  const bool sharded = parsed.Has("--shards");
  if (sharded && !parsed.positional().empty()) {
    return Report(Status::Error("claimgraph score: --shards DIR reads each rank's part from DIR; give no casefile "
                                "besides it (see 'claimgraph score --help')"),
                  err);
  }
  if (sharded && parsed.Has("--as-of")) {
    return Report(Status::Error("claimgraph score --shards: --as-of is not supported with shards (the counts of "
                                "what the date leaves out would be each part's own); give the casefiles with "
                                "--distributed instead"),
                  err);
  }
  if (!sharded && parsed.positional().empty()) {
    return Report(Status::Error("claimgraph score: no casefile given (see 'claimgraph score --help')"), err);
  }
  std::string format = parsed.Value("--format", "table");
  if (format != "table" && format != "json" && format != "csv") {
    return Report(Status::Error("claimgraph score: unknown format '" + format + "' (choose table, json or csv)"), err);
  }
  Result<ScoreOptions> options = ScoreOptionsFromArguments(parsed, "score");
  if (!options.ok()) return Report(options.status(), err);
  if (Status as_of = CheckAsOfArgument(parsed, "score"); !as_of.ok()) return Report(as_of, err);
  // Every format prints counts and verdicts only: no chains, and no claim keeps its groups
  // or an explanation sentence (the verdict and the counts are taken as they are formed).
  options->record_chains = false;
  options->keep_groups = false;

  const std::string output = parsed.Value("--output", "-");
  if (!OutputIsNotAnInput(output, parsed.positional(), err, exit_code)) return exit_code;

  std::unique_ptr<distributed::DistributedSession> session;  // MPI from here to the return
  if (parsed.Has("--distributed") || sharded) {
    auto started = distributed::DistributedSession::Start(
        options->method, options->reliability_method,
        sharded ? "claimgraph score --shards" : "claimgraph score --distributed");
    if (!started.ok()) return Report(started.status(), err);
    session = std::move(started.value());
  }
  if (sharded) return ScoreShards(parsed.Value("--shards"), options.value(), format, output, *session, out, err);
  LoadResult loaded = LoadCaseInputs(parsed.positional());
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  const std::optional<AsOfReport> as_of = ApplyAsOf(parsed, "score", loaded.graph, err);
  if (session) {
    if (Status same = session->CheckSameInput(*loaded.graph); !same.ok()) return Report(same, err);
  }
  Result<CorroborationResult> result = Score(*loaded.graph, options.value());
  if (!result.ok()) return Report(result.status(), err);
  if (session && !session->WritesOutput()) return ExitCode::kOk;

  OutputWriter writer(output, out);
  WriteScores(*loaded.graph, result.value(), format, as_of ? &*as_of : nullptr,
              score::ResolveThreadCount(options->threads), writer);
  const ExitCode finished = writer.Finish(err);
  LeaveToProcessExit(result);
  LeaveToProcessExit(loaded);
  return finished;
}

}  // namespace claimgraph::cli
