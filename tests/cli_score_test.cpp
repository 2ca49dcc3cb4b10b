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
        "claim            score   verdict             reports  for  against  interested  text\n"
        "drill-planned    0.7163  corroborated              4    3        0           1  A drill is planned\n"
        "drill-cancelled  0.4444  refuted                   1    0        1           0  The drill is cancelled\n"
        "\n"
        "source trust from: priors\n"
        "source  trust   prior\n"
        "r0      0.8000  0.8000\n"
        "r1      0.6000  0.6000\n"
        "r2      0.5000  -\n"
        "r3      0.9000  0.9000\n");
}

// The scores in full: 2.525 / 3.525 and 1 / 2.25 in the shortest form that reads back.
TEST_CASE("score --format csv holds claims and sources in one table, numbers exact") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"score", path, "--reliability=priors", "--format", "csv"});
  CHECK(output.exit_code == 0);
  CHECK(output.out ==
        "kind,id,question,value,score,belief,verdict,reports,supporting_reports,refuting_reports,"
        "origins_for,origins_against,interested_origins,trust,prior,text\n"
        "claim,drill-planned,,,0.7163120567375887,0.7163120567375887,corroborated,4,3,0,3,0,1,,,A drill is planned\n"
        "claim,drill-cancelled,,,0.4444444444444444,0.4444444444444444,refuted,1,0,1,0,1,0,,,The drill is cancelled\n"
        "source,r0,,,,,,,,,,,,0.8,0.8,\n"
        "source,r1,,,,,,,,,,,,0.6,0.6,\n"
        "source,r2,,,,,,,,,,,,0.5,,\n"
        "source,r3,,,,,,,,,,,,0.9,0.9,\n");
  CHECK(std::stod("0.7163120567375887") == 2.525 / 3.525);
}

// Questions, values and long text: the table adds the question and value columns and cuts
// text at 40 characters; a control character in the text is shown as a space.
constexpr const char* kQuestionCase = R"({
  "claimgraph": "1.0",
  "sources": [
    {"id": "a", "title": "A", "kind": "news report", "reliability": 0.9},
    {"id": "b", "title": "B", "kind": "news report", "reliability": 0.9},
    {"id": "c", "title": "C", "kind": "news report", "reliability": 0.9}
  ],
  "claims": [
    {"id": "capital-x", "text": "The capital\u001b[2J is X, says a text that goes on well past forty", "question": "capital", "value": "X"},
    {"id": "capital-y", "text": "The capital is Y", "question": "capital", "value": "Y"}
  ],
  "assertions": [
    {"source": "a", "claim": "capital-x", "stance": "supports"},
    {"source": "b", "claim": "capital-x", "stance": "supports"},
    {"source": "c", "claim": "capital-y", "stance": "supports"}
  ]
}
)";

TEST_CASE("score prints each claim's question and value, and splits origins for and against") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kQuestionCase);
  CommandOutput output = RunTool({"score", path, "--reliability", "priors"});
  CHECK(output.exit_code == 0);
  // capital-x: S = 1.8, R = 0.9 (c supports the other value): 2.8 / 4.7 = 0.5957, and
  // R > 0.25 S: contested. capital-y: S = 0.9, R = 1.8 = 2 S: 1.9 / 4.7 = 0.4043, refuted.
  CHECK(output.out.substr(0, output.out.find("\n\n")) ==
        "claim      score   verdict             reports  for  against  interested  question                  value             text\n"
        "capital-x  0.5957  contested                 2    2        1           0  capital                   X                 "
        "The capital [2J is X, says a text that \xE2\x80\xA6\n"
        "capital-y  0.4043  refuted                   1    1        2           0  capital                   Y                 "
        "The capital is Y");
}

TEST_CASE("with --method, scores are probabilities within the question and bands agree") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kQuestionCase);
  CommandOutput output = RunTool({"score", path, "--method", "investment", "--format", "csv"});
  CHECK(output.exit_code == 0);
  const std::string x = output.out.substr(output.out.find("claim,capital-x"));
  const std::string y = output.out.substr(output.out.find("claim,capital-y"));
  // Investment: the two sources of X earn more than the one of Y; the scores sum to 1.
  const auto field = [](const std::string& line, int column) {
    size_t at = 0;
    for (int k = 0; k < column; ++k) at = line.find(',', at) + 1;
    return line.substr(at, line.find(',', at) - at);
  };
  CHECK(field(x, 2) == "capital");
  CHECK(field(x, 3) == "X");
  const double px = std::stod(field(x, 4)), py = std::stod(field(y, 4));
  CHECK(px > 0.5);
  CHECK(px + py == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(field(y, 6) != "single origin");
}

TEST_CASE("score --format json and -o write the same result, byte for byte each run") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput first = RunTool({"score", path, "--format", "json"});
  CommandOutput second = RunTool({"score", path, "--format", "json"});
  CHECK(first.exit_code == 0);
  CHECK(first.out == second.out);
  CHECK(first.out.find("\"id\": \"drill-planned\",\n      \"question\": \"\",\n      \"value\": \"\",\n      \"score\": ") !=
        std::string::npos);
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

TEST_CASE("explain with a method says its score is the method's probability, from its belief") {
  ScratchDirectory directory;
  std::string path = directory.Write("case.json", kCase);
  CommandOutput output = RunTool({"explain", path, "drill-planned", "--method", "majority"});
  CHECK(output.exit_code == 0);
  // Majority: three supporting votes and none for the negation, so belief and probability are 1.
  CHECK(output.out.find("; score = majority probability that the claim is true = 1.0000 (its belief 1.0000 "
                        "shared out over the claim's alternatives; the groups are shown for context)\n") !=
        std::string::npos);
  CHECK(output.out.find("belief in the claim") == std::string::npos);
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
