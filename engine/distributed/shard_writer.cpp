#include "distributed/shard_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/files.h"
#include "distributed/shard_header.h"
#include "distributed/shard_plan.h"

namespace claimgraph::distributed {
namespace {

const std::string kCommand = "claimgraph shard: ";

// A file created in `dir` and removed again: the only test of writing that also holds for
// root, read-only mounts and ACLs.
Status ProbeWritable(const std::string& dir, const std::string& failure) {
  const std::string probe = dir + "/.claimgraph-shard-probe-" + std::to_string(::getpid());
  const int descriptor = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) return Status::Error(kCommand + failure + ": " + std::strerror(errno));
  ::close(descriptor);
  ::unlink(probe.c_str());
  return Status::Ok();
}

// The temporary name of a part: hidden, beside it, renamed over it at the end.
std::string TemporaryPath(const std::string& dir, size_t part, size_t parts) {
  return dir + "/.part-" + std::to_string(part) + "-of-" + std::to_string(parts) + ".json.shard-tmp";
}

}  // namespace

std::string PartPath(const std::string& dir, size_t part, size_t parts) {
  return dir + (!dir.empty() && dir.back() == '/' ? "" : "/") + "part-" + std::to_string(part) + "-of-" + std::to_string(parts) + ".json";
}

Status CheckShardOutput(const std::vector<std::string>& inputs, size_t parts, const std::string& dir) {
  if (parts < 1) return Status::Error(kCommand + "--parts must be at least 1, got " + std::to_string(parts));
  if (dir.empty()) return Status::Error(kCommand + "the output directory name is empty (-o DIR)");
  struct stat status {};
  const bool exists = ::stat(dir.c_str(), &status) == 0;
  if (exists && !S_ISDIR(status.st_mode)) {
    return Status::Error(kCommand + "'" + dir + "' is a file, not a directory: name a directory for the parts");
  }
  for (size_t part = 1; part <= parts; ++part) {
    for (const std::string& input : inputs) {
      if (RefuseOutputThatIsAnInput(PartPath(dir, part, parts), {input}).ok()) continue;
      return Status::Error(kCommand + "the part '" + PartPath(dir, part, parts) + "' would overwrite the input '" +
                           input + "'; nothing was written");
    }
  }
  if (exists) return ProbeWritable(dir, "cannot write in '" + dir + "'");
  // Made by WriteShards once the input has loaded: its parent must take a new entry.
  const size_t slash = dir.find_last_of('/', dir.size() > 1 ? dir.size() - 2 : 0);
  const std::string parent = slash == std::string::npos ? "." : slash == 0 ? "/" : dir.substr(0, slash);
  return ProbeWritable(parent, "cannot create the directory '" + dir + "'");
}

Result<std::vector<WrittenPart>> WriteShards(const ProvenanceGraph& graph, const std::vector<std::string>& inputs,
                                             size_t parts, const std::string& dir) {
  Result<std::string> hash = InputHashOfFiles(inputs);
  if (!hash.ok()) return hash.status();
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::Error(kCommand + "cannot create the directory '" + dir + "': " + std::strerror(errno));
  }
  const ShardPlan plan = PlanShards(graph, parts);
  std::vector<WrittenPart> written;
  auto remove_temporaries = [&] {
    for (size_t part = 1; part <= written.size(); ++part) std::remove(TemporaryPath(dir, part, parts).c_str());
  };
  for (size_t part = 0; part < parts; ++part) {
    const CaseData data = PartData(graph, plan, part);
    CasefileWriteOptions options;
    options.shard_json = ShardHeaderJson(PartHeader(graph, plan, part, hash.value()));
    Status status = WriteFileAtomically(TemporaryPath(dir, part + 1, parts), CasefileText(data, options));
    if (!status.ok()) {
      remove_temporaries();
      return status;
    }
    written.push_back({PartPath(dir, part + 1, parts), plan.item_begin[part], plan.item_begin[part + 1],
                       data.claims.size(), data.assertions.size()});
  }
  for (size_t part = 1; part <= parts; ++part) {
    if (std::rename(TemporaryPath(dir, part, parts).c_str(), PartPath(dir, part, parts).c_str()) != 0) {
      const int error = errno;
      remove_temporaries();
      return Status::Error(PartPath(dir, part, parts) + ": error: cannot rename the part into place: " +
                               std::strerror(error),
                           ExitCode::kInternalError);
    }
  }
  return written;
}

}  // namespace claimgraph::distributed
