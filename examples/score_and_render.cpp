// Embedding claimgraph: load a casefile, score every claim, draw one claim's provenance.
//
//   score_and_render CASEFILE CLAIM OUT.svg
//
// Prints one line per claim, "id,score,verdict" (the score with four decimals, as
// `claimgraph score --format csv` prints it), then writes CLAIM's provenance as SVG to OUT.svg.
// Exit codes as the tool's: 2 for bad input (the loader's diagnostics go to standard error),
// 1 for an internal failure.
#include <claimgraph/files.h>
#include <claimgraph/load.h>
#include <claimgraph/render.h>
#include <claimgraph/score.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

int Fail(const claimgraph::Status& status) {
  std::cerr << status.message() << "\n";
  return static_cast<int>(status.code());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: score_and_render CASEFILE CLAIM OUT.svg\n";
    return 2;
  }
  const std::string casefile = argv[1];
  const std::string claim = argv[2];
  const std::string output = argv[3];

  // The graph owns every record; the scores and the picture only refer to it.
  claimgraph::LoadResult loaded = claimgraph::LoadCasefiles({casefile});
  if (!loaded.ok()) return Fail(loaded.status());
  const claimgraph::ProvenanceGraph& graph = *loaded.graph;

  claimgraph::Result<claimgraph::CorroborationResult> scores = claimgraph::Score(graph);
  if (!scores.ok()) return Fail(scores.status());
  for (const claimgraph::ClaimScore& scored : scores->claims) {
    std::printf("%s,%.4f,%s\n", graph.claims()[scored.claim].id.c_str(), scored.score,
                std::string(claimgraph::Name(scored.verdict)).c_str());
  }

  claimgraph::RenderOptions options;
  options.format = claimgraph::RenderFormat::kSvg;
  options.focus = claim;
  claimgraph::Result<std::string> svg = claimgraph::Render(graph, options);
  if (!svg.ok()) return Fail(svg.status());
  const claimgraph::Status written = claimgraph::WriteFileAtomically(output, svg.value());
  if (!written.ok()) return Fail(written);
  return 0;
}
