// Reading and writing whole files. Outputs are written to a temporary file beside the
// target and renamed over it, so a failure never leaves a half-written output behind.
#ifndef CLAIMGRAPH_FILES_H_
#define CLAIMGRAPH_FILES_H_

#include <string>
#include <string_view>

#include "claimgraph/status.h"

namespace claimgraph {

// The whole file, or an error naming the file and the reason ("cannot open: No such file
// or directory").
Result<std::string> ReadFile(const std::string& path);

// Writes `bytes` to `path` atomically (temporary file in the same directory, then rename).
// The path "-" writes to standard output.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_FILES_H_
