#include "distributed/shard_reading.h"

#include <sys/stat.h>

#include <charconv>

#include "distributed/shard_writer.h"

namespace claimgraph::distributed {
namespace {

const std::string kCommand = "claimgraph score --shards: ";

// This rank's part, read and checked alone (before the ranks compare their hashes).
Result<OwnPart> ReadAlone(const std::string& dir, size_t rank, size_t ranks) {
  OwnPart part;
  part.path = PartPath(dir, rank + 1, ranks);
  struct stat status {};
  if (::stat(part.path.c_str(), &status) != 0) {
    const std::string name = part.path.substr(dir.size() + 1);
    return Status::Error(kCommand + dir + " has no " + name + ": mpirun -np " + std::to_string(ranks) +
                         " needs the parts of 'claimgraph shard --parts " + std::to_string(ranks) + "'");
  }
  Result<ShardHeader> header = ReadShardHeader(part.path);
  if (!header.ok()) return Status::Error(kCommand + header.status().message());
  part.header = header.value();
  if (part.header.part != rank + 1 || part.header.parts != ranks) {
    return Status::Error(kCommand + part.path + " holds part " + std::to_string(part.header.part) + " of " +
                         std::to_string(part.header.parts) + " (its \"shard\" field), but rank " +
                         std::to_string(rank) + " of " + std::to_string(ranks) + " reads part " +
                         std::to_string(rank + 1) + " of " + std::to_string(ranks) +
                         " there: shard the input again rather than renaming parts");
  }
  // Without warnings: a part warns of sources that assert nothing in its own claims, which
  // says nothing about the input (`claimgraph check` on the input says what does).
  LoadOptions options;
  options.warnings = false;
  part.loaded = LoadCasefiles({part.path}, options);
  if (!part.loaded.ok()) return part.loaded.status();
  part.positions = part.header.Positions();
  if (part.positions.size() != part.loaded.graph->claims().size()) {
    return Status::Error(kCommand + part.path + ": /shard/claim_positions: gives " +
                         std::to_string(part.positions.size()) + " positions for the part's " +
                         std::to_string(part.loaded.graph->claims().size()) + " claims");
  }
  return part;
}

uint64_t HashValue(const std::string& hex) {
  uint64_t value = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  return value;
}

}  // namespace

Result<OwnPart> ReadOwnPart(DistributedSession& session, const std::string& dir) {
  session.ScoreOwnPartOnly();
  const size_t rank = session.rank(), ranks = session.rank_count();
  Result<OwnPart> part = ReadAlone(dir, rank, ranks);
  if (session.AnyRank(!part.ok())) {
    if (!part.ok()) return part.status();
    return Status::Error(kCommand + "the part of another rank could not be read (its message says why); " +
                         "this rank read " + part->path);
  }
  const uint64_t own = HashValue(part->header.input_hash);
  const uint64_t first = session.FromRankZero(own);
  const bool differs = own != first;
  if (session.AnyRank(differs)) {
    if (differs) {
      return Status::Error(kCommand + part->path + " is a part of another sharding than " +
                           PartPath(dir, 1, ranks) + " (input hash " + part->header.input_hash + ", not " +
                           HashHex(first) +
                           "): shard the input again into one directory");
    }
    return Status::Error(kCommand + "the parts in " + dir + " are of different shardings (input hashes differ; " +
                         "the other ranks' messages name the parts)");
  }
  return part;
}

}  // namespace claimgraph::distributed
