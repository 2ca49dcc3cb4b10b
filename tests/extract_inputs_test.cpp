// `claimgraph extract` on each input format and on bad input: binary and non-UTF-8 files are
// errors naming the file, line and column (exit 2, nothing written); an empty article or a
// page without article text is a warning; an oversized file is refused before it is read.
#include <doctest/doctest.h>

#include <filesystem>

#include "claimgraph/load.h"
#include "test_support.h"

namespace claimgraph::testing {
namespace {

TEST_CASE("extract: a binary file is an error naming it, and nothing is written") {
  ScratchDirectory scratch;
  const std::string file = scratch.Write("photo.txt", std::string("GIF89a\0\x01", 8));
  const CommandOutput output = RunTool({"extract", file, "-o", scratch.File("draft.json")});
  CHECK(output.exit_code == 2);
  CHECK(output.err == file + ":1:7: error: binary file (a NUL byte), not an article\n");
  CHECK(!std::filesystem::exists(scratch.File("draft.json")));
}

TEST_CASE("extract: a file that is not UTF-8 is an error with its line and column") {
  ScratchDirectory scratch;
  const std::string file = scratch.Write("latin1.txt", "First line.\nThe caf\xE9 said it would close.\n");
  const CommandOutput output = RunTool({"extract", file, "-o", scratch.File("draft.json")});
  CHECK(output.exit_code == 2);
  CHECK(output.err == file + ":2:8: error: not UTF-8 text (byte 0xE9); convert the article to UTF-8\n");
  CHECK(!std::filesystem::exists(scratch.File("draft.json")));
}

TEST_CASE("extract: a file larger than an article may be is refused without reading it") {
  ScratchDirectory scratch;
  const std::string file = scratch.Write("huge.txt", "");
  std::filesystem::resize_file(file, (64u << 20) + 1);  // sparse: costs no disk or memory
  const CommandOutput output = RunTool({"extract", file, "-o", scratch.File("draft.json")});
  CHECK(output.exit_code == 2);
  CHECK(output.err == file + ": error: 67108865 bytes, more than the 64 MiB an article may have\n");
}

TEST_CASE("extract: an empty article and a page without article text are warnings") {
  ScratchDirectory scratch;
  const std::string empty = scratch.Write("empty.txt", "title: Nothing yet\n\n  \n");
  const std::string page = ProjectPath("tests/extract/boilerplate_page.html");
  const std::string article = ProjectPath("tests/extract/second_report.txt");
  const CommandOutput output =
      RunTool({"extract", empty, page, article, "-o", scratch.File("draft.json")});
  CHECK(output.exit_code == 0);
  CHECK(output.err == empty + ": warning: empty article: skipped\n" + page +
                          ": warning: no article text in the page (only navigation or "
                          "boilerplate): skipped\n");
  CHECK(output.out == "wrote " + scratch.File("draft.json") + ": 1 article(s), 3 record(s) found\n");
  const CommandOutput check = RunTool({"check", scratch.File("draft.json")});
  CHECK(check.exit_code == 0);
}

// Runs extract writing to a scratch file ("-o -" goes to the process's standard output, not
// to the streams RunTool captures); `out` then holds the file.
CommandOutput ExtractTo(std::vector<std::string> args) {
  ScratchDirectory scratch;
  args.insert(args.begin(), "extract");
  args.push_back("-o");
  args.push_back(scratch.File("draft"));
  CommandOutput output = RunTool(args);
  output.out = std::filesystem::exists(scratch.File("draft")) ? ReadWholeFile(scratch.File("draft")) : "";
  return output;
}

TEST_CASE("extract: HTML gives the title, canonical URL, site and time, and drops boilerplate") {
  const CommandOutput output = ExtractTo({"tests/extract/article_page.html"});
  CHECK(output.exit_code == 0);
  CHECK(output.out.find("{\"id\": \"report-article-page\", \"title\": \"Harbour reopens after storm\", "
                        "\"url\": \"https://gazette.example.com/harbour-reopens\", \"publisher\": "
                        "\"example-gazette\", \"published\": \"2031-05-02T08:30:00Z\", \"kind\": "
                        "\"news report\"}") != std::string::npos);
  CHECK(output.out.find("\"speaker\": \"port-authority\"") != std::string::npos);
  CHECK(output.out.find("\"speaker\": \"ines-costa\", \"quote\": \"Damage to the piers was smaller than "
                        "we feared\"") != std::string::npos);
  for (const char* boilerplate : {"tracking", "menu said", "Buy boats", "Storm hits", "lawyers"}) {
    CHECK_MESSAGE(output.out.find(boilerplate) == std::string::npos, boilerplate);
  }
}

TEST_CASE("extract: JSON Lines, one article an object, bad metadata is dropped with a warning") {
  const std::string file = "tests/extract/articles.jsonl";
  const CommandOutput output = ExtractTo({file});
  CHECK(output.exit_code == 0);
  CHECK(output.err == file + ":3:1: warning: empty article (no \"text\"): skipped\n" + file +
                          ":4:1: warning: url \"not a url\" left out: is not an absolute http or https "
                          "URL (it must start with http:// or https://)\n");
  CHECK(output.out.find("{\"id\": \"report-articles-1\", \"title\": \"Bridge opens\", \"url\": "
                        "\"https://wire.example.net/a1\", \"publisher\": \"reuters\", \"published\": "
                        "\"2031-06-01\", \"kind\": \"news report\"}") != std::string::npos);
  CHECK(output.out.find("{\"id\": \"report-articles-4\", \"title\": \"[Engineers said the bridge had passed "
                        "its load tests in May.]\", \"kind\": \"news report\"}") != std::string::npos);
}

TEST_CASE("extract: a malformed JSON line is an error with its line and column") {
  ScratchDirectory scratch;
  const std::string file = scratch.Write("bad.jsonl", "{\"text\": \"One.\"}\n{\"text\": 3}\n");
  CommandOutput output = RunTool({"extract", file, "-o", "-"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == file + ":2:1: error: \"text\" must be a string\n");
  const std::string broken = scratch.Write("broken.jsonl", "{\"text\": \n");
  output = RunTool({"extract", broken, "-o", "-"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == broken + ":1:10: error: not a JSON object: Invalid value.\n");
}

TEST_CASE("extract: usage errors") {
  CommandOutput output = RunTool({"extract", "tests/extract/second_report.txt"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph extract: error: name the draft to write with -o DRAFT\n");
  output = RunTool({"extract", "-o", "-"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph extract: error: name at least one ARTICLE file\n");
  output = RunTool({"extract", "tests/extract/second_report.txt", "-o", "-", "--format", "html"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "claimgraph extract: error: --format must be 'casefile' or 'review', not 'html'\n");
  output = RunTool({"extract", "tests/extract/missing.txt", "-o", "-"});
  CHECK(output.exit_code == 2);
  CHECK(output.err == "tests/extract/missing.txt: error: cannot open: No such file or directory\n");
}

TEST_CASE("extract: --format review marks each content and lists the records proposed") {
  const CommandOutput output = ExtractTo({"tests/extract/second_report.txt", "--format", "review"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "== tests/extract/second_report.txt (report-second-report)\n\n"
        "  Japan's Defence Ministry said [[the joint exercise was not aimed at any third country]].\n"
        "    span 30-83, rule subject-verb, claim joint-exercise-not-aimed-third-country\n"
        "    -> report-second-report supports joint-exercise-not-aimed-third-country (speaker "
        "japan-defence-ministry)\n\n"
        "  [[The navies of Japan and India have trained together since 2029]], officials said.\n"
        "    span 85-147, rule clause-speaker-verb+unnamed-speaker, claim "
        "navies-japan-india-trained-together-since\n"
        "    -> report-second-report reports navies-japan-india-trained-together-since\n\n"
        "  Critics said [[the exercise was aimed at a third party]].\n"
        "    span 178-217, rule subject-verb+unnamed-speaker, claim exercise-aimed-third-party\n"
        "    -> report-second-report reports exercise-aimed-third-party\n");
}

}  // namespace
}  // namespace claimgraph::testing

namespace claimgraph::testing {
namespace {

TEST_CASE("extract: check accepts span and extracted_by, and rejects a span that is not [begin, end]") {
  ScratchDirectory scratch;
  const std::string head =
      "{\"claimgraph\": \"1.0\", \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"kind\": \"news report\"}],\n"
      " \"claims\": [{\"id\": \"c\", \"text\": \"C\"}],\n"
      " \"assertions\": [{\"source\": \"s\", \"claim\": \"c\", \"stance\": \"supports\", \"extracted_by\": "
      "\"own-voice\", \"span\": ";
  const std::string good = scratch.Write("good.json", head + "[5, 9]}]}\n");
  CHECK(RunTool({"check", good}).exit_code == 0);
  for (const char* span : {"[5]", "[5, 9, 12]", "[9, 5]", "[5.5, 9]"}) {
    CAPTURE(span);
    const std::string bad = scratch.Write("bad.json", head + span + "}]}\n");
    const CommandOutput output = RunTool({"check", bad});
    CHECK(output.exit_code == 2);
    CHECK(output.err == bad + ":3:98: error: /assertions/0/span: span must be [begin, end]: two whole "
                              "numbers with begin <= end\n");
  }
  const std::string negative = scratch.Write("negative.json", head + "[5, -1]}]}\n");
  const CommandOutput output = RunTool({"check", negative});
  CHECK(output.exit_code == 2);
  CHECK(output.err == negative + ":3:110: error: /assertions/0/span/1: 1 must be between 0 and 4294967295, "
                                 "not -1\n");
}

}  // namespace
}  // namespace claimgraph::testing
