// `claimgraph shard` (docs/distributed.md, "Shards"), without MPI: every part is a casefile
// that `check` accepts, with every source, entity and citation of the input in its order;
// the parts' claims are the input's, each once, at the positions their headers give; each
// part holds the items ItemRanges gives its rank, and its vote arrays are the ones that
// RestrictToItems cuts from the whole (which is what makes the sharded sums bit-identical);
// and the refusals, whole messages, leave nothing written.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "claimgraph/casefile_writer.h"
#include "claimgraph/load.h"
#include "distributed/distributed_scoring.h"
#include "distributed/shard_header.h"
#include "distributed/shard_writer.h"
#include "score/truth_discovery.h"
#include "test_support.h"

namespace claimgraph {
namespace {

using testing::RunTool;
using testing::ScratchDirectory;

// 24 claims: 14 answer 7 questions, interleaved in claim order (so that an item's claims
// are not consecutive and a part's positions are several runs), 2 exclude each other, 8
// stand alone; 6 sources with publishers and citations; verdicts on 3 claims.
CaseData ShardCase() {
  CaseData data;
  data.title = "shard test";
  data.entities.push_back({.id = "org", .name = "Org", .type = EntityType::kOrganisation});
  data.entities.push_back({.id = "outlet", .name = "Outlet", .type = EntityType::kOutlet, .controlled_by = {0}});
  for (Index s = 0; s < 6; ++s) {
    data.sources.push_back({.id = "s" + std::to_string(s), .title = "Source " + std::to_string(s),
                            .publisher = s % 2, .kind = SourceKind::kNewsReport});
  }
  for (Index s = 1; s < 6; ++s) data.citations.push_back({.from = s, .to = s - 1, .kind = CitationKind::kQuotes});
  for (int c = 0; c < 24; ++c) {
    Claim claim{.id = "c" + std::to_string(c), .text = "Claim " + std::to_string(c) + "."};
    if (c < 14) {
      claim.question = "q" + std::to_string(c % 7);
      claim.value = "v" + std::to_string(c / 7);
    }
    data.claims.push_back(claim);
  }
  data.claims[20].excludes = {22};
  data.claims[22].excludes = {20};
  for (Index s = 0; s < 6; ++s) {
    for (Index c = 0; c < 24; ++c) {
      const Index pattern = (s * 7 + c * 3) % 5;
      if (pattern == 0) data.assertions.push_back({.source = s, .claim = c, .stance = Stance::kSupports});
      if (pattern == 1) data.assertions.push_back({.source = s, .claim = c, .stance = Stance::kRefutes});
      if (pattern == 2) data.assertions.push_back({.source = s, .claim = c, .stance = Stance::kReports});
    }
  }
  for (Index c : {3u, 15u, 21u}) data.verdicts.push_back({.claim = c, .rating = c == 15 ? Rating::kFalse : Rating::kTrue});
  return data;
}

ProvenanceGraph Load(const std::string& path) {
  LoadResult loaded = LoadCasefiles({path});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
  return std::move(*loaded.graph);
}

std::vector<std::string> SourceIds(const ProvenanceGraph& graph) {
  std::vector<std::string> ids;
  for (const Source& source : graph.sources()) ids.push_back(source.id);
  return ids;
}

TEST_CASE("shard: parts are casefiles holding the ItemRanges items, every source, and the input's claims once") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", CasefileText(ShardCase()));
  const std::string dir = scratch.File("parts");
  const testing::CommandOutput shard = RunTool({"shard", input, "--parts", "3", "-o", dir});
  REQUIRE_MESSAGE(shard.exit_code == 0, shard.err);
  const ProvenanceGraph whole = Load(input);
  const score::VoteArrays votes = score::BuildVoteArrays(whole, 1);
  const std::vector<size_t> ranges = distributed::ItemRanges(votes, 3);
  const Result<std::string> hash = distributed::InputHashOfFiles({input});
  REQUIRE(hash.ok());
  std::vector<int> seen(whole.claims().size(), 0);
  size_t assertions = 0, verdicts = 0, runs = 0;
  std::string report;  // what the command says it wrote
  for (size_t part = 1; part <= 3; ++part) {
    CAPTURE(part);
    const std::string path = distributed::PartPath(dir, part, 3);
    const testing::CommandOutput check = RunTool({"check", path});
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    const Result<distributed::ShardHeader> header = distributed::ReadShardHeader(path);
    REQUIRE_MESSAGE(header.ok(), header.status().message());
    CHECK(header->part == part);
    CHECK(header->parts == 3);
    CHECK(header->input_hash == hash.value());
    CHECK(header->claims == whole.claims().size());
    CHECK(header->item_begin == ranges[part - 1]);
    CHECK(header->item_end == ranges[part]);
    runs += header->claim_positions.size();

    const ProvenanceGraph graph = Load(path);
    report += "wrote " + path + ": items " + std::to_string(ranges[part - 1]) + " to " + std::to_string(ranges[part]) +
              ", " + std::to_string(graph.claims().size()) + " claims, " + std::to_string(graph.assertions().size()) +
              " assertions\n";
    CHECK(SourceIds(graph) == SourceIds(whole));
    CHECK(graph.entities().size() == whole.entities().size());
    CHECK(graph.citations().size() == whole.citations().size());
    assertions += graph.assertions().size();
    verdicts += graph.verdicts().size();
    // The part's claims are the input's at the header's positions, in order, and exactly
    // the claims of its items.
    const std::vector<uint64_t> positions = header->Positions();
    REQUIRE(positions.size() == graph.claims().size());
    std::vector<int> expected(whole.claims().size(), 0);
    for (uint32_t f = votes.item_offsets[ranges[part - 1]]; f < votes.item_offsets[ranges[part]]; ++f) {
      expected[votes.claim_of_fact[f]] = 1;
    }
    for (size_t k = 0; k < positions.size(); ++k) {
      CHECK(graph.claims()[k].id == whole.claims()[positions[k]].id);
      CHECK(graph.claims()[k].question == whole.claims()[positions[k]].question);
      CHECK(expected[positions[k]] == 1);
      ++seen[positions[k]];
    }
    // Its vote arrays are the whole's cut to its items: the same rows in the same order.
    const score::VoteArrays own = score::BuildVoteArrays(graph, 1);
    const score::VoteArrays cut = score::RestrictToItems(votes, ranges[part - 1], ranges[part], nullptr);
    CHECK(own.item_count == cut.item_count);
    CHECK(own.item_offsets == cut.item_offsets);
    CHECK(own.fact_is_negation == cut.fact_is_negation);
    CHECK(own.fact_offsets == cut.fact_offsets);
    CHECK(own.fact_sources == cut.fact_sources);
    CHECK(own.source_offsets == cut.source_offsets);
    CHECK(own.source_facts == cut.source_facts);
    CHECK(own.cited_sources == cut.cited_sources);
  }
  CHECK(shard.out == report);
  for (size_t c = 0; c < seen.size(); ++c) CHECK_MESSAGE(seen[c] == 1, whole.claims()[c].id);
  CHECK(assertions == whole.assertions().size());
  CHECK(verdicts == whole.verdicts().size());
  CHECK(runs > 3);  // the interleaved questions make several runs
  // Only the parts are left in the directory: no temporary file.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"part-1-of-3.json", "part-2-of-3.json", "part-3-of-3.json"});
}

TEST_CASE("shard: an assertion's span and rule go with it into its part") {
  CaseData data = ShardCase();
  data.extraction_rules = {"cue: said", "cue: according to"};
  // Every third assertion was drafted: span [10 a, 10 a + 7), rule a % 2.
  for (Index a = 0; a < data.assertions.size(); a += 3) {
    data.extractions.push_back({.assertion = a, .span_begin = 10 * a, .span_end = 10 * a + 7, .extracted_by = a % 2});
  }
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", CasefileText(data));
  const std::string dir = scratch.File("parts");
  const testing::CommandOutput shard = RunTool({"shard", input, "--parts", "3", "-o", dir});
  REQUIRE_MESSAGE(shard.exit_code == 0, shard.err);
  // Each (source, claim) pair has at most one assertion in ShardCase: it names the original.
  std::map<std::pair<std::string, std::string>, Extraction> expected;
  for (const Extraction& e : data.extractions) {
    const Assertion& a = data.assertions[e.assertion];
    expected[{data.sources[a.source].id.str(), data.claims[a.claim].id.str()}] = e;
  }
  size_t carried = 0;
  for (size_t part = 1; part <= 3; ++part) {
    CAPTURE(part);
    const ProvenanceGraph graph = Load(distributed::PartPath(dir, part, 3));
    const CaseData& held = graph.data();
    for (Index a = 0; a < held.assertions.size(); ++a) {
      const Assertion& assertion = held.assertions[a];
      const auto found = expected.find({held.sources[assertion.source].id.str(), held.claims[assertion.claim].id.str()});
      const Extraction got = held.ExtractionOf(a);
      if (found == expected.end()) {
        CHECK(got.span_end == 0);
        CHECK(got.extracted_by == kNoIndex);
        continue;
      }
      ++carried;
      CHECK(got.span_begin == found->second.span_begin);
      CHECK(got.span_end == found->second.span_end);
      REQUIRE(got.extracted_by < held.extraction_rules.size());
      CHECK(held.extraction_rules[got.extracted_by] == data.extraction_rules[found->second.extracted_by]);
    }
  }
  CHECK(carried == data.extractions.size());
}

TEST_CASE("shard: one part is the whole input, and more parts than items leave parts without claims") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", CasefileText(ShardCase()));
  REQUIRE(RunTool({"shard", input, "--parts", "1", "-o", scratch.File("one")}).exit_code == 0);
  const ProvenanceGraph whole = Load(input);
  CHECK(Load(scratch.File("one/part-1-of-1.json")).claims().size() == whole.claims().size());
  const testing::CommandOutput many = RunTool({"shard", input, "--parts", "40", "-o", scratch.File("many")});
  REQUIRE_MESSAGE(many.exit_code == 0, many.err);
  size_t claims = 0;
  for (size_t part = 1; part <= 40; ++part) {
    const std::string path = distributed::PartPath(scratch.File("many"), part, 40);
    CHECK(RunTool({"check", path}).exit_code == 0);
    claims += Load(path).claims().size();
  }
  CHECK(claims == whole.claims().size());
}

