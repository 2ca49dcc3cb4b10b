// The "shard" member of a part written by `claimgraph shard` (schemas/casefile.schema.json,
// docs/distributed.md): which part of which sharding a casefile is, and where its claims
// stand in the whole input, so that `score --shards` can check that the ranks hold parts of
// one sharding and restore the single process's order of claims.
#ifndef CLAIMGRAPH_DISTRIBUTED_SHARD_HEADER_H_
#define CLAIMGRAPH_DISTRIBUTED_SHARD_HEADER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::distributed {

struct ShardHeader {
  uint64_t part = 1;   // from 1 to parts
  uint64_t parts = 1;  // K
  std::string input_hash;      // 16 lowercase hex digits (InputHashOfFiles)
  uint64_t claims = 0;         // claims of the whole input
  uint64_t item_begin = 0, item_end = 0;  // the whole input's items [begin, end) held here
  // Runs (first, count) of positions among the whole input's claims, in the part's order.
  std::vector<std::pair<uint64_t, uint64_t>> claim_positions;

  // Every position, run after run.
  std::vector<uint64_t> Positions() const;
  // The runs of `positions` (ascending, as a part's claims are).
  static std::vector<std::pair<uint64_t, uint64_t>> Runs(const std::vector<uint64_t>& positions);
};

// The member's value as one JSON object on one line, fields in the schema's order.
std::string ShardHeaderJson(const ShardHeader& header);

// The "shard" member of the casefile at `path`, read with a SAX parser that stops once the
// member has been read (the shard writer puts it first, so a large part is not parsed twice).
// Errors name the file: "PATH: error: not a part written by claimgraph shard (it has no
// \"shard\" member)", "PATH: error: /shard/part: 4 is more than parts (3)", ...
Result<ShardHeader> ReadShardHeader(const std::string& path);

// FNV-1a, 64 bits, over the bytes of every file in turn (each followed by its length), as
// 16 lowercase hex digits; an unreadable file is an error naming it.
Result<std::string> InputHashOfFiles(const std::vector<std::string>& paths);
// `value` as 16 lowercase hex digits.
std::string HashHex(uint64_t value);

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_SHARD_HEADER_H_
