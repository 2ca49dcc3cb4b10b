#include "distributed/shard_header.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "claimgraph/files.h"
#include "rapidjson/error/en.h"
#include "rapidjson/filereadstream.h"
#include "rapidjson/reader.h"

namespace claimgraph::distributed {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// SAX handler that records the top-level "shard" object and stops the parse after it.
// Depth counts open containers: 1 is the document's object, 2 the shard object.
class HeaderHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, HeaderHandler> {
 public:
  bool found = false, done = false;
  std::string error;  // "/shard/part: ..." when a field is malformed
  ShardHeader header;

  bool StartObject() { return Open(true); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(false); }
  bool EndArray(rapidjson::SizeType) { return Close(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    const std::string key(text, length);
    if (depth_ == 1) in_shard_next_ = key == "shard";
    if (depth_ == 2 && in_shard_) field_ = key;
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (InShardField(2) && field_ == "input_hash") {
      header.input_hash.assign(text, length);
      if (header.input_hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
        return Fail("/shard/input_hash: '" + header.input_hash + "' is not 16 lowercase hex digits");
      }
      return true;
    }
    return Other("a string");
  }
  bool Uint64(uint64_t value) { return Whole(value); }
  bool Uint(unsigned value) { return Whole(value); }
  bool Int(int value) { return value >= 0 ? Whole(static_cast<uint64_t>(value)) : Other("a negative number"); }
  bool Int64(int64_t value) { return value >= 0 ? Whole(static_cast<uint64_t>(value)) : Other("a negative number"); }
  bool Double(double value) {
    if (value >= 0 && value < 1.8e19 && value == static_cast<double>(static_cast<uint64_t>(value))) {
      return Whole(static_cast<uint64_t>(value));
    }
    return Other("a number that is not whole");
  }
  bool Default() { return Other("a value of the wrong type"); }

 private:
  bool InShardField(int depth) const { return in_shard_ && depth_ == depth; }
  bool Open(bool object) {
    ++depth_;
    if (depth_ == 2 && in_shard_next_) {
      if (!object) return Fail("/shard: is not an object");
      in_shard_ = found = true;
      field_.clear();
    }
    if (InShardField(3) && field_ == "claim_positions") header.claim_positions.clear();
    if (InShardField(4) && field_ == "claim_positions") run_.clear();
    if (InShardField(3) && field_ == "items") run_.clear();
    return true;
  }
  bool Close() {
    if (InShardField(4) && field_ == "claim_positions") {
      if (run_.size() != 2) return Fail("/shard/claim_positions: a run is not [first, count]");
      header.claim_positions.emplace_back(run_[0], run_[1]);
    }
    if (InShardField(3) && field_ == "items") {
      if (run_.size() != 2 || run_[0] > run_[1]) return Fail("/shard/items: is not [first, last] with first <= last");
      header.item_begin = run_[0];
      header.item_end = run_[1];
    }
    if (InShardField(2)) {
      in_shard_ = false;
      done = true;
      return false;  // everything wanted is read: stop the parse here
    }
    --depth_;
    return true;
  }
  bool Whole(uint64_t value) {
    if (!in_shard_) return true;
    if (depth_ == 2) {
      if (field_ == "part") header.part = value;
      else if (field_ == "parts") header.parts = value;
      else if (field_ == "claims") header.claims = value;
      return true;
    }
    if ((depth_ == 3 && field_ == "items") || (depth_ == 4 && field_ == "claim_positions")) run_.push_back(value);
    return true;
  }
  bool Other(const std::string& what) {
    if (!in_shard_) return true;
    return Fail("/shard/" + field_ + ": holds " + what);
  }
  bool Fail(std::string message) {
    error = std::move(message);
    return false;
  }

  int depth_ = 0;
  bool in_shard_next_ = false, in_shard_ = false;
  std::string field_;
  std::vector<uint64_t> run_;
};

}  // namespace

std::vector<uint64_t> ShardHeader::Positions() const {
  std::vector<uint64_t> positions;
  for (const auto& [first, count] : claim_positions) {
    for (uint64_t k = 0; k < count; ++k) positions.push_back(first + k);
  }
  return positions;
}

std::vector<std::pair<uint64_t, uint64_t>> ShardHeader::Runs(const std::vector<uint64_t>& positions) {
  std::vector<std::pair<uint64_t, uint64_t>> runs;
  for (uint64_t position : positions) {
    if (!runs.empty() && runs.back().first + runs.back().second == position) {
      ++runs.back().second;
    } else {
      runs.emplace_back(position, 1);
    }
  }
  return runs;
}

std::string ShardHeaderJson(const ShardHeader& header) {
  std::string json = "{\"part\": " + std::to_string(header.part) + ", \"parts\": " + std::to_string(header.parts) +
                     ", \"input_hash\": \"" + header.input_hash + "\", \"claims\": " + std::to_string(header.claims) +
                     ", \"items\": [" + std::to_string(header.item_begin) + ", " + std::to_string(header.item_end) +
                     "], \"claim_positions\": [";
  for (size_t k = 0; k < header.claim_positions.size(); ++k) {
    json += k == 0 ? "[" : ", [";
    json += std::to_string(header.claim_positions[k].first) + ", " + std::to_string(header.claim_positions[k].second);
    json += ']';
  }
  return json + "]}";
}

Result<ShardHeader> ReadShardHeader(const std::string& path) {
  const std::string prefix = path + ": error: ";
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) return Status::Error(prefix + "cannot open: " + std::strerror(errno));
  char buffer[1 << 16];
  rapidjson::FileReadStream stream(file.get(), buffer, sizeof buffer);
  HeaderHandler handler;
  rapidjson::Reader reader;
  const rapidjson::ParseResult parsed = reader.Parse(stream, handler);
  if (!handler.error.empty()) return Status::Error(prefix + handler.error);
  if (!handler.done) {
    if (parsed.IsError() && parsed.Code() != rapidjson::kParseErrorTermination) {
      return Status::Error(prefix + "not a JSON casefile (" + rapidjson::GetParseError_En(parsed.Code()) +
                           " at byte " + std::to_string(parsed.Offset()) + ")");
    }
    return Status::Error(prefix + "not a part written by claimgraph shard (it has no \"shard\" member)");
  }
  const ShardHeader& header = handler.header;
  if (header.part > header.parts) {
    return Status::Error(prefix + "/shard/part: " + std::to_string(header.part) + " is more than parts (" +
                         std::to_string(header.parts) + ")");
  }
  if (header.input_hash.size() != 16) return Status::Error(prefix + "/shard/input_hash: is not 16 hex digits");
  uint64_t end = 0;
  for (const auto& [first, count] : header.claim_positions) {
    if (first < end || first + count > header.claims) {
      return Status::Error(prefix + "/shard/claim_positions: runs are not ascending within the input's " +
                           std::to_string(header.claims) + " claims");
    }
    end = first + count;
  }
  return header;
}

Result<std::string> InputHashOfFiles(const std::vector<std::string>& paths) {
  uint64_t hash = kFnvOffset;
  for (const std::string& path : paths) {
    Result<std::string> bytes = ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    for (char c : bytes.value()) hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
    for (uint64_t length = bytes->size(), k = 0; k < 8; ++k, length >>= 8) {
      hash = (hash ^ (length & 0xFF)) * kFnvPrime;
    }
  }
  return HashHex(hash);
}

std::string HashHex(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace claimgraph::distributed