TEST_CASE("shard: refusals exit 2 with the whole reason and write nothing") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", CasefileText(ShardCase()));
  auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
    CAPTURE(message);
    const testing::CommandOutput run = RunTool(args);
    CHECK(run.exit_code == 2);
    CHECK(run.err == message + "\n");
    CHECK(run.out.empty());
  };
  refused({"shard", input, "--parts", "0", "-o", scratch.File("d")}, "claimgraph shard: --parts must be at least 1, got 0");
  refused({"shard", input, "--parts", "x", "-o", scratch.File("d")},
          "claimgraph shard: --parts needs a whole number, not 'x' (see 'claimgraph shard --help')");
  refused({"shard", input, "-o", scratch.File("d")},
          "claimgraph shard: give the number of parts with --parts K (see 'claimgraph shard --help')");
  refused({"shard", input, "--parts", "2"},
          "claimgraph shard: name the directory to write with -o DIR (see 'claimgraph shard --help')");
  refused({"shard", input, "--parts", "2", "-o", input},
          "claimgraph shard: '" + input + "' is a file, not a directory: name a directory for the parts");
  const std::string part = scratch.Write("part-2-of-2.json", CasefileText(ShardCase()));
  refused({"shard", part, "--parts", "2", "-o", scratch.path()},
          "claimgraph shard: the part '" + scratch.path() + "/part-2-of-2.json' would overwrite the input '" + part +
              "'; nothing was written");
  refused({"shard", input, "--parts", "2", "-o", scratch.File("missing/d")},
          "claimgraph shard: cannot create the directory '" + scratch.File("missing/d") +
              "': No such file or directory");
  if (::geteuid() != 0) {  // root writes in any directory: the permission cannot be tested so
    const std::string locked = scratch.File("locked");
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    refused({"shard", input, "--parts", "2", "-o", locked},
            "claimgraph shard: cannot write in '" + locked + "': Permission denied");
    std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  }
  const testing::CommandOutput proc = RunTool({"shard", input, "--parts", "2", "-o", "/proc"});
  CHECK(proc.exit_code == 2);
  CHECK(proc.err.rfind("claimgraph shard: cannot write in '/proc': ", 0) == 0);
  CHECK(!std::filesystem::exists(scratch.File("d")));
  CHECK(!std::filesystem::exists(scratch.File("part-1-of-2.json")));
}

