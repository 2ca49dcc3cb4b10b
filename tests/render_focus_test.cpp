// A claim's focus shows both sides of a contested claim (issue 8, item 6): the claims that
// exclude it, the sources that support them (evidence against it) and those that refute
// them (evidence for it), with their chains to the origins.
#include <doctest/doctest.h>

#include <set>

#include "claimgraph/load.h"
#include "claimgraph/render.h"
#include "render/graphviz_adapter.h"

namespace claimgraph {
namespace {

// c1 is supported by r1; c2 excludes c1 and is supported by r2, which quotes r3, and
// refuted by r4; c3 stands apart (asserted by r5).
const char* kContested = R"({"claimgraph": "1.0", "title": "contested",
"sources": [{"id": "r1", "title": "R1", "kind": "news report"}, {"id": "r2", "title": "R2", "kind": "news report"},
            {"id": "r3", "title": "R3", "kind": "statement"}, {"id": "r4", "title": "R4", "kind": "news report"},
            {"id": "r5", "title": "R5", "kind": "news report"}],
"claims": [{"id": "c1", "text": "One"}, {"id": "c2", "text": "Two", "excludes": ["c1"]}, {"id": "c3", "text": "Three"}],
"assertions": [{"source": "r1", "claim": "c1", "stance": "supports"},
               {"source": "r2", "claim": "c2", "stance": "supports"},
               {"source": "r3", "claim": "c2", "stance": "supports"},
               {"source": "r4", "claim": "c2", "stance": "refutes"},
               {"source": "r5", "claim": "c3", "stance": "supports"}],
"citations": [{"from": "r2", "to": "r3", "kind": "quotes"}]})";

std::set<std::string> DrawnIds(const std::string& focus) {
  LoadResult loaded = LoadCasefileTexts({"contested.json"}, {kContested});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  RenderOptions options;
  options.format = RenderFormat::kDot;
  options.focus = focus;
  options.legend = false;
  Result<std::string> dot = Render(*loaded.graph, options);
  REQUIRE_MESSAGE(dot.ok(), dot.status().message());
  Result<render::InspectedGraph> read = render::ReadDot(dot.value());
  REQUIRE(read.ok());
  std::set<std::string> ids;
  for (const auto& [name, node] : read->nodes) ids.insert(node.attributes.at("id"));
  for (const auto& [tail, head, attributes] : read->edges) ids.insert(attributes.at("id"));
  return ids;
}

TEST_CASE("a claim's focus includes the claims that exclude it and the evidence on them") {
  CHECK(DrawnIds("c1") == std::set<std::string>{"c1", "c2", "r1", "r2", "r3", "r4", "assertion:r1:c1",
                                                "assertion:r2:c2", "assertion:r3:c2", "assertion:r4:c2",
                                                "citation:r2:r3", "excludes:c1:c2"});
  // Exclusion is mutual: the focus on c2 shows c1 and its support; c3 is never drawn.
  CHECK(DrawnIds("c2") == DrawnIds("c1"));
  CHECK(DrawnIds("c3") == std::set<std::string>{"c3", "r5", "assertion:r5:c3"});
}

}  // namespace
}  // namespace claimgraph
