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

}  // namespace claimgraph::serve
