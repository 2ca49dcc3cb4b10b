// The desk's HTTP API as a pure function: a request in, a response out, no sockets. The
// routes are in one table (engine/serve/routes.cpp); reads are answered from the current
// scored snapshot, writes go to the desk one at a time and then rebuild the snapshot.
// docs/api.md documents every route; engine/serve/openapi.json is the same as OpenAPI 3.
#ifndef CLAIMGRAPH_SERVE_HANDLER_H_
#define CLAIMGRAPH_SERVE_HANDLER_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "claimgraph/status.h"
#include "serve/auth.h"
#include "serve/desk.h"
#include "serve/http_message.h"
#include "serve/snapshot.h"

namespace claimgraph::serve {

struct HandlerOptions {
  std::vector<AccessToken> tokens;  // no tokens: every write is refused
  bool private_reads = false;       // reads need a token too (a read token or a write token)
  // The origins the page is served from ("http://127.0.0.1:8080"). A write whose Origin is
  // another is refused, and so is a request whose Host is not one of these origins' hosts
  // (DNS rebinding). Empty: every Host is accepted and only Sec-Fetch-Site is checked.
  std::vector<std::string> origins;
  size_t max_body_bytes = 1 << 20;  // larger bodies are refused with 413
};

class DeskHandler {
 public:
  // Loads and scores the desk once; fails when its case does not load.
  static Result<std::unique_ptr<DeskHandler>> Create(std::unique_ptr<Desk> desk, HandlerOptions options);

  // Answers one request. Thread-safe: reads run in parallel, writes one at a time.
  HttpResponse Handle(const HttpRequest& request);

  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.Get(); }
  const HandlerOptions& options() const { return options_; }
  // Sets HandlerOptions::origins once the port is known. REQUIRES: before the first Handle().
  void set_origins(std::vector<std::string> origins) { options_.origins = std::move(origins); }

  // For the write routes (engine/serve/write_routes.cpp): runs `write` on the desk under the
  // write lock and, when it applied, rebuilds the snapshot before the lock is released, so a
  // client that saw its write acknowledged reads it back.
  template <typename Change>
  DeskWrite Write(Change&& write) {
    std::lock_guard<std::mutex> lock(write_mutex_);
    DeskWrite outcome = write(*desk_);
    if (outcome.outcome == DeskWrite::Outcome::kApplied) Refresh(outcome);
    return outcome;
  }
  Result<std::vector<DeskChange>> History(std::optional<std::string_view> record_id) const {
    std::lock_guard<std::mutex> lock(write_mutex_);
    return desk_->History(record_id);
  }

 private:
  DeskHandler(std::unique_ptr<Desk> desk, HandlerOptions options, std::shared_ptr<const Snapshot> snapshot);
  void Refresh(DeskWrite& outcome);
  bool CrossOrigin(const HttpRequest& request) const;

  std::unique_ptr<Desk> desk_;
  HandlerOptions options_;
  SnapshotCell snapshot_;
  mutable std::mutex write_mutex_;
};

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_HANDLER_H_
