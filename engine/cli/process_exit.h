// What a command leaves for the end of the process. `claimgraph score` on ten million
// assertions holds tens of millions of heap blocks (texts, rows, records), and freeing them
// one by one after the output is written is time the user waits for and nothing else. When
// the process ends with the command (main says so), a command hands its large structures
// here instead, and the operating system reclaims them at exit in one step. The pointer is
// kept in a static list, so a leak checker sees the memory as reachable: the idiom of
// LLVM's BuryPointer, used by clang for the same reason (-disable-free).
//
// In a process that runs commands one after another (the tests, the desk's server), the
// structures are freed as usual.
#ifndef CLAIMGRAPH_CLI_PROCESS_EXIT_H_
#define CLAIMGRAPH_CLI_PROCESS_EXIT_H_

#include <memory>
#include <utility>

namespace claimgraph::cli {

// Called by main() before the command runs: the process ends when the command returns.
// (A test sets it and sets it back with `false`.)
void SetProcessEndsWithCommand(bool ends = true);
bool ProcessEndsWithCommand();

// Keeps `pointer` alive until the process exits and never deletes it.
void KeepUntilExit(std::shared_ptr<void> pointer);

// When the process ends with the command, moves `value` into storage that lives until
// exit (a move of its containers, not of their elements); otherwise leaves it with the
// caller, to be freed at the end of its scope.
template <typename T>
void LeaveToProcessExit(T& value) {
  if (!ProcessEndsWithCommand()) return;
  KeepUntilExit(std::make_shared<T>(std::move(value)));
}

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_PROCESS_EXIT_H_
