// The words of a picture: node labels (short, wrapped), tooltips (everything a reader needs
// to check the record: the quote, the date, the url) and links. Plain text with '\n' line
// breaks; the caller escapes it for Graphviz (escape.h).
#ifndef CLAIMGRAPH_RENDER_LABELS_H_
#define CLAIMGRAPH_RENDER_LABELS_H_

#include <string>
#include <string_view>

#include "claimgraph/boost_graph.h"
#include "claimgraph/graph.h"

namespace claimgraph::render {

class Labels {
 public:
  explicit Labels(const ProvenanceGraph& graph) : graph_(graph) {}

  // Source: its title, then "publisher · kind · date". Claim: its text. Entity: its name and
  // type. Wrapped to about 30 characters a line.
  std::string NodeLabel(NodeRef node) const;
  std::string NodeTooltip(NodeRef node, bool interested) const;
  // A source's or entity's url, a claim's first published verdict; may be empty.
  std::string_view NodeUrl(NodeRef node) const;
  // "2 support · 1 refute · 3 report", counting assertions.
  std::string ReportCounts(Index claim) const;

  std::string EdgeTooltip(NodeRef tail, NodeRef head, const EdgeProperties& edge) const;
  // An assertion's or citation's source url; empty for the other kinds.
  std::string_view EdgeUrl(NodeRef tail, const EdgeProperties& edge) const;

 private:
  const ProvenanceGraph& graph_;
};

}  // namespace claimgraph::render

#endif  // CLAIMGRAPH_RENDER_LABELS_H_
