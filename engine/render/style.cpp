#include "render/style.h"

#include <string>
#include <vector>

#include "render/escape.h"

namespace claimgraph::render {
namespace {

// Okabe-Ito palette.
constexpr const char* kBluishGreen = "#009E73";
constexpr const char* kVermillion = "#D55E00";
constexpr const char* kBlue = "#0072B2";
constexpr const char* kSkyBlue = "#56B4E9";
constexpr const char* kReddishPurple = "#CC79A7";
constexpr const char* kOrange = "#E69F00";
constexpr const char* kDarkGrey = "#555555";
constexpr const char* kLightGrey = "#999999";

constexpr const char* kFont = "DejaVu Sans";

}  // namespace

Attributes NodeStyle(NodeKind kind) {
  switch (kind) {
    case NodeKind::kSource:  // a document with a folded corner
      return {{"shape", "note"}, {"style", "filled"}, {"fillcolor", "#FFFFFF"},
              {"color", "#333333"}};
    case NodeKind::kClaim:   // a rounded box, filled by verdict when scored
      return {{"shape", "box"}, {"style", "rounded,filled"}, {"fillcolor", "#FFFFFF"},
              {"color", "#000000"}, {"penwidth", "1.5"}};
    case NodeKind::kEntity:  // an ellipse: an actor, not a text
      return {{"shape", "ellipse"}, {"style", "filled"}, {"fillcolor", "#F2F2F2"},
              {"color", "#333333"}};
  }
  return {};
}

Attributes InterestedStyle() { return {{"peripheries", "2"}, {"color", kReddishPurple}}; }

std::string_view VerdictFill(VerdictBand band) {
  // Light tints of the palette, dark text stays readable; the verdict is also written in
  // the label, which is the cue that survives greyscale.
  switch (band) {
    case VerdictBand::kCorroborated: return "#B3E2D1";      // bluish green tint
    case VerdictBand::kSingleOrigin: return "#F7F0A8";      // yellow tint
    case VerdictBand::kSelfReportedOnly: return "#EBCFDF";  // reddish purple tint
    case VerdictBand::kContested: return "#F5D79E";         // orange tint
    case VerdictBand::kRefuted: return "#F2BFA0";           // vermillion tint
    case VerdictBand::kUnsupported: return "#E6E6E6";       // grey
  }
  return "#FFFFFF";
}

Attributes EdgeStyle(EdgeLook look) {
  switch (look.kind) {
    case EdgeKind::kAssertion:
      switch (look.stance) {
        case Stance::kSupports:
          return {{"color", kBluishGreen}, {"style", "solid"}, {"arrowhead", "normal"},
                  {"penwidth", "2"}};
        case Stance::kRefutes:
          return {{"color", kVermillion}, {"style", "dashed"}, {"arrowhead", "tee"},
                  {"penwidth", "2"}};
        case Stance::kReports:
          return {{"color", kBlue}, {"style", "dotted"}, {"arrowhead", "onormal"},
                  {"penwidth", "2"}};
      }
      break;
    // Citations and attributions are about where material came from, not about truth: thin
    // grey lines with hollow heads, drawn apart from the coloured assertions.
    case EdgeKind::kCitation:
      return {{"color", kDarkGrey}, {"style", "solid"}, {"arrowhead", "empty"},
              {"penwidth", "1"}};
    case EdgeKind::kAttribution:
      return {{"color", kDarkGrey}, {"style", "dashed"}, {"arrowhead", "odot"},
              {"penwidth", "1"}};
    case EdgeKind::kPublisher:
      return {{"color", kLightGrey}, {"style", "dotted"}, {"arrowhead", "odiamond"},
              {"penwidth", "1"}};
    case EdgeKind::kControlledBy:
      return {{"color", kReddishPurple}, {"style", "solid"}, {"arrowhead", "diamond"},
              {"penwidth", "1"}};
    case EdgeKind::kAbout:
      return {{"color", kSkyBlue}, {"style", "dotted"}, {"arrowhead", "vee"}, {"penwidth", "1"}};
    case EdgeKind::kExcludes:
      return {{"color", kOrange}, {"style", "bold"}, {"dir", "both"}, {"arrowhead", "tee"},
              {"arrowtail", "tee"}, {"constraint", "false"}};
  }
  return {};
}

std::string_view EdgeCaption(EdgeLook look) {
  switch (look.kind) {
    case EdgeKind::kAssertion: return Name(look.stance);
    case EdgeKind::kCitation: return "cites";
    case EdgeKind::kAttribution: return "attributes to";
    case EdgeKind::kPublisher: return "published by";
    case EdgeKind::kControlledBy: return "controlled by";
    case EdgeKind::kAbout: return "is about";
    case EdgeKind::kExcludes: return "excludes";
  }
  return "";
}

std::string EdgeClass(EdgeLook look) {
  std::string kind(Name(look.kind));
  for (char& c : kind) {
    if (c == ' ') c = '-';  // "controlled by" is one class, "controlled-by"
  }
  if (look.kind == EdgeKind::kAssertion) kind += " " + std::string(Name(look.stance));
  return kind;
}

void SetDrawingDefaults(std::string_view engine, Drawing& drawing) {
  drawing.graph_attributes = {{"fontname", kFont}, {"fontsize", "10"}, {"bgcolor", "white"}};
  if (engine == "dot") {
    drawing.graph_attributes.push_back({"rankdir", "LR"});
    drawing.graph_attributes.push_back({"nodesep", "0.25"});
    drawing.graph_attributes.push_back({"ranksep", "0.6"});
  } else {
    // Force-directed layouts: remove node overlaps, draw straight edges (splines around
    // obstacles take longer than the layout itself on large graphs).
    drawing.graph_attributes.push_back({"overlap", "prism"});
    drawing.graph_attributes.push_back({"outputorder", "edgesfirst"});
  }
  drawing.node_defaults = {{"fontname", kFont}, {"fontsize", "10"}, {"margin", "0.08,0.04"}};
  drawing.edge_defaults = {{"fontname", kFont}, {"fontsize", "9"}};
}

void AddLegend(const LegendContents& contents, Drawing& drawing) {
  const uint32_t cluster = static_cast<uint32_t>(drawing.clusters.size());
  drawing.clusters.push_back({"cluster_legend",
                              {{"label", "Legend"}, {"style", "rounded"}, {"color", kLightGrey},
                               {"id", "legend"}, {"class", "legend"}}});
  const auto add_node = [&](std::string name, Attributes attributes) {
    attributes.push_back({"class", "legend"});
    drawing.nodes.push_back({std::move(name), cluster, std::move(attributes)});
    return static_cast<uint32_t>(drawing.nodes.size() - 1);
  };
  // dot places the legend samples in a grid: an invisible edge from one sample to the next
  // puts them side by side (one rank apart), a missing one starts a new row.
  const auto link = [&](uint32_t from, uint32_t to) {
    drawing.edges.push_back({from, to, {{"style", "invis"}, {"class", "legend"}}});
  };
  std::vector<uint32_t> samples;  // node samples, in rows of kNodesPerRow
  const NodeKind kinds[] = {NodeKind::kSource, NodeKind::kClaim, NodeKind::kEntity};
  for (NodeKind kind : kinds) {
    if (!contents.node_kinds[static_cast<int>(kind)]) continue;
    Attributes attributes = NodeStyle(kind);
    attributes.push_back({"label", std::string(Name(kind))});
    samples.push_back(add_node("legend_" + std::string(Name(kind)), std::move(attributes)));
  }
  if (contents.interested) {
    Attributes attributes = NodeStyle(NodeKind::kSource);
    for (Attribute& attribute : InterestedStyle()) {
      SetAttribute(attributes, attribute.name, attribute.value);
    }
    attributes.push_back({"label", "interested\\n(has a stake in the claim)"});
    samples.push_back(add_node("legend_interested", std::move(attributes)));
  }
  for (VerdictBand band : contents.verdicts) {
    Attributes attributes = NodeStyle(NodeKind::kClaim);
    SetAttribute(attributes, "fillcolor", std::string(VerdictFill(band)));
    attributes.push_back({"label", EscapeText(Name(band))});
    samples.push_back(add_node("legend_verdict_" + std::to_string(static_cast<int>(band)),
                               std::move(attributes)));
  }
  constexpr size_t kNodesPerRow = 4;
  for (size_t i = 1; i < samples.size(); ++i) {
    if (i % kNodesPerRow != 0) link(samples[i - 1], samples[i]);
  }
  constexpr size_t kEdgesPerRow = 3;
  uint32_t previous_end = 0;
  for (size_t sample = 0; sample < contents.edges.size(); ++sample) {
    // The caption as a plain-text node with a short sample edge to an invisible point.
    const EdgeLook look = contents.edges[sample];
    const std::string name = "legend_edge_" + std::to_string(sample);
    const uint32_t tail = add_node(name, {{"shape", "plaintext"}, {"height", "0.2"},
                                          {"label", EscapeText(EdgeCaption(look))}});
    const uint32_t head =
        add_node(name + "_end", {{"shape", "point"}, {"width", "0.02"}, {"style", "invis"}});
    Attributes attributes = EdgeStyle(look);
    SetAttribute(attributes, "constraint", "true");  // an exclusion sample must still rank
    attributes.push_back({"class", "legend " + EdgeClass(look)});
    drawing.edges.push_back({tail, head, std::move(attributes)});
    if (sample % kEdgesPerRow != 0) link(previous_end, tail);
    previous_end = head;
  }
}

}  // namespace claimgraph::render
