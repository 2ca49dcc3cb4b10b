// `claimgraph score` and `claimgraph explain` on a small casefile, compared with whole
// golden outputs. Source trust is the casefile priors (--reliability priors) so that the
// numbers can be checked by hand:
//   drill-planned: groups r0 (0.8), r1 (0.6), ministry via r2 (0.5 * 0.25 = 0.125, the claim
//     is about the ministry); r3 only reports it. S = 1.525, score = 2.525 / 3.525 = 0.7163.
//   drill-cancelled: r2 refutes with confidence 0.5: R = 0.25, score = 1 / 2.25 = 0.4444.
#include <doctest/doctest.h>

#include "test_support.h"

namespace claimgraph {
namespace {

using testing::CommandOutput;
using testing::RunTool;
using testing::ScratchDirectory;

constexpr const char* kCase = R"({
  "claimgraph": "1.0",
  "title": "A small case for the score command",
  "entities": [{"id": "ministry", "name": "Ministry", "type": "organisation"}],
  "sources": [
    {"id": "r0", "title": "Report zero", "kind": "news report", "reliability": 0.8},
    {"id": "r1", "title": "Report one", "kind": "news report", "reliability": 0.6},
    {"id": "r2", "title": "Report two", "kind": "news report"},
    {"id": "r3", "title": "Report three", "kind": "news report", "reliability": 0.9}
  ],
  "claims": [
    {"id": "drill-planned", "text": "A drill is planned", "about": ["ministry"]},
    {"id": "drill-cancelled", "text": "The drill is cancelled"}
  ],
  "assertions": [
    {"source": "r0", "claim": "drill-planned", "stance": "supports"},
    {"source": "r1", "claim": "drill-planned", "stance": "supports"},
    {"source": "r2", "claim": "drill-planned", "stance": "supports", "speaker": "ministry"},
    {"source": "r3", "claim": "drill-planned", "stance": "reports"},
    {"source": "r2", "claim": "drill-cancelled", "stance": "refutes", "confidence": 0.5}
  ],
  "citations": [{"from": "r3", "to": "r0", "kind": "quotes"}]
}
)";

TEST_CASE("score prints every claim, then the trust of every source") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"score", path, "--reliability", "priors"});
  CHECK(output.err == "");
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "claim            score   verdict             reports  origins  interested\n"
        "drill-planned    0.7163  corroborated              4        3           1\n"
        "drill-cancelled  0.4444  refuted                   1        1           0\n"
        "\n"
        "source trust from: priors\n"
        "source  trust   prior\n"
        "r0      0.8000  0.8000\n"
        "r1      0.6000  0.6000\n"
        "r2      0.5000  -\n"
        "r3      0.9000  0.9000\n");
}

TEST_CASE("score --format csv holds claims and sources in one table") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"score", path, "--reliability=priors", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "kind,id,score,verdict,reports,independent_origins,interested_origins,trust,prior\n"
        "claim,drill-planned,0.7163,corroborated,4,3,1,,\n"
        "claim,drill-cancelled,0.4444,refuted,1,1,0,,\n"
        "source,r0,,,,,,0.8000,0.8000\n"
        "source,r1,,,,,,0.6000,0.6000\n"
        "source,r2,,,,,,0.5000,\n"
        "source,r3,,,,,,0.9000,0.9000\n");
}

TEST_CASE("score --format json and -o write the same result, byte for byte each run") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput first = RunTool({"score", path, "--format", "json"});
  CommandOutput second = RunTool({"score", path, "--format", "json"});
  CHECK(first.exit_code == 0);
  CHECK(first.out == second.out);
  CHECK(first.out.find("\"id\": \"drill-planned\",\n      \"score\": ") != std::string::npos);
  CommandOutput written = RunTool({"score", path, "--format", "json", "-o", directory.File("scores.json")});
  CHECK(written.exit_code == 0);
  CHECK(written.out == "");
  CHECK(testing::ReadWholeFile(directory.File("scores.json")) == first.out);
}

