// The loader's in-situ stream (ingest/utf8_stream.h, Utf8CheckedInsituFileStream): RapidJSON
// parses each string into the bytes it was read from, so the stream must never cut a string
// between two reads. These tests parse the same texts through it, with buffers from 16 bytes
// up (every cut position falls somewhere), and through RapidJSON's own in-memory stream, and
// compare every SAX event, then check the UTF-8 verdict and the loader on whole casefiles.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "claimgraph/export.h"
#include "claimgraph/load.h"
#include "ingest/utf8_stream.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

// Every event as a line of text: the strings and keys whole, so a cut string shows.
struct EventRecorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EventRecorder> {
  std::vector<std::string> events;
  bool Default() { events.emplace_back("other"); return true; }
  bool Null() { events.emplace_back("null"); return true; }
  bool Int(int value) { events.push_back("number " + std::to_string(value)); return true; }
  bool Uint(unsigned value) { events.push_back("number " + std::to_string(value)); return true; }
  bool Double(double value) { events.push_back("number " + std::to_string(value)); return true; }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    events.push_back("string " + std::string(text, length));
    return true;
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    events.push_back("key " + std::string(text, length));
    return true;
  }
  bool StartObject() { events.emplace_back("{"); return true; }
  bool EndObject(rapidjson::SizeType) { events.emplace_back("}"); return true; }
  bool StartArray() { events.emplace_back("["); return true; }
  bool EndArray(rapidjson::SizeType) { events.emplace_back("]"); return true; }
};

struct Parsed {
  std::vector<std::string> events;
  bool parsed = false;
  bool utf8_valid = true;
};

Parsed ParseFromFile(const std::filesystem::path& path, size_t buffer_size) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  REQUIRE(file != nullptr);
  ingest::Utf8CheckedInsituFileStream stream(file, buffer_size);
  EventRecorder recorder;
  rapidjson::Reader reader;
  Parsed result;
  result.parsed = !reader.Parse<rapidjson::kParseInsituFlag>(stream, recorder).IsError();
  result.utf8_valid = stream.utf8_valid();
  std::fclose(file);
  result.events = recorder.events;
  return result;
}

std::vector<std::string> ParseFromMemory(const std::string& text) {
  rapidjson::MemoryStream stream(text.data(), text.size());
  EventRecorder recorder;
  rapidjson::Reader reader;
  REQUIRE_FALSE(reader.Parse<rapidjson::kParseNoFlags>(stream, recorder).IsError());
  return recorder.events;
}


TEST_CASE("strings read in place are whole for every buffer size, however the lines fall") {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"lines", "{\n  \"a\": \"first value\",\n  \"b\": [1, 2.5, -3, null, true],\n  \"c\": \"x\"\n}\n"},
      {"escapes", "{\"quote\": \"she said \\\"no\\\"\\n\\u00e9\\ud83d\\ude00 \\\\ end\",\n\"k\\u0041y\": \"\"}\n"},
      {"crlf and no final line feed", "{\r\n\"a\": \"one\",\r\n\"b\": \"two\"\r\n}"},
      {"one long line", "{\"records\": [" + [] {
         std::string items;
         for (int i = 0; i < 200; ++i) items += (i ? "," : "") + std::string("{\"id\": \"s-") + std::to_string(i) + "\"}";
         return items;
       }() + "]}"},
      {"multibyte", "{\"name\": \"Министерство обороны 国防部\",\n\"t\": \"Ñandú\"}\n"},
      // The bulk scan (ScanPlainStringBytes) takes eight bytes a step: strings of every
      // length around 8 and 16, and escapes early, late and in a row, after which the
      // plain bytes are copied down over the escape's extra bytes.
      {"lengths around the scan's step", [] {
         std::string text = "[";
         for (int length = 0; length <= 33; ++length) {
           text += (length ? ",\n\"" : "\"") + std::string(static_cast<size_t>(length), 'x') + "\"";
         }
         return text + "]\n";
       }()},
      {"escapes among long plain runs",
       "{\"a\": \"\\n0123456789abcdefghijklmnopqrstuvwxyz\", \"b\": \"0123456789abcdef\\\"tail of it\",\n"
       "\"c\": \"\\u00e9\\t\\\\\\/plain plain plain plain plain \\\"q\\\"\", \"d\": \"\\\\\\\\\"}\n"},
  };
  const ScratchDirectory scratch;
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    const std::filesystem::path path = scratch.Write("case.json", text);
    const std::vector<std::string> expected = ParseFromMemory(text);
    for (size_t buffer_size : {16, 17, 23, 31, 64, 1000, 1 << 20}) {
      CAPTURE(buffer_size);
      const Parsed parsed = ParseFromFile(path, buffer_size);
      CHECK(parsed.parsed);
      CHECK(parsed.utf8_valid);
      CHECK(parsed.events == expected);
    }
  }
}

