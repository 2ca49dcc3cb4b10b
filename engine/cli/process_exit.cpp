#include "cli/process_exit.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace claimgraph::cli {
namespace {

std::atomic<bool> process_ends_with_command{false};

// Allocated once and never destroyed: no destructor runs for it at exit, and what it holds
// stays reachable from a static pointer.
std::vector<std::shared_ptr<void>>& KeptUntilExit() {
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  return *kept;
}

std::mutex kept_mutex;

}  // namespace

void SetProcessEndsWithCommand(bool ends) { process_ends_with_command = ends; }

bool ProcessEndsWithCommand() { return process_ends_with_command; }

void KeepUntilExit(std::shared_ptr<void> pointer) {
  const std::lock_guard<std::mutex> lock(kept_mutex);
  KeptUntilExit().push_back(std::move(pointer));
}

}  // namespace claimgraph::cli