TEST_CASE("explain shows each group, its chains, the weights and the arithmetic") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"explain", path, "drill-planned", "--reliability", "priors"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "claim drill-planned: \"A drill is planned\"\n"
        "about: ministry (Ministry)\n"
        "score 0.7163, verdict corroborated, method corroboration\n"
        "reports 4 (3 supporting, 0 refuting), independent groups 3, interested 1\n"
        "source trust: priors\n"
        "\n"
        "supporting group 1 of 3: weight 0.8000 = reliability 0.8000 (trust of r0) x confidence 1.0000 x disinterested 1.0000\n"
        "  origins: r0 \"Report zero\"\n"
        "  reports (1), each chain from report to origin:\n"
        "    [supports] r0 \"Report zero\"\n"
        "\n"
        "supporting group 2 of 3: weight 0.6000 = reliability 0.6000 (trust of r1) x confidence 1.0000 x disinterested 1.0000\n"
        "  origins: r1 \"Report one\"\n"
        "  reports (1), each chain from report to origin:\n"
        "    [supports] r1 \"Report one\"\n"
        "\n"
        "supporting group 3 of 3: weight 0.1250 = reliability 0.5000 (trust of r2) x confidence 1.0000 x interested 0.2500\n"
        "  origins: ministry (Ministry)\n"
        "  interested: an origin is, or is controlled by, an entity the claim is about\n"
        "  reports (1), each chain from report to origin:\n"
        "    [supports] r2 \"Report two\" --speaker--> ministry (Ministry)\n"
        "\n"
        "coverage (reports without taking a side; no weight):\n"
        "    [reports] r3 \"Report three\" --quotes--> r0 \"Report zero\"\n"
        "\n"
        "arithmetic: S = 0.8000 + 0.6000 + 0.1250 = 1.5250; R = 0.0000 (no groups); score = (S + 1) / (S + R + 2) = "
        "(1.5250 + 1) / (1.5250 + 0.0000 + 2) = 0.7163\n"
        "verdict corroborated: two or more disinterested supporting groups, and the weight against is at most "
        "0.25 of the support\n");
}

TEST_CASE("explain --format json gives the group weights and the arithmetic") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"explain", path, "drill-cancelled", "--reliability", "priors", "--format", "json"});
  CHECK(output.exit_code == 0);
  CHECK(output.out.find("\"weight\": 0.2500,") != std::string::npos);
  CHECK(output.out.find("\"assertion\": \"" + path + "#/assertions/4\",") != std::string::npos);
  CHECK(output.out.find(
            "\"arithmetic\": \"S = 0.0000 (no groups); R = 0.2500; score = (S + 1) / (S + R + 2) = "
            "(0.0000 + 1) / (0.0000 + 0.2500 + 2) = 0.4444\"\n}\n") != std::string::npos);
}

TEST_CASE("explain names an unknown claim id and suggests close ones") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput typo = RunTool({"explain", path, "drill-planed"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "claimgraph explain: no claim 'drill-planed' in the casefiles; did you mean 'drill-planned'?\n");
  CommandOutput source = RunTool({"explain", path, "r2"});
  CHECK(source.err == "claimgraph explain: 'r2' is a source, not a claim ('claimgraph score FILE...' lists every claim)\n");
  CommandOutput far = RunTool({"explain", path, "weather"});
  CHECK(far.err == "claimgraph explain: no claim 'weather' in the casefiles ('claimgraph score FILE...' lists every claim)\n");
  CommandOutput both = RunTool({"explain", path, "drill"});
  CHECK(both.err ==
        "claimgraph explain: no claim 'drill' in the casefiles; did you mean 'drill-planned' or 'drill-cancelled'?\n");
}

TEST_CASE("score and explain reject bad options with a message naming them") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput format = RunTool({"score", path, "--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err == "claimgraph score: unknown format 'xml' (choose table, json or csv)\n");
  CommandOutput weight = RunTool({"explain", path, "drill-planned", "--interested-weight", "2"});
  CHECK(weight.exit_code == 2);
  CHECK(weight.err == "claimgraph explain: --interested-weight must be a number in [0, 1], got '2'\n");
  CommandOutput none = RunTool({"score"});
  CHECK(none.err == "claimgraph score: no casefile given (see 'claimgraph score --help')\n");
  CommandOutput claimless = RunTool({"explain", path});
  CHECK(claimless.err ==
        "claimgraph explain: give one or more casefiles and then a claim id (see 'claimgraph explain --help')\n");
}

}  // namespace
}  // namespace claimgraph