TEST_CASE("a control byte inside a string fails the parse at that byte, as RapidJSON's own") {
  const ScratchDirectory scratch;
  for (const std::string& text : {std::string("{\"a\": \"0123456789abcdef\x01 after\"}\n"),
                                 std::string("{\"a\": \"01234\\n56789abcdef\tx\"}\n"),
                                 std::string("{\"a\": \"0123456789abcdefghij\n\"}\n")}) {
    CAPTURE(text);
    rapidjson::MemoryStream memory(text.data(), text.size());
    EventRecorder ignored;
    rapidjson::Reader memory_reader;
    const rapidjson::ParseResult expected = memory_reader.Parse<rapidjson::kParseNoFlags>(memory, ignored);
    REQUIRE(expected.IsError());
    const std::filesystem::path path = scratch.Write("case.json", text);
    for (size_t buffer_size : {16, 23, 1 << 20}) {
      CAPTURE(buffer_size);
      std::FILE* file = std::fopen(path.c_str(), "rb");
      REQUIRE(file != nullptr);
      ingest::Utf8CheckedInsituFileStream stream(file, buffer_size);
      EventRecorder recorder;
      rapidjson::Reader reader;
      const rapidjson::ParseResult parsed = reader.Parse<rapidjson::kParseInsituFlag>(stream, recorder);
      std::fclose(file);
      CHECK(parsed.Code() == expected.Code());
      CHECK(parsed.Offset() == expected.Offset());
    }
  }
}

TEST_CASE("ill-formed UTF-8 ends the in-situ stream and is reported, wherever it falls") {
  const std::string text = "{\n\"a\": \"fine\",\n\"b\": \"bad \xC3\x28 byte\"\n}\n";
  const ScratchDirectory scratch;
  const std::filesystem::path path = scratch.Write("bad.json", text);
  for (size_t buffer_size : {16, 29, 1 << 20}) {
    CAPTURE(buffer_size);
    const Parsed parsed = ParseFromFile(path, buffer_size);
    CHECK_FALSE(parsed.parsed);
    CHECK_FALSE(parsed.utf8_valid);
  }
  const std::filesystem::path cut = scratch.Write("cut.json", "{\"a\": \"\xE6\x97\"}");  // a truncated sequence
  CHECK_FALSE(ParseFromFile(cut, 1 << 20).utf8_valid);
  const std::filesystem::path empty = scratch.Write("empty.json", "");
  const Parsed nothing = ParseFromFile(empty, 16);
  CHECK_FALSE(nothing.parsed);
  CHECK(nothing.utf8_valid);
}

TEST_CASE("every sample and test casefile loads from its file as from its text") {
  size_t files = 0;
  for (const char* folder : {"samples", "tests/casefiles"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(ProjectPath(folder))) {
      if (entry.path().extension() != ".json") continue;
      CAPTURE(entry.path());
      ++files;
      const std::string path = entry.path().string();
      const std::string text = ReadWholeFile(path);
      const LoadResult from_file = LoadCasefiles({path});
      const LoadResult from_text = LoadCasefileTexts({path}, {text});
      CHECK(from_file.status().message() == from_text.status().message());
      REQUIRE(from_file.ok() == from_text.ok());
      if (from_file.ok()) CHECK(ExportProvJson(*from_file.graph) == ExportProvJson(*from_text.graph));
    }
  }
  CHECK(files > 20);
}

}  // namespace
}  // namespace claimgraph::testing
