// Internal to the serve layer: the scored case that every read is answered from. A snapshot is
// immutable; after each applied write the handler builds a new one and swaps the shared_ptr
// under a mutex, so a read in flight keeps the snapshot it started with and never sees half a
// write, and reads never wait for scoring.
#ifndef CLAIMGRAPH_SERVE_SNAPSHOT_H_
#define CLAIMGRAPH_SERVE_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "claimgraph/status.h"
#include "serve/desk.h"
#include "serve/http_message.h"

namespace claimgraph::serve {

struct Snapshot {
  Snapshot(int64_t revision, ProvenanceGraph graph, CorroborationResult scores)
      : revision(revision), graph(std::move(graph)), scores(std::move(scores)) {}
  int64_t revision;
  ProvenanceGraph graph;
  CorroborationResult scores;  // Score(graph) with the default options, chains recorded

  // The answers already given at this revision, by request target: a snapshot never changes,
  // so neither do they. At most kMaxCachedResponses are kept (distinct query strings are the
  // client's to choose: the cache must not grow without bound).
  static constexpr size_t kMaxCachedResponses = 256;
  std::optional<HttpResponse> Cached(const std::string& target) const;
  void Cache(const std::string& target, const HttpResponse& response) const;

 private:
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, HttpResponse, std::less<>> cache_;
};

// Loads and scores the desk's case as it is now.
Result<std::shared_ptr<const Snapshot>> BuildSnapshot(const Desk& desk);

// The current snapshot, replaced as a whole.
class SnapshotCell {
 public:
  std::shared_ptr<const Snapshot> Get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return snapshot_;
  }
  void Set(std::shared_ptr<const Snapshot> snapshot) {
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot_ = std::move(snapshot);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_SNAPSHOT_H_
