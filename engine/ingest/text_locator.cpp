#include "ingest/text_locator.h"

#include <vector>

#include "rapidjson/encodedstream.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace claimgraph::ingest {
namespace {

// Follows the reader through the text, keeping the JSON pointer of the current value. Each
// event arrives once its token has been read, so a token's start is found by skipping the
// separators after the previous token's end.
class PointerTracker : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PointerTracker> {
 public:
  PointerTracker(std::string_view text, const rapidjson::MemoryStream& stream,
                 std::map<std::string, size_t>& offsets)
      : text_(text), stream_(stream), offsets_(offsets) {}

  bool Default() {
    BeginValue();
    return true;
  }
  bool String(const char*, rapidjson::SizeType, bool) { return Default(); }
  bool StartObject() {
    BeginValue();
    frames_.push_back({false, 0, path_.size()});
    return true;
  }
  bool StartArray() {
    BeginValue();
    frames_.push_back({true, 0, path_.size()});
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return EndContainer(); }
  bool EndArray(rapidjson::SizeType) { return EndContainer(); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    const size_t start = TokenStart();
    path_.resize(frames_.back().base);
    path_ += '/';
    for (rapidjson::SizeType i = 0; i < length; ++i) {
      if (text[i] == '~') path_ += "~0";
      else if (text[i] == '/') path_ += "~1";
      else path_ += text[i];
    }
    Record(start);
    previous_end_ = stream_.Tell();
    return true;
  }

 private:
  struct Frame {
    bool array;
    size_t next_index;
    size_t base;  // length of the container's own pointer
  };

  size_t TokenStart() const {
    size_t position = previous_end_;
    while (position < text_.size()) {
      const char c = text_[position];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++position;
    }
    return position;
  }

  void Record(size_t start) {
    auto found = offsets_.find(path_);
    if (found != offsets_.end() && found->second == SIZE_MAX) found->second = start;
  }

  void BeginValue() {
    const size_t start = TokenStart();
    if (!frames_.empty() && frames_.back().array) {
      path_.resize(frames_.back().base);
      path_ += '/';
      path_ += std::to_string(frames_.back().next_index++);
      Record(start);
    } else if (frames_.empty()) {
      Record(start);
    }
    previous_end_ = stream_.Tell();
  }

  bool EndContainer() {
    path_.resize(frames_.back().base);
    frames_.pop_back();
    previous_end_ = stream_.Tell();
    return true;
  }

  std::string_view text_;
  const rapidjson::MemoryStream& stream_;
  std::map<std::string, size_t>& offsets_;
  std::vector<Frame> frames_;
  std::string path_;
  size_t previous_end_ = 0;
};

}  // namespace

void LocatePointers(std::string_view text, std::map<std::string, size_t>& offsets) {
  // Track every ancestor too, so that a pointer naming nothing falls back to its parent.
  std::map<std::string, size_t> all = offsets;
  for (const auto& [pointer, offset] : offsets) {
    for (size_t slash = pointer.rfind('/'); slash != std::string::npos && slash > 0;
         slash = pointer.rfind('/', slash - 1)) {
      all.emplace(pointer.substr(0, slash), SIZE_MAX);
    }
    all.emplace("", SIZE_MAX);
  }
  // Past the byte order marks the loader and the importers read past: one before the
  // document, and one more that Document::Parse's stream drops (a text that starts with two
  // had no positions at all; found by the PROV-JSON fuzzer).
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  const size_t start = text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  rapidjson::MemoryStream memory(text.data() + start, text.size() - start);
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
  PointerTracker tracker(text.substr(start), memory, all);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseStopWhenDoneFlag>(stream, tracker);
  if (start > 0) {
    for (auto& [pointer, offset] : all) {
      if (offset != SIZE_MAX) offset += start;
    }
  }
  for (auto& [pointer, offset] : offsets) {
    std::string candidate = pointer;
    while (true) {
      const size_t found = all[candidate];
      if (found != SIZE_MAX || candidate.empty()) {
        offset = found;
        break;
      }
      candidate.resize(candidate.rfind('/'));
    }
  }
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn place{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++place.line;
      place.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++place.column;  // a UTF-8 continuation byte is part of the previous character
    }
  }
  return place;
}

std::vector<LineColumn> LineColumnsAt(std::string_view text, const std::vector<size_t>& offsets) {
  std::vector<LineColumn> places;
  places.reserve(offsets.size());
  LineColumn place{1, 1};
  size_t i = 0;
  for (size_t offset : offsets) {
    for (; i < offset && i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte == '\n') {
        ++place.line;
        place.column = 1;
      } else if ((byte & 0xC0) != 0x80) {
        ++place.column;
      }
    }
    places.push_back(place);
  }
  return places;
}

}  // namespace claimgraph::ingest