TEST_CASE("shard: a part that cannot be written leaves no part and no temporary file behind") {
  ScratchDirectory scratch;
  const std::string input = scratch.Write("in.json", CasefileText(ShardCase()));
  const std::string dir = scratch.File("parts");
  std::filesystem::create_directories(dir + "/.part-2-of-3.json.shard-tmp");  // a directory: the write fails
  const testing::CommandOutput run = RunTool({"shard", input, "--parts", "3", "-o", dir});
  CHECK(run.exit_code != 0);
  CHECK(run.err == dir + "/.part-2-of-3.json.shard-tmp: error: is a directory\n");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  CHECK(names == std::vector<std::string>{".part-2-of-3.json.shard-tmp"});
}

TEST_CASE("shard: the header reader stops at the header and names what is wrong") {
  ScratchDirectory scratch;
  const std::string plain = scratch.Write("plain.json", CasefileText(ShardCase()));
  Result<distributed::ShardHeader> header = distributed::ReadShardHeader(plain);
  REQUIRE(!header.ok());
  CHECK(header.status().message() ==
        plain + ": error: not a part written by claimgraph shard (it has no \"shard\" member)");
  CHECK(header.status().code() == ExitCode::kInvalidInput);

  CasefileWriteOptions options;
  options.shard_json = R"({"part": 4, "parts": 3, "input_hash": "0123456789abcdef", "claims": 24, "items": [0, 1], "claim_positions": [[0, 24]]})";
  const std::string over = scratch.Write("over.json", CasefileText(ShardCase(), options));
  header = distributed::ReadShardHeader(over);
  REQUIRE(!header.ok());
  CHECK(header.status().message() == over + ": error: /shard/part: 4 is more than parts (3)");

  options.shard_json = R"({"part": 1, "parts": 3, "input_hash": "0123456789ABCDEF", "claims": 24, "items": [0, 1], "claim_positions": [[0, 24]]})";
  const std::string upper = scratch.Write("upper.json", CasefileText(ShardCase(), options));
  header = distributed::ReadShardHeader(upper);
  REQUIRE(!header.ok());
  CHECK(header.status().message() == upper + ": error: /shard/input_hash: '0123456789ABCDEF' is not 16 lowercase hex digits");

  options.shard_json = R"({"part": 1, "parts": 3, "input_hash": "0123456789abcdef", "claims": 24, "items": [0, 1], "claim_positions": [[0, 20], [10, 4]]})";
  const std::string overlapping = scratch.Write("overlapping.json", CasefileText(ShardCase(), options));
  header = distributed::ReadShardHeader(overlapping);
  REQUIRE(!header.ok());
  CHECK(header.status().message() ==
        overlapping + ": error: /shard/claim_positions: runs are not ascending within the input's 24 claims");

  options.shard_json = R"({"part": 2, "parts": 3, "input_hash": "0123456789abcdef", "claims": 40, "items": [3, 9], "claim_positions": [[0, 4], [6, 20]]})";
  const std::string good = scratch.Write("good.json", CasefileText(ShardCase(), options));
  header = distributed::ReadShardHeader(good);
  REQUIRE_MESSAGE(header.ok(), header.status().message());
  CHECK(header->part == 2);
  CHECK(header->item_begin == 3);
  CHECK(header->item_end == 9);
  CHECK(header->Positions().size() == 24);
  CHECK(distributed::ShardHeaderJson(header.value()) == options.shard_json);
  // The loader (and so `check`) takes the header as an optional field; a malformed one is
  // a schema error.
  CHECK(RunTool({"check", good}).exit_code == 0);
  options.shard_json = R"({"part": "one"})";
  const std::string bad = scratch.Write("bad.json", CasefileText(ShardCase(), options));
  CHECK(RunTool({"check", bad}).exit_code == 2);
}

}  // namespace
}  // namespace claimgraph
