// `claimgraph score FILE... [--method M] [--format table|json|csv]`: each claim's score
// (its probability of being true), belief, verdict, reports, origins for and against,
// interested origins; then the trust of every source.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sstream>

#include "claimgraph/load.h"
#include "claimgraph/score.h"
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/score_arguments.h"
#include "distributed/distributed_scoring.h"
#include "score/corroboration.h"
#include "model/utf8.h"
#include "score/explanation.h"

namespace claimgraph::cli {
namespace {

using score::FormatDecimal;

// Widths, in characters, of the table's text columns; longer text ends in "…".
constexpr size_t kTableTextWidth = 40;
constexpr size_t kTableQuestionWidth = 24;
constexpr size_t kTableValueWidth = 16;

// The shortest decimal that reads back as the same double (std::to_chars), for JSON and
// CSV: a reader gets exactly the number the scorer computed.
std::string ShortestDecimal(double value) {
  char text[32];
  const std::to_chars_result written = std::to_chars(text, text + sizeof text, value);
  return std::string(text, written.ptr);
}

// `text` for a terminal cell: control characters (a user's text could carry terminal escape
// sequences) become spaces, malformed UTF-8 becomes U+FFFD, and the text is cut to `width`
// characters, ending in "…" when cut; padded with spaces to `width` when `pad`.
std::string TerminalCell(std::string_view text, size_t width, bool pad) {
  std::string cell;
  size_t characters = 0, at = 0;
  while (at < text.size()) {
    const size_t length = Utf8SequenceLength(text, at);
    if (characters + 1 == width && at + std::max<size_t>(length, 1) < text.size()) {
      cell += "\xE2\x80\xA6";  // U+2026, the text goes on
      ++characters;
      break;
    }
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (length == 0) {
      cell += kReplacementCharacter;
    } else if (lead < 0x20 || lead == 0x7F) {
      cell += ' ';
    } else {
      cell.append(text.substr(at, length));
    }
    at += std::max<size_t>(length, 1);
    ++characters;
  }
  if (pad && characters < width) cell.append(width - characters, ' ');
  return cell;
}

// "as_of": what the date filter left out and kept (claimgraph/as_of.h).
template <typename Writer>
void WriteAsOf(Writer& writer, const AsOfReport& report) {
  writer.Key("as_of");
  writer.StartObject();
  writer.Key("date");
  writer.String(report.date);
  writer.Key("sources_left_out");
  writer.Uint64(report.sources_left_out);
  writer.Key("assertions_left_out");
  writer.Uint64(report.assertions_left_out);
  writer.Key("citations_left_out");
  writer.Uint64(report.citations_left_out);
  writer.Key("verdicts_left_out");
  writer.Uint64(report.verdicts_left_out);
  writer.Key("undated_sources_kept");
  writer.Uint64(report.undated_sources_kept);
  writer.Key("undated_verdicts_kept");
  writer.Uint64(report.undated_verdicts_kept);
  writer.EndObject();
}

CommandSpec MakeSpec() {
  CommandSpec spec = {
      .name = "score",
      .usage = "FILE... [--method M] [--format table|json|csv] [-o OUT]",
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

// The evidence groups on each side: supporting the claim, and against it (refuting it, or
// supporting a claim it competes with). Printed apart so that a count never mixes sides.
struct GroupCounts {
  size_t supporting = 0, against = 0;
};

GroupCounts CountSides(const ClaimScore& scored) {
  GroupCounts counts;
  for (const EvidenceGroup& group : scored.groups) {
    ++(group.stance == Stance::kSupports ? counts.supporting : counts.against);
  }
  return counts;
}

std::string Table(const ProvenanceGraph& graph, const CorroborationResult& result) {
  size_t id_width = 5;
  for (const Claim& claim : graph.claims()) id_width = std::max(id_width, claim.id.size());
  const bool has_questions = std::any_of(graph.claims().begin(), graph.claims().end(),
                                         [](const Claim& claim) { return !claim.question.empty(); });
  std::string text = Padded("claim", id_width) +
                     "  score   verdict             reports  for  against  interested  " +
                     (has_questions ? Padded("question", kTableQuestionWidth) + "  " +
                                          Padded("value", kTableValueWidth) + "  "
                                    : std::string()) +
                     "text\n";
  for (const ClaimScore& scored : result.claims) {
    const Claim& claim = graph.claims()[scored.claim];
    const GroupCounts sides = CountSides(scored);
    text += Padded(claim.id, id_width) + "  " + FormatDecimal(scored.score) + "  " +
            Padded(std::string(Name(scored.verdict)), 18) + "  " +
            RightAligned(std::to_string(scored.reports), 7) + "  " +
            RightAligned(std::to_string(sides.supporting), 3) + "  " +
            RightAligned(std::to_string(sides.against), 7) + "  " +
            RightAligned(std::to_string(scored.interested_origins), 10) + "  ";
    if (has_questions) {
      text += TerminalCell(claim.question, kTableQuestionWidth, true) + "  " +
              TerminalCell(claim.value, kTableValueWidth, true) + "  ";
    }
    text += TerminalCell(claim.text, kTableTextWidth, false) + "\n";
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
// holds the whole result. Numbers in the shortest form that reads back to the same double.
std::string Csv(const ProvenanceGraph& graph, const CorroborationResult& result) {
  std::string text =
      "kind,id,question,value,score,belief,verdict,reports,supporting_reports,refuting_reports,"
      "origins_for,origins_against,interested_origins,trust,prior,text\n";
  for (const ClaimScore& scored : result.claims) {
    const Claim& claim = graph.claims()[scored.claim];
    const GroupCounts sides = CountSides(scored);
    text += "claim," + CsvField(claim.id) + "," + CsvField(claim.question) + "," + CsvField(claim.value) + "," +
            ShortestDecimal(scored.score) + "," + ShortestDecimal(scored.belief) + "," +
            std::string(Name(scored.verdict)) + "," + std::to_string(scored.reports) + "," +
            std::to_string(scored.supporting_reports) + "," + std::to_string(scored.refuting_reports) + "," +
            std::to_string(sides.supporting) + "," + std::to_string(sides.against) + "," +
            std::to_string(scored.interested_origins) + ",,," + CsvField(claim.text) + "\n";
  }
  for (size_t s = 0; s < graph.sources().size(); ++s) {
    const Source& source = graph.sources()[s];
    text += "source," + CsvField(source.id) + ",,,,,,,,,,,," + ShortestDecimal(result.source_trust[s]) + "," +
            (source.reliability ? ShortestDecimal(*source.reliability) : std::string()) + ",\n";
  }
  return text;
}

std::string Json(const ProvenanceGraph& graph, const CorroborationResult& result, const AsOfReport* as_of) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  auto number = [&](double value) {
    std::string text = ShortestDecimal(value);
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
  if (as_of != nullptr) WriteAsOf(writer, *as_of);
  writer.Key("claims");
  writer.StartArray();
  for (const ClaimScore& scored : result.claims) {
    const Claim& claim = graph.claims()[scored.claim];
    const GroupCounts sides = CountSides(scored);
    writer.StartObject();
    writer.Key("id");
    writer.String(claim.id);
    writer.Key("question");
    writer.String(claim.question);
    writer.Key("value");
    writer.String(claim.value);
    writer.Key("score");
    number(scored.score);
    writer.Key("belief");
    number(scored.belief);
    writer.Key("verdict");
    writer.String(std::string(Name(scored.verdict)));
    writer.Key("reports");
    writer.Uint64(scored.reports);
    writer.Key("supporting_reports");
    writer.Uint64(scored.supporting_reports);
    writer.Key("refuting_reports");
    writer.Uint64(scored.refuting_reports);
    writer.Key("origins_for");
    writer.Uint64(sides.supporting);
    writer.Key("origins_against");
    writer.Uint64(sides.against);
    writer.Key("independent_origins");
    writer.Uint64(scored.independent_origins);
    writer.Key("interested_origins");
    writer.Uint64(scored.interested_origins);
    writer.Key("text");
    writer.String(claim.text);
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
  if (parsed.positional().empty()) {
    return Report(Status::Error("claimgraph score: no casefile given (see 'claimgraph score --help')"), err);
  }
  std::string format = parsed.Value("--format", "table");
  if (format != "table" && format != "json" && format != "csv") {
    return Report(Status::Error("claimgraph score: unknown format '" + format + "' (choose table, json or csv)"), err);
  }
  Result<ScoreOptions> options = ScoreOptionsFromArguments(parsed, "score");
  if (!options.ok()) return Report(options.status(), err);
  if (Status as_of = CheckAsOfArgument(parsed, "score"); !as_of.ok()) return Report(as_of, err);
  options->record_chains = false;  // the table shows counts only

  const std::string output = parsed.Value("--output", "-");
  if (!OutputIsNotAnInput(output, parsed.positional(), err, exit_code)) return exit_code;

  std::unique_ptr<distributed::DistributedSession> session;  // MPI from here to the return
  if (parsed.Has("--distributed")) {
    auto started = distributed::DistributedSession::Start(options->method, options->reliability_method);
    if (!started.ok()) return Report(started.status(), err);
    session = std::move(started.value());
  }
  LoadResult loaded = LoadCasefiles(parsed.positional());
  if (!loaded.ok()) return Report(loaded.status(), err);
  for (const Diagnostic& diagnostic : loaded.diagnostics) err << diagnostic.ToString() << "\n";
  const std::optional<AsOfReport> as_of = ApplyAsOf(parsed, "score", loaded.graph, err);
  if (session) {
    if (Status same = session->CheckSameInput(*loaded.graph); !same.ok()) return Report(same, err);
  }
  Result<CorroborationResult> result = Score(*loaded.graph, options.value());
  if (!result.ok()) return Report(result.status(), err);
  if (session && !session->WritesOutput()) return ExitCode::kOk;

  const std::string text = format == "json" ? Json(*loaded.graph, result.value(), as_of ? &*as_of : nullptr)
                           : format == "csv" ? Csv(*loaded.graph, result.value())
                                             : Table(*loaded.graph, result.value());
  return WriteOutput(output, text, out, err);
}

}  // namespace claimgraph::cli
