#include "cli/commands.h"
#include "cli/process_exit.h"

int main(int argc, char** argv) {
  // This process ends with the command: what it built is left to the exit (cli/process_exit.h).
  claimgraph::cli::SetProcessEndsWithCommand();
  return claimgraph::cli::Main(argc, argv);
}
