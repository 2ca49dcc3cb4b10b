// Case store benchmark (issue 10): what one write costs when every write re-runs the whole
// loader over the stored case plus the new records (so that nothing invalid is stored).
//
//   store_bench --casefile FILE... [--writes N]
//
// For each casefile, in a fresh store in a scratch directory: the `store add` of the whole
// casefile, one export, then N (default 5) small writes (add one claim, put it, delete it),
// each timed (one of each past 200,000 records); prints the median of each kind, and the
// store file's size.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

bool Fail(const std::string& what, const claimgraph::Status& status) {
  std::fprintf(stderr, "store_bench: %s: %s\n", what.c_str(), status.message().c_str());
  return false;
}

bool Run(const std::string& casefile, int writes) {
  std::ifstream in(casefile, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  char scratch[] = "/tmp/store-bench-XXXXXX";
  if (::mkdtemp(scratch) == nullptr) return false;
  const std::string path = std::string(scratch) + "/desk.db";

  Clock::time_point start = Clock::now();
  claimgraph::Result<claimgraph::CaseStore> store = claimgraph::CaseStore::Create(path);
  if (!store.ok()) return Fail("create", store.status());
  claimgraph::StoreWrite added = store->Add(text, casefile, "bench");
  const double add_seconds = Seconds(start);
  if (!added.ok()) return Fail("add", added.status);
  start = Clock::now();
  claimgraph::Result<std::string> exported = store->ExportCasefile();
  const double export_seconds = Seconds(start);
  if (!exported.ok()) return Fail("export", exported.status());

  // Past a desk-sized case each write is a whole load: one of each keeps scripts/bench bounded.
  if (added.ids.size() > 200000) writes = 1;
  std::vector<double> add_one, put_one, delete_one;
  for (int i = 0; i < writes; ++i) {
    const std::string id = "bench-claim-" + std::to_string(i);
    start = Clock::now();
    claimgraph::StoreWrite write =
        store->Add("{\"claimgraph\": \"1.0\", \"claims\": [{\"id\": \"" + id + "\", \"text\": \"t\"}]}", "add", "bench");
    add_one.push_back(Seconds(start));
    if (!write.ok()) return Fail("add one", write.status);
    start = Clock::now();
    write = store->Put("claims", id, "{\"id\": \"" + id + "\", \"text\": \"u\"}", "put", "bench");
    put_one.push_back(Seconds(start));
    if (!write.ok()) return Fail("put", write.status);
    start = Clock::now();
    write = store->Delete("claims", id, "bench");
    delete_one.push_back(Seconds(start));
    if (!write.ok()) return Fail("delete", write.status);
  }
  struct stat status{};
  ::stat(path.c_str(), &status);
  std::printf("records %zu: store add %.3f s (%.0f records/s), export %.3f s (%.1f MB)\n", added.ids.size(),
              add_seconds, static_cast<double>(added.ids.size()) / add_seconds, export_seconds,
              static_cast<double>(exported.value().size()) / 1e6);
  std::printf("one-record writes (median of %d): add %.3f s, put %.3f s, delete %.3f s; store file %.1f MB\n",
              writes, Median(add_one), Median(put_one), Median(delete_one), static_cast<double>(status.st_size) / 1e6);
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
  ::rmdir(scratch);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int writes = 5;
  bool usage = argc < 2;
  for (int i = 1; i < argc && !usage; ++i) {
    const std::string arg = argv[i];
    if (arg == "--casefile" && i + 1 < argc) files.push_back(argv[++i]);
    else if (arg == "--writes" && i + 1 < argc) writes = std::max(1, std::atoi(argv[++i]));
    else usage = true;
  }
  if (usage || files.empty()) {
    std::fprintf(stderr, "usage: store_bench --casefile FILE... [--writes N]\n");
    return 2;
  }
  for (const std::string& file : files) {
    if (!Run(file, writes)) return 1;
  }
  return 0;
}
