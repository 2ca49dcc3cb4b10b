#include "cli/sharded_scores.h"

#include <algorithm>
#include <cstring>

#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/score_rows.h"

namespace claimgraph::cli {
namespace {

constexpr size_t kRowsPerBatch = 1024;

// One rank's rows as sent to rank 0: the row count n, then n (position, end) pairs, the
// end of each row's bytes in the text that follows, all as native uint64 (the ranks run
// the same binary), then the text.
class PackedRows {
 public:
  explicit PackedRows(std::string bytes) : bytes_(std::move(bytes)) {
    std::memcpy(&count_, bytes_.data(), sizeof count_);
    text_ = sizeof count_ + 2 * sizeof(uint64_t) * count_;
  }
  uint64_t count() const { return count_; }
  uint64_t Position(uint64_t row) const { return Word(1 + 2 * row); }
  std::string_view Row(uint64_t row) const {
    const uint64_t begin = row == 0 ? 0 : Word(2 * row), end = Word(2 + 2 * row);
    return std::string_view(bytes_).substr(text_ + begin, end - begin);
  }

 private:
  uint64_t Word(uint64_t k) const {
    uint64_t value = 0;
    std::memcpy(&value, bytes_.data() + k * sizeof value, sizeof value);
    return value;
  }
  std::string bytes_;
  uint64_t count_ = 0;
  size_t text_ = 0;
};

void AppendWord(std::string& bytes, uint64_t value) { bytes.append(reinterpret_cast<const char*>(&value), sizeof value); }

}  // namespace

ExitCode WriteShardedScores(const ProvenanceGraph& graph, const CorroborationResult& result,
                            const std::string& format, const distributed::DistributedSession& session,
                            const std::vector<uint64_t>& positions, uint64_t claim_count,
                            const std::string& output, std::ostream& out, std::ostream& err) {
  // The table's widths depend on every claim: the widest over the ranks.
  TableLayout layout = MeasureTable(graph);
  layout.id_width = static_cast<size_t>(session.MaxOverRanks(static_cast<double>(layout.id_width)));
  layout.has_questions = session.AnyRank(layout.has_questions);

  std::string text, packed;
  AppendWord(packed, result.claims.size());
  for (size_t k = 0; k < result.claims.size(); ++k) {
    if (format == "json") {
      AppendJsonClaimRow(graph, result.claims[k], positions[k] == 0, text);
    } else if (format == "csv") {
      AppendCsvClaimRows(graph, result, k, k + 1, text);
    } else {
      AppendTableClaimRows(graph, result, layout, k, k + 1, text);
    }
    AppendWord(packed, positions[k]);
    AppendWord(packed, text.size());
  }
  packed += text;
  text = std::string();
  std::vector<std::string> gathered = session.GatherToRankZero(packed);
  packed = std::string();
  if (!session.WritesOutput()) return ExitCode::kOk;

  std::vector<PackedRows> ranks;
  for (std::string& bytes : gathered) ranks.emplace_back(std::move(bytes));
  // owner[p]: the rank whose next row is the input's claim p (each rank's rows ascend).
  std::vector<uint32_t> owner(claim_count, UINT32_MAX);
  for (size_t r = 0; r < ranks.size(); ++r) {
    for (uint64_t row = 0; row < ranks[r].count(); ++row) {
      const uint64_t position = ranks[r].Position(row);
      if (position >= claim_count || owner[position] != UINT32_MAX) {
        return Report(Status::Error("claimgraph score --shards: the parts' claim_positions overlap or exceed the "
                                    "input's " + std::to_string(claim_count) + " claims (claim " +
                                    std::to_string(position) + ")"),
                      err);
      }
      owner[position] = static_cast<uint32_t>(r);
    }
  }
  if (std::find(owner.begin(), owner.end(), UINT32_MAX) != owner.end()) {
    return Report(Status::Error("claimgraph score --shards: the parts hold fewer than the input's " +
                                std::to_string(claim_count) + " claims"),
                  err);
  }

  OutputWriter writer(output, out);
  std::string& buffer = writer.buffer();  // the writer's own, for as long as it lives
  const size_t sources = graph.sources().size();
  if (format == "json") {
    AppendJsonHead(result, nullptr, buffer);
  } else if (format == "csv") {
    AppendCsvHeader(buffer);
  } else {
    AppendTableHeader(layout, buffer);
  }
  std::vector<uint64_t> next(ranks.size(), 0);
  for (uint64_t position = 0; position < claim_count; ++position) {
    const uint32_t r = owner[position];
    writer.buffer() += ranks[r].Row(next[r]++);
    if (position % kRowsPerBatch == kRowsPerBatch - 1) writer.FlushIfFull();
  }
  if (format == "json") AppendJsonBetween(claim_count, writer.buffer());
  if (format == "table") AppendTableTrustHeader(result, layout, writer.buffer());
  for (size_t first = 0; first < sources; first += kRowsPerBatch) {
    const size_t last = std::min(sources, first + kRowsPerBatch);
    if (format == "json") {
      AppendJsonSourceRows(graph, result, first, last, writer.buffer());
    } else if (format == "csv") {
      AppendCsvSourceRows(graph, result, first, last, writer.buffer());
    } else {
      AppendTableSourceRows(graph, result, layout, first, last, writer.buffer());
    }
    writer.FlushIfFull();
  }
  if (format == "json") AppendJsonTail(sources, writer.buffer());
  return writer.Finish(err);
}

}  // namespace claimgraph::cli
