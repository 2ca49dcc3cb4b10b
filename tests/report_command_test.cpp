// `claimgraph report` on the command line: bad input is refused with the whole message and
// exit 2, before anything is written; an output that is an input is refused; what the
// page leaves out is said as a note.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace claimgraph::testing {
namespace {

const std::string kSample = "samples/thaad-drills/case.json";
const std::string kHint = " (see 'claimgraph report --help')\n";

TEST_CASE("report refuses bad arguments and bad casefiles with the whole message, and writes nothing") {
  ScratchDirectory scratch;
  const std::string output = scratch.File("report.html");
  const std::string bad = scratch.Write("bad.json",
                                        "{\"claimgraph\": \"1.0\",\n"
                                        " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"kind\": \"news report\",\n"
                                        "   \"url\": \"javascript:alert(1)\"}],\n"
                                        " \"claims\": [{\"id\": \"c\", \"text\": \"C\"}]}\n");
  const std::string sample = ProjectPath(kSample);
  const struct {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"report", "-o", output}, "claimgraph report: give at least one casefile" + kHint},
      {{"report", sample},
       "claimgraph report: give the output file with -o REPORT.html ('-' for standard output)" + kHint},
      {{"report", sample, "--fromat", "x", "-o", output}, "claimgraph report: unknown option '--fromat'" + kHint},
      {{"report", sample, "--title", "", "-o", output},
       "claimgraph report: --title needs a text; leave it out to use the casefile's title" + kHint},
      {{"report", sample, "--review-url", "javascript:alert(1)", "-o", output},
       "claimgraph report: --review-url: the review url 'javascript:alert(1)' must be an absolute http or https "
       "URL without spaces or '#'\n"},
      {{"report", sample, "--review-url", "https://example.org/r.html#top", "-o", output},
       "claimgraph report: --review-url: the review url 'https://example.org/r.html#top' must be an absolute http "
       "or https URL without spaces or '#'\n"},
      {{"report", sample, "--as-of", "2024-13-01", "-o", output},
       "claimgraph report: --as-of: '2024-13-01' has no month 13 (months are 01 to 12)\n"},
      {{"report", bad, "-o", output},
       bad + ":3:4: error: /sources/0/url: \"javascript:alert(1)\" is not an absolute http or https URL (it must "
             "start with http:// or https://)\n"},
      {{"report", scratch.File("missing.json"), "-o", output},
       scratch.File("missing.json") + ":1:1: error: cannot open: No such file or directory\n"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args);
    const CommandOutput result = RunTool(args);
    CHECK(result.exit_code == 2);
    CHECK(result.err == message);
    CHECK(result.out == "");
    CHECK(!std::filesystem::exists(output));
  }
  CHECK(scratch.List() == std::vector<std::string>{"bad.json"});
}

TEST_CASE("report will not write over its casefile, and leaves it as it was") {
  ScratchDirectory scratch;
  const std::string casefile = scratch.Write("case.json", ReadWholeFile(ProjectPath(kSample)));
  const CommandOutput result = RunTool({"report", casefile, "-o", casefile});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "claimgraph: error: output '" + casefile + "' is the input '" + casefile +
                          "'; nothing was written\n");
  CHECK(ReadWholeFile(casefile) == ReadWholeFile(ProjectPath(kSample)));
  CHECK(scratch.List() == std::vector<std::string>{"case.json"});
}

TEST_CASE("report says when it leaves the JSON-LD out, and why") {
  ScratchDirectory scratch;
  const std::string no_review = scratch.Write(
      "case.json",
      "{\"claimgraph\": \"1.0\", \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"kind\": \"news report\"}],\n"
      " \"claims\": [{\"id\": \"c\", \"text\": \"C\"}],\n"
      " \"assertions\": [{\"source\": \"s\", \"claim\": \"c\", \"stance\": \"supports\"}]}\n");
  const CommandOutput without_review = RunTool({"report", no_review, "--review-url", "https://example.org/r.html", "-o", "-"});
  CHECK(without_review.exit_code == 0);
  CHECK(without_review.err ==
        "claimgraph report: note: the ClaimReview JSON-LD is left out: the casefile has no \"review\" block naming "
        "who published the review (docs/report.md)\n");
  CHECK(without_review.out.find("<script") == std::string::npos);
  CHECK(without_review.out.find("<title>Fact-check report</title>") != std::string::npos);

  // The sample has a review block, but its claims have no verdict url to review them at.
  const CommandOutput without_url = RunTool({"report", ProjectPath(kSample), "-o", scratch.File("r.html")});
  CHECK(without_url.exit_code == 0);
  CHECK(without_url.err ==
        "claimgraph report: note: the ClaimReview JSON-LD is left out: give --review-url URL, the address the "
        "report will be published at, so that every claim's review has a url\n");
  const std::string html = ReadWholeFile(scratch.File("r.html"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<section class=\"claim\" id=\"claim-drill-not-aimed-at-third-party\"") != std::string::npos);
}

}  // namespace
}  // namespace claimgraph::testing
