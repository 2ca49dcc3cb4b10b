// Writes a Drawing as DOT text without Graphviz: a single pass that appends to one string,
// fast enough for million-edge graphs that no layout engine could place. cgraph reads the
// text back to exactly the attribute values of the Drawing (tests/render_dot_test.cpp).
#ifndef CLAIMGRAPH_RENDER_DOT_WRITER_H_
#define CLAIMGRAPH_RENDER_DOT_WRITER_H_

#include <string>

#include "render/drawing.h"

namespace claimgraph::render {

// Appends the DOT text of `drawing` to `out`: graph, node and edge defaults, then each
// cluster with its nodes, then the other nodes, then the edges, all in Drawing order.
void WriteDot(const Drawing& drawing, std::string& out);

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_DOT_WRITER_H_
