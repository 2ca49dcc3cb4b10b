// Rendering benchmark (issue 4).
//
//   render_bench --synthetic [--runs R]   the two goals below, on generated graphs
//   render_bench --casefile FILE...       DOT writing throughput on the loaded casefiles
//
// Goal 1: render a 1,000-node graph to SVG in-process within 10% of the time the `dot`
// command (with the same layout engine, `-K`) takes for the same DOT text. The command's
// time includes starting the process and loading plugins, which is part of what in-process
// rendering saves.
// Goal 2: write the DOT of a million-edge graph at >= 50 MB/s (Render with format dot:
// view, drawing, escaping and writing; the layout-free streaming path).
// Figures are medians of R runs (default 5), wall time, one thread.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/render.h"
#include "render/dot_writer.h"
#include "render/drawing_builder.h"
#include "render/graphviz_adapter.h"
#include "render/view.h"

namespace claimgraph {
namespace {

using Clock = std::chrono::steady_clock;

template <typename Function>
double MedianSeconds(int runs, Function&& function) {
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    function();
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// A deterministic pseudo-random case: `sources` reports asserting claims, citing earlier
// reports, published by outlets that states control.
CaseData SyntheticCase(Index sources, Index claims, Index entities, size_t assertions,
                       size_t citations) {
  CaseData data;
  uint64_t state = 42;
  const auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // Knuth's MMIX LCG
    return static_cast<Index>((state >> 33) % bound);
  };
  for (Index i = 0; i < entities; ++i) {
    Entity entity{.id = "entity-" + std::to_string(i), .name = "Outlet \"" + std::to_string(i) + "\" & Co",
                  .type = i < entities / 10 ? EntityType::kState : EntityType::kOutlet};
    if (i >= entities / 10) entity.controlled_by.push_back(next(std::max<Index>(1, entities / 10)));
    data.entities.push_back(std::move(entity));
  }
  for (Index i = 0; i < sources; ++i) {
    data.sources.push_back({.id = "source-" + std::to_string(i),
                            .title = "Report number " + std::to_string(i) + " on the <drill>",
                            .url = "https://example.org/report/" + std::to_string(i) + "?a=1&b=2",
                            .publisher = entities / 10 + next(entities - entities / 10),
                            .kind = SourceKind::kNewsReport, .published = "2017-12-11"});
  }
  for (Index i = 0; i < claims; ++i) {
    data.claims.push_back({.id = "claim-" + std::to_string(i),
                           .text = "Claim " + std::to_string(i) + ": the drill is not aimed at any third party",
                           .about = {next(entities / 10)}});
  }
  for (size_t i = 0; i < assertions; ++i) {
    data.assertions.push_back({.source = next(sources), .claim = next(claims),
                               .stance = static_cast<Stance>(next(3)),
                               .quote = "A short \"quote\" with a \\ backslash."});
  }
  for (size_t i = 0; i < citations; ++i) {
    const Index from = 1 + next(sources - 1);
    data.citations.push_back({.from = from, .to = next(from)});  // earlier reports: no cycles
  }
  return data;
}

size_t EdgeCount(const ProvenanceGraph& graph) { return boost::num_edges(graph.boost_graph().graph); }

int RunSynthetic(int runs) {
  // Goal 1: about 1,000 nodes, laid out with the engine Render chooses for that size.
  const ProvenanceGraph medium(SyntheticCase(600, 250, 150, 1200, 300));
  RenderOptions options;
  options.format = RenderFormat::kSvg;
  std::string svg;
  const double in_process = MedianSeconds(runs, [&] { svg = Render(medium, options).value(); });
  // The same drawing as DOT text, for the command.
  RenderOptions dot_options = options;
  dot_options.format = RenderFormat::kDot;
  Result<render::View> view = render::SelectView(medium, dot_options);
  const std::string engine = "sfdp";  // Render's choice above kDotLayoutMaxNodes nodes
  const render::Drawing drawing = render::BuildDrawing(medium, view.value(), options, nullptr, engine);
  std::string text;
  render::WriteDot(drawing, text);
  const std::string path = "/tmp/claimgraph-render-bench.dot";
  std::ofstream(path, std::ios::binary) << text;
  const std::string command = "dot -K" + engine + " -Tsvg " + path + " -o /tmp/claimgraph-render-bench.svg";
  const double command_time = MedianSeconds(runs, [&] {
    if (std::system(command.c_str()) != 0) std::fprintf(stderr, "render_bench: %s failed\n", command.c_str());
  });
  std::remove(path.c_str());
  std::remove("/tmp/claimgraph-render-bench.svg");
  std::printf("render %zu nodes, %zu edges (%s) to SVG: in-process %.3f s, `dot -K%s` command %.3f s "
              "(in-process / command = %.2f; goal <= 1.10)\n",
              drawing.data_node_count, EdgeCount(medium), engine.c_str(), in_process, engine.c_str(),
              command_time, in_process / command_time);

  // Goal 2: a million edges, as DOT.
  const ProvenanceGraph large(SyntheticCase(200000, 50000, 20000, 600000, 200000));
  RenderOptions large_options;
  large_options.format = RenderFormat::kDot;
  size_t bytes = 0;
  const double render_dot = MedianSeconds(runs, [&] { bytes = Render(large, large_options).value().size(); });
  Result<render::View> large_view = render::SelectView(large, large_options);
  const render::Drawing large_drawing =
      render::BuildDrawing(large, large_view.value(), large_options, nullptr, "dot");
  const double write_only = MedianSeconds(runs, [&] {
    std::string out;
    render::WriteDot(large_drawing, out);
    bytes = out.size();
  });
  std::printf("DOT of %zu edges, %.1f MB: Render %.3f s = %.1f MB/s (goal >= 50); the text writer "
              "alone %.3f s = %.1f MB/s\n",
              EdgeCount(large), bytes / 1e6, render_dot, bytes / 1e6 / render_dot, write_only,
              bytes / 1e6 / write_only);
  return 0;
}

int RunCasefiles(const std::vector<std::string>& paths, int runs) {
  LoadResult loaded = LoadCasefiles(paths, {.warnings = false});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
    return 1;
  }
  RenderOptions options;
  options.format = RenderFormat::kDot;
  size_t bytes = 0;
  const double seconds =
      MedianSeconds(runs, [&] { bytes = Render(*loaded.graph, options).value().size(); });
  std::printf("DOT of %zu nodes, %zu edges, %.1f MB: %.3f s = %.1f MB/s (median of %d)\n",
              loaded.graph->sources().size() + loaded.graph->claims().size() + loaded.graph->entities().size(),
              EdgeCount(*loaded.graph), bytes / 1e6, seconds, bytes / 1e6 / seconds, runs);
  return 0;
}

}  // namespace
}  // namespace claimgraph

int main(int argc, char** argv) {
  std::vector<std::string> casefiles;
  bool synthetic = false;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--casefile" && i + 1 < argc) casefiles.push_back(argv[++i]);
    else if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--synthetic") synthetic = true;
    else {
      std::fprintf(stderr, "usage: render_bench --synthetic | --casefile FILE... [--runs R]\n");
      return 2;
    }
  }
  if (synthetic) return claimgraph::RunSynthetic(runs);
  if (!casefiles.empty()) return claimgraph::RunCasefiles(casefiles, runs);
  std::fprintf(stderr, "usage: render_bench --synthetic | --casefile FILE... [--runs R]\n");
  return 2;
}
