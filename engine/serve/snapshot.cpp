#include "serve/snapshot.h"

namespace claimgraph::serve {

Result<std::shared_ptr<const Snapshot>> BuildSnapshot(const Desk& desk) {
  const int64_t revision = desk.Revision();
  LoadResult loaded = desk.Load();
  if (!loaded.ok()) return loaded.status();
  Result<CorroborationResult> scores = Score(*loaded.graph);
  if (!scores.ok()) return scores.status();
  return std::shared_ptr<const Snapshot>(
      std::make_shared<Snapshot>(revision, std::move(*loaded.graph), std::move(scores.value())));
}

std::optional<HttpResponse> Snapshot::Cached(const std::string& target) const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto found = cache_.find(target);
  if (found == cache_.end()) return std::nullopt;
  return found->second;
}

void Snapshot::Cache(const std::string& target, const HttpResponse& response) const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() < kMaxCachedResponses) cache_.emplace(target, response);
}

}  // namespace claimgraph::serve
