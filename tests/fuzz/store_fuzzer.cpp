// Feeds arbitrary bytes to the case store's writes: the input, split at the first NUL, is a
// casefile fragment to add and a record to put over the claim "drill", on a fresh store
// holding a small case. Besides the sanitizers' checks it asserts the store's contract:
// a write either applies (the revision moves by one) or changes nothing (same revision,
// byte-identical export), and whatever is stored always loads without error.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "claimgraph/load.h"
#include "claimgraph/store.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

constexpr const char* kCase = R"({"claimgraph": "1.0",
  "entities": [{"id": "ministry", "name": "Ministry", "type": "state"}],
  "sources": [{"id": "statement", "title": "Statement", "kind": "statement", "publisher": "ministry"}],
  "claims": [{"id": "drill", "text": "A drill"}, {"id": "no-drill", "text": "No drill", "excludes": ["drill"]}],
  "assertions": [{"source": "statement", "claim": "drill", "stance": "supports"}]})";

void CheckWrite(claimgraph::CaseStore& store, const claimgraph::StoreWrite& write, int64_t revision,
                const std::string& before) {
  const claimgraph::Result<std::string> after = store.ExportCasefile();
  Require(after.ok());
  if (write.ok()) {
    Require(store.Revision() == revision + 1 && write.revision == revision + 1);
  } else {
    Require(store.Revision() == revision);
    Require(after.value() == before);
    Require(!write.status.ok() && !write.status.message().empty());
  }
  const claimgraph::LoadResult loaded = claimgraph::LoadCasefileTexts({"export"}, {after.value()});
  Require(loaded.ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\0');
  const std::string_view fragment = input.substr(0, split);
  const std::string_view record = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);

  static const std::string path = "/tmp/claimgraph-store-fuzzer-" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
  claimgraph::Result<claimgraph::CaseStore> store = claimgraph::CaseStore::Create(path);
  Require(store.ok());
  Require(store->Add(kCase, "case.json", "fuzz").ok());

  std::string before = store->ExportCasefile().value();
  claimgraph::StoreWrite added = store->Add(fragment, "fragment.json", "fuzz");
  CheckWrite(store.value(), added, 1, before);
  if (!record.empty()) {
    const int64_t revision = store->Revision();
    before = store->ExportCasefile().value();
    claimgraph::StoreWrite put = store->Put("claims", "drill", record, "record.json", "fuzz");
    CheckWrite(store.value(), put, revision, before);
  }
  return 0;
}
