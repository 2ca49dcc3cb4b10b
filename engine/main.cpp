#include "cli/commands.h"

int main(int argc, char** argv) { return claimgraph::cli::Main(argc, argv); }
