// `mpirun -np K claimgraph score --shards DIR` (docs/distributed.md, "Shards"): rank r reads
// DIR/part-(r+1)-of-K.json only, and the ranks check together that their parts are the K
// parts of one sharding before any of them starts scoring.
#ifndef CLAIMGRAPH_DISTRIBUTED_SHARD_READING_H_
#define CLAIMGRAPH_DISTRIBUTED_SHARD_READING_H_

#include <string>
#include <vector>

#include "claimgraph/load.h"
#include "claimgraph/status.h"
#include "distributed/distributed_scoring.h"
#include "distributed/shard_header.h"

namespace claimgraph::distributed {

struct OwnPart {
  std::string path;
  ShardHeader header;
  LoadResult loaded;  // ok()
  // positions[k]: the position of the part's claim k among the whole input's claims.
  std::vector<uint64_t> positions;
};

// Reads this rank's part of the sharding in `dir` and checks it on every rank: the file
// exists (else "claimgraph score --shards: DIR has no part-2-of-3.json: mpirun -np 3 needs
// the parts of 'claimgraph shard --parts 3'"), loads, holds the part this rank reads with the
// rank count as its parts, and its input_hash is rank 0's. When any rank fails every rank
// fails (exit 2), each with its own reason, or that another rank's part was wrong; so that
// no rank waits forever for a rank that stopped. Calls session.ScoreOwnPartOnly().
Result<OwnPart> ReadOwnPart(DistributedSession& session, const std::string& dir);

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_SHARD_READING_H_
