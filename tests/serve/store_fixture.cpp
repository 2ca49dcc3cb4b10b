// A test tool: `store_fixture DESK.db CASEFILE...` creates the store DESK.db holding the
// casefiles (claimgraph/store.h), as `claimgraph store init` and `store add` do, and
// `store_fixture --export DESK.db` prints it as a casefile (`store export`), so that the
// serve tests (tests/serve/*.py) and benchmarks have a store without depending on the CLI.
#include <iostream>

#include "claimgraph/files.h"
#include "claimgraph/store.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: store_fixture DESK.db CASEFILE...\n";
    return 2;
  }
  if (std::string(argv[1]) == "--export") {
    claimgraph::Result<claimgraph::CaseStore> opened = claimgraph::CaseStore::Open(argv[2], false);
    if (!opened.ok()) {
      std::cerr << opened.status().message() << "\n";
      return 2;
    }
    claimgraph::Result<std::string> text = opened->ExportCasefile();
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      return 2;
    }
    std::cout << text.value();
    return 0;
  }
  claimgraph::Result<claimgraph::CaseStore> store = claimgraph::CaseStore::Create(argv[1]);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 2;
  }
  for (int i = 2; i < argc; ++i) {
    claimgraph::Result<std::string> text = claimgraph::ReadFile(argv[i]);
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      return 2;
    }
    claimgraph::StoreWrite write = store->Add(text.value(), argv[i], "fixture");
    if (!write.ok()) {
      std::cerr << write.status.message() << "\n";
      return 2;
    }
  }
  return 0;
}
