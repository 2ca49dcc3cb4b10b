#include "render/graphviz_adapter.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace claimgraph::render {
namespace {

// Graphviz is not thread-safe: one caller at a time, process-wide.
std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// One context per process: gvContext() registers the plugins and is never freed, because
// gvFreeContext() does not release everything and a second context leaks again.
GVC_t* Context() {
  static GVC_t* const context = gvContext();
  return context;
}

// Collects the messages that cgraph and gvc would print to stderr, so that a failure is
// reported as a Status rather than as stray text.
std::string& CollectedMessages() {
  static std::string messages;
  return messages;
}
int CollectMessage(char* message) {
  CollectedMessages() += message;
  return 0;
}

// Holds the mutex and routes Graphviz's messages into CollectedMessages() for one call.
class GraphvizSession {
 public:
  GraphvizSession() : lock_(GraphvizMutex()) {
    CollectedMessages().clear();
    previous_ = agseterrf(CollectMessage);
  }
  ~GraphvizSession() { agseterrf(previous_); }
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  // "Graphviz: <what>: <messages>" with the messages on one line.
  static Status Failure(const std::string& what) {
    std::string messages = CollectedMessages();
    std::replace(messages.begin(), messages.end(), '\n', ' ');
    while (!messages.empty() && messages.back() == ' ') messages.pop_back();
    return Status::Error("Graphviz: " + what + (messages.empty() ? "" : ": " + messages),
                         ExitCode::kInternalError);
  }

 private:
  std::lock_guard<std::mutex> lock_;
  agusererrf previous_ = nullptr;
};

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPointer = std::unique_ptr<Agraph_t, GraphCloser>;

// cgraph wants char*; it copies every string it is given.
char* Mutable(const std::string& text) { return const_cast<char*>(text.c_str()); }
char* Mutable(const char* text) { return const_cast<char*>(text); }

void SetAttributes(void* object, const Attributes& attributes) {
  for (const Attribute& attribute : attributes) {
    agsafeset(object, Mutable(attribute.name), Mutable(attribute.value), Mutable(""));
  }
}

void SetDefaults(Agraph_t* graph, int kind, const Attributes& attributes) {
  for (const Attribute& attribute : attributes) {
    agattr(graph, kind, Mutable(attribute.name), Mutable(attribute.value));
  }
}

// Builds the graph in the order WriteDot writes it, so that both produce the same graph.
GraphPointer Build(const Drawing& drawing) {
  Agdesc_t directed = Agdirected;
  GraphPointer graph(agopen(Mutable(drawing.name), directed, nullptr));
  if (!graph) return graph;
  Agraph_t* root = graph.get();
  SetDefaults(root, AGRAPH, drawing.graph_attributes);
  SetDefaults(root, AGNODE, drawing.node_defaults);
  SetDefaults(root, AGEDGE, drawing.edge_defaults);
  std::vector<Agraph_t*> clusters;
  for (const DrawCluster& cluster : drawing.clusters) {
    Agraph_t* subgraph = agsubg(root, Mutable(cluster.name), 1);
    SetAttributes(subgraph, cluster.attributes);
    clusters.push_back(subgraph);
  }
  std::vector<Agnode_t*> nodes(drawing.nodes.size());
  const auto add_node = [&](uint32_t i) {
    const DrawNode& node = drawing.nodes[i];
    Agraph_t* parent = node.cluster == kNoCluster ? root : clusters[node.cluster];
    nodes[i] = agnode(parent, Mutable(node.name), 1);
    SetAttributes(nodes[i], node.attributes);
  };
  for (uint32_t cluster = 0; cluster < clusters.size(); ++cluster) {
    for (uint32_t i = 0; i < drawing.nodes.size(); ++i) {
      if (drawing.nodes[i].cluster == cluster) add_node(i);
    }
  }
  for (uint32_t i = 0; i < drawing.nodes.size(); ++i) {
    if (drawing.nodes[i].cluster == kNoCluster) add_node(i);
  }
  for (const DrawEdge& edge : drawing.edges) {
    Agedge_t* added = agedge(root, nodes[edge.tail], nodes[edge.head], nullptr, 1);
    SetAttributes(added, edge.attributes);
  }
  return graph;
}

InspectedGraph::Values ValuesOf(Agraph_t* root, void* object, int kind) {
  InspectedGraph::Values values;
  for (Agsym_t* symbol = agnxtattr(root, kind, nullptr); symbol != nullptr;
       symbol = agnxtattr(root, kind, symbol)) {
    const char* value = agxget(object, symbol);
    if (value != nullptr && *value != '\0') values.emplace(symbol->name, value);
  }
  return values;
}

InspectedGraph Inspect(Agraph_t* root) {
  InspectedGraph inspected;
  inspected.graph_attributes = ValuesOf(root, root, AGRAPH);
  for (Agnode_t* node = agfstnode(root); node != nullptr; node = agnxtnode(root, node)) {
    inspected.nodes[agnameof(node)].attributes = ValuesOf(root, node, AGNODE);
  }
  for (Agraph_t* subgraph = agfstsubg(root); subgraph != nullptr; subgraph = agnxtsubg(subgraph)) {
    const std::string name = agnameof(subgraph);
    inspected.clusters[name] = ValuesOf(root, subgraph, AGRAPH);
    for (Agnode_t* node = agfstnode(subgraph); node != nullptr; node = agnxtnode(subgraph, node)) {
      inspected.nodes[agnameof(node)].cluster = name;
    }
  }
  for (Agnode_t* node = agfstnode(root); node != nullptr; node = agnxtnode(root, node)) {
    for (Agedge_t* edge = agfstout(root, node); edge != nullptr; edge = agnxtout(root, edge)) {
      inspected.edges.emplace_back(agnameof(agtail(edge)), agnameof(aghead(edge)),
                                   ValuesOf(root, edge, AGEDGE));
    }
  }
  std::sort(inspected.edges.begin(), inspected.edges.end());
  return inspected;
}

}  // namespace

Result<std::string> LayoutAndRender(const Drawing& drawing, const std::string& engine,
                                    const std::string& format) {
  GraphvizSession session;
  GVC_t* context = Context();
  if (context == nullptr) return GraphvizSession::Failure("cannot create a context");
  GraphPointer graph = Build(drawing);
  if (!graph) return GraphvizSession::Failure("cannot build the graph");
  if (gvLayout(context, graph.get(), Mutable(engine)) != 0) {
    // gvLayout frees what it allocated when it fails.
    return GraphvizSession::Failure("layout with '" + engine + "' failed");
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(context, graph.get(), Mutable(format), &data, &length);
  std::string bytes;
  if (rendered == 0 && data != nullptr) bytes.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context, graph.get());
  if (rendered != 0) return GraphvizSession::Failure("rendering as '" + format + "' failed");
  return bytes;
}

Result<InspectedGraph> ReadDot(std::string_view text) {
  GraphvizSession session;
  const std::string terminated(text);  // agmemread needs a NUL-terminated string
  GraphPointer graph(agmemread(terminated.c_str()));
  if (!graph) return GraphvizSession::Failure("cannot read the DOT text");
  return Inspect(graph.get());
}

Result<InspectedGraph> InspectDrawing(const Drawing& drawing) {
  GraphvizSession session;
  GraphPointer graph = Build(drawing);
  if (!graph) return GraphvizSession::Failure("cannot build the graph");
  return Inspect(graph.get());
}

}  // namespace claimgraph::render
