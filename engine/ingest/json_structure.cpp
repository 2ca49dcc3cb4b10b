#include "ingest/json_structure.h"

#include <string>
#include <unordered_map>

#include "ingest/text_locator.h"
#include "ingest/value_checks.h"
#include "rapidjson/encodedstream.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace claimgraph::ingest {
namespace {

// Follows RapidJSON's iterative reader (kParseIterativeFlag: its own stack on the heap, no
// recursion), keeping the JSON pointer of the current value and the keys of each open
// object. Returning false from a container event stops the parse at the nesting limit.
class StructureScanner
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, StructureScanner> {
 public:
  StructureScanner(std::string_view text, size_t skipped, const rapidjson::MemoryStream& stream,
                   size_t max_problems, JsonStructureScan& scan)
      : text_(text), skipped_(skipped), stream_(stream), max_problems_(max_problems), scan_(scan) {}

  bool Default() {
    BeginValue();
    return true;
  }
  bool StartObject() { return StartContainer(false); }
  bool StartArray() { return StartContainer(true); }
  bool EndObject(rapidjson::SizeType) { return EndContainer(); }
  bool EndArray(rapidjson::SizeType) { return EndContainer(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    path_.resize(frame.base);
    path_ += '/';
    const std::string key(text, length);
    for (const char c : key) {
      if (c == '~') path_ += "~0";
      else if (c == '/') path_ += "~1";
      else path_ += c;
    }
    const size_t start = KeyStart();
    const auto [first, inserted] = frame.keys.emplace(key, start);
    if (!inserted && scan_.problems.size() < max_problems_) {
      const LineColumn place = LineColumnAt(text_, first->second);
      scan_.problems.push_back({path_, start,
                                "duplicate key " + Quoted(key) + " (first at " +
                                    std::to_string(place.line) + ":" +
                                    std::to_string(place.column) + ")"});
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    size_t next_index = 0;
    size_t base = 0;  // length of the container's own pointer
    std::unordered_map<std::string, size_t> keys;  // objects: key -> offset of its first use
  };

  // The stream stands after the key's closing quote: walk back to the opening quote, the
  // first '"' not escaped by an odd run of backslashes (a key's own quotes all are).
  size_t KeyStart() const {
    size_t position = skipped_ + stream_.Tell() - 1;
    while (position > 0) {
      --position;
      if (text_[position] != '"') continue;
      size_t backslashes = 0;
      while (backslashes < position && text_[position - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return position;
    }
    return position;
  }

  void BeginValue() {
    if (!frames_.empty() && frames_.back().array) {
      path_.resize(frames_.back().base);
      path_ += '/';
      path_ += std::to_string(frames_.back().next_index++);
    }
  }

  bool StartContainer(bool array) {
    BeginValue();
    if (frames_.size() == kMaxJsonNesting) {
      // The iterative reader calls before it takes the bracket; the recursive one after.
      size_t offset = skipped_ + stream_.Tell();
      if (offset >= text_.size() || (text_[offset] != '[' && text_[offset] != '{')) --offset;
      scan_.problems.push_back(
          {path_, offset,
           "nesting deeper than " + std::to_string(kMaxJsonNesting) + " levels"});
      scan_.too_deep = true;
      return false;
    }
    frames_.push_back({array, 0, path_.size(), {}});
    return true;
  }

  bool EndContainer() {
    path_.resize(frames_.back().base);
    frames_.pop_back();
    return true;
  }

  std::string_view text_;
  size_t skipped_;
  const rapidjson::MemoryStream& stream_;
  size_t max_problems_;
  JsonStructureScan& scan_;
  std::vector<Frame> frames_;
  std::string path_;
};

}  // namespace

JsonStructureScan ScanJsonStructure(std::string_view text, size_t start, size_t max_problems) {
  JsonStructureScan scan;
  // The stream Document::Parse(text, length) reads through, which drops one byte order
  // mark: the scan must read exactly what the DOM will, or a second mark would stop the
  // scan at once while the DOM went on to recurse (found by the PROV-JSON fuzzer).
  rapidjson::MemoryStream memory(text.data() + start, text.size() - start);
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
  StructureScanner scanner(text, start, memory, max_problems, scan);
  rapidjson::Reader reader;
  const rapidjson::ParseResult parsed =
      reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
          stream, scanner);
  scan.syntax_error = parsed.IsError() && !scan.too_deep;
  return scan;
}

}  // namespace claimgraph::ingest
