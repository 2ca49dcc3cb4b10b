// What a command leaves to the end of the process (cli/process_exit.h).
#include <doctest/doctest.h>

#include <memory>

#include "cli/process_exit.h"

namespace claimgraph::cli {
namespace {

TEST_CASE("in a process that goes on after the command, the caller keeps and frees its value") {
  REQUIRE_FALSE(ProcessEndsWithCommand());  // only main() sets it
  auto value = std::make_shared<int>(7);
  const std::weak_ptr<int> watch = value;
  LeaveToProcessExit(value);
  REQUIRE(value != nullptr);
  CHECK(*value == 7);
  value.reset();
  CHECK(watch.expired());  // freed with the caller's last reference
}

TEST_CASE("when the process ends with the command, the value outlives the caller, unfreed") {
  SetProcessEndsWithCommand();
  auto value = std::make_shared<int>(11);
  const std::weak_ptr<int> watch = value;
  LeaveToProcessExit(value);
  SetProcessEndsWithCommand(false);
  CHECK(value == nullptr);  // moved out of the caller
  REQUIRE_FALSE(watch.expired());  // still alive, and reachable for the leak checker
  CHECK(*watch.lock() == 11);
}

}  // namespace
}  // namespace claimgraph::cli
