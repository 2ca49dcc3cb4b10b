// `claimgraph shard CASEFILE... --parts K -o DIR` (docs/distributed.md, "Shards"): the
// input cut into K casefiles DIR/part-I-of-K.json, I from 1 to K, each one rank's share for
// `mpirun -np K claimgraph score --shards DIR`. The parts are written to temporary files and
// renamed only once every part is written, so that a failure leaves no new part behind.
#ifndef CLAIMGRAPH_DISTRIBUTED_SHARD_WRITER_H_
#define CLAIMGRAPH_DISTRIBUTED_SHARD_WRITER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph::distributed {

// "DIR/part-I-of-K.json"; `part` from 1 to parts.
std::string PartPath(const std::string& dir, size_t part, size_t parts);

// The checks made before anything is loaded, each exit 2 with the reason:
// "claimgraph shard: --parts must be at least 1, got 0",
// "claimgraph shard: 'DIR' is a file, not a directory: name a directory for the parts",
// "claimgraph shard: the part 'DIR/part-1-of-2.json' would overwrite the input 'IN'; nothing
// was written", "claimgraph shard: cannot write in 'DIR': Permission denied" (a file created
// and removed), "claimgraph shard: cannot create the directory 'DIR': No such file or
// directory" (a DIR that does not exist yet is probed in its parent; WriteShards makes it,
// one level, as mkdir does).
Status CheckShardOutput(const std::vector<std::string>& inputs, size_t parts, const std::string& dir);

struct WrittenPart {
  std::string path;
  size_t item_begin = 0, item_end = 0;
  size_t claims = 0, assertions = 0;
};

// Writes the K parts of `graph`, loaded from `inputs` (whose bytes give the parts'
// input_hash). REQUIRES: CheckShardOutput(inputs, parts, dir) passed.
Result<std::vector<WrittenPart>> WriteShards(const ProvenanceGraph& graph, const std::vector<std::string>& inputs,
                                             size_t parts, const std::string& dir);

}  // namespace claimgraph::distributed

#endif  // CLAIMGRAPH_DISTRIBUTED_SHARD_WRITER_H_
