// `claimgraph render FILE... -o OUT`: loads the casefiles and draws them (claimgraph/render.h).
#include <algorithm>
#include <charconv>
#include <climits>

#include "claimgraph/load.h"
#include "claimgraph/render.h"
#include "cli/arguments.h"
#include "cli/case_inputs.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/process_exit.h"
#include "cli/score_arguments.h"

namespace claimgraph::cli {
namespace {

const CommandSpec kRenderSpec{
    "render",
    "FILE... -o OUT [OPTIONS]",
    "Draws the casefiles' graph: sources, claims, entities, and who asserts, cites and controls\n"
    "what. OUT ending in .dot, .svg, .png or .pdf chooses the format; images are laid out by\n"
    "Graphviz in this process. docs/visual-language.md explains shapes, colours and lines.",
    {
        {"--output", "-o", "OUT", "the file to write ('-' for standard output, with --format)"},
        {"--format", "", "FORMAT", "dot, svg, png or pdf (default: from OUT's extension)"},
        {"--focus", "", "ID", "draw one claim's provenance, or a source's or entity's neighbourhood"},
        {"--depth", "", "N", "with --focus on a source or entity: steps to follow (default 2)"},
        {"--claims-only", "", "", "only claims, their exclusions and report counts"},
        {"--group-by", "", "GROUP", "none (default), origin (independent evidence groups) or publisher"},
        {"--scores", "", "", "label claims with their corroboration score; fill them by verdict"},
        {"--no-legend", "", "", "leave the legend out"},
        {"--layout", "", "ENGINE", "auto (default: dot up to 300 nodes, sfdp above), dot, neato or sfdp"},
        {"--max-nodes", "", "N", "refuse images of more nodes than this (default 5000)"},
        ThreadsOptionSpec(),
        AsOfOptionSpec(),
    }};

const std::string kPrefix = "claimgraph render: ";
const std::string kHint = " (see 'claimgraph render --help')";

Result<long> ParseWholeNumber(const std::string& option, const std::string& text) {
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Status::Error(kPrefix + option + " must be a whole number, not '" + text + "'" + kHint);
  }
  return value;
}

Result<RenderOptions> OptionsFrom(const ParsedArguments& parsed, const std::string& output) {
  RenderOptions options;
  if (parsed.Has("--format")) {
    std::optional<RenderFormat> format = ParseRenderFormat(parsed.Value("--format"));
    if (!format) {
      return Status::Error(kPrefix + "unknown --format '" + parsed.Value("--format") +
                           "'; use dot, svg, png or pdf" + kHint);
    }
    // An extension that names another format would mislead whoever opens the file (a PNG
    // in x.svg), so the two must agree when both are given.
    const std::optional<RenderFormat> named = RenderFormatOfPath(output);
    if (named && *named != *format) {
      const std::string wanted(Name(*format));
      return Status::Error(kPrefix + "--format " + wanted + " does not match the output '" + output +
                           "', whose extension says " + std::string(Name(*named)) +
                           "; leave --format out or end the output in ." + wanted + kHint);
    }
    options.format = *format;
  } else if (std::optional<RenderFormat> format = RenderFormatOfPath(output)) {
    options.format = *format;
  } else {
    return Status::Error(kPrefix + "cannot tell the format of '" + output +
                         "' from its name; end it in .dot, .svg, .png or .pdf, or give --format" +
                         kHint);
  }
  options.focus = parsed.Value("--focus");
  if (parsed.Has("--depth") && !parsed.Has("--focus")) {
    return Status::Error(kPrefix + "--depth needs --focus ID: it counts the steps from the focused node" + kHint);
  }
  if (parsed.Has("--depth")) {
    Result<long> depth = ParseWholeNumber("--depth", parsed.Value("--depth"));
    if (!depth.ok()) return depth.status();
    if (depth.value() < 1 || depth.value() > INT_MAX) {
      return Status::Error(kPrefix + "--depth must be between 1 and 50, not " + parsed.Value("--depth"));
    }
    options.depth = static_cast<int>(depth.value());
  }
  options.claims_only = parsed.Has("--claims-only");
  if (parsed.Has("--group-by")) {
    std::optional<GroupBy> group_by = ParseGroupBy(parsed.Value("--group-by"));
    if (!group_by) {
      return Status::Error(kPrefix + "unknown --group-by '" + parsed.Value("--group-by") +
                           "'; use none, origin or publisher" + kHint);
    }
    options.group_by = *group_by;
  }
  options.scores = parsed.Has("--scores");
  options.legend = !parsed.Has("--no-legend");
  if (parsed.Has("--layout")) {
    std::optional<LayoutEngine> layout = ParseLayoutEngine(parsed.Value("--layout"));
    if (!layout) {
      return Status::Error(kPrefix + "unknown --layout '" + parsed.Value("--layout") +
                           "'; use auto, dot, neato or sfdp" + kHint);
    }
    options.layout = *layout;
  }
  if (parsed.Has("--max-nodes")) {
    Result<long> max_nodes = ParseWholeNumber("--max-nodes", parsed.Value("--max-nodes"));
    if (!max_nodes.ok()) return max_nodes.status();
    if (max_nodes.value() < 1) return Status::Error(kPrefix + "--max-nodes must be at least 1");
    options.max_nodes = static_cast<size_t>(max_nodes.value());
  }
  Result<size_t> threads = ThreadsFromArguments(parsed, "render");
  if (!threads.ok()) return threads.status();
  options.threads = threads.value();
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  return options;
}

}  // namespace

ExitCode RunRender(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(kRenderSpec, args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().empty()) {
    return Report(Status::Error(kPrefix + "give at least one casefile" + kHint), err);
  }
  const std::string output = parsed.Value("--output");
  if (output.empty()) {
    return Report(Status::Error(kPrefix + "give the output file with -o OUT" + kHint), err);
  }
  Result<RenderOptions> options = OptionsFrom(parsed, output);
  if (!options.ok()) return Report(options.status(), err);
  if (Status as_of = CheckAsOfArgument(parsed, "render"); !as_of.ok()) return Report(as_of, err);

  if (!OutputIsNotAnInput(output, parsed.positional(), err, exit_code)) return exit_code;

  LoadResult loaded = LoadCaseInputs(parsed.positional());
  if (!loaded.ok()) return Report(loaded.status(), err);
  ApplyAsOf(parsed, "render", loaded.graph, err);
  Result<std::string> picture = Render(*loaded.graph, options.value());
  if (!picture.ok()) return Report(picture.status(), err);
  const ExitCode written = WriteOutput(output, picture.value(), out, err);
  LeaveToProcessExit(loaded);
  return written;
}

}  // namespace claimgraph::cli
