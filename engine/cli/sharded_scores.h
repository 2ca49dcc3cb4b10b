// `score --shards`'s output (docs/distributed.md, "Shards"): every rank formats its own
// claims' rows, rank 0 gathers them and writes them in the single process's order of claims
// (the parts' claim_positions), between the head and the sources that every rank holds
// alike: the same bytes as `claimgraph score` on the casefiles that were sharded.
#ifndef CLAIMGRAPH_CLI_SHARDED_SCORES_H_
#define CLAIMGRAPH_CLI_SHARDED_SCORES_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/score.h"
#include "distributed/distributed_scoring.h"

namespace claimgraph::cli {

// `positions[k]`: where the part's claim k stands among the input's `claim_count` claims.
// Every rank calls it; rank 0 writes `output` ("-" for `out`), the others nothing.
ExitCode WriteShardedScores(const ProvenanceGraph& graph, const CorroborationResult& result,
                            const std::string& format, const distributed::DistributedSession& session,
                            const std::vector<uint64_t>& positions, uint64_t claim_count,
                            const std::string& output, std::ostream& out, std::ostream& err);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_SHARDED_SCORES_H_
