// Writes through the API: tokens, origins, bodies, located errors, conflicts, rescoring,
// and hostile strings that must never come back as markup.
#include <doctest/doctest.h>

#include "serve_test_desk.h"

namespace claimgraph::testing {
namespace {

const std::string kNewAssertion =
    "{\"sources\": [{\"id\": \"new-wire\", \"title\": \"A new wire report\", \"kind\": \"wire report\"}],\n"
    " \"assertions\": [{\"source\": \"new-wire\", \"claim\": \"drill-not-aimed-at-third-party\", \"stance\": \"supports\"}]}";

std::string ScoreOf(serve::DeskHandler& handler, const std::string& claim) {
  std::string body = handler.Handle(Get("/api/claims/" + claim)).body;
  size_t at = body.find("\"score\":");
  return body.substr(at + 8, body.find(',', at) - at - 8);
}

TEST_CASE("serve: a write needs a write token from this origin") {
  auto handler = SampleHandler();
  serve::HttpResponse none = handler->Handle(Post(kNewAssertion, ""));
  CHECK(none.body ==
        "{\"type\":\"about:blank#no-token\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"writes need "
        "'Authorization: Bearer TOKEN'\"}\n");
  CHECK(handler->Handle(Post(kNewAssertion, "writer-token-0123456780")).body ==
        "{\"type\":\"about:blank#bad-token\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the bearer "
        "token is not one of the server's tokens\"}\n");
  CHECK(handler->Handle(Post(kNewAssertion, kReaderToken)).body ==
        "{\"type\":\"about:blank#read-only-token\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"the token of "
        "'reader' may only read\"}\n");
  serve::HttpRequest cross_site = Post(kNewAssertion);
  cross_site.headers.emplace_back("Sec-Fetch-Site", "cross-site");
  const std::string cross_origin_body =
      "{\"type\":\"about:blank#cross-origin\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"writes from a page "
      "of another origin are refused\"}\n";
  CHECK(handler->Handle(cross_site).body == cross_origin_body);
  serve::HttpRequest other_origin = Post(kNewAssertion);
  other_origin.headers.emplace_back("Origin", "http://evil.example");
  CHECK(handler->Handle(other_origin).body == cross_origin_body);
  CHECK(handler->snapshot()->revision == 0);
  serve::HttpRequest same_origin = Post(kNewAssertion);
  same_origin.headers.emplace_back("Origin", kOrigin);
  same_origin.headers.emplace_back("Sec-Fetch-Site", "same-origin");
  CHECK(handler->Handle(same_origin).status == 201);
}

TEST_CASE("serve: an applied write is rescored, changes the ETag and is in the history") {
  auto handler = SampleHandler();
  const std::string before = ScoreOf(*handler, kHeadline);
  const std::string etag = std::string(*handler->Handle(Get("/api/claims")).Header("ETag"));
  serve::HttpResponse added = handler->Handle(Post(kNewAssertion));
  CHECK(added.status == 201);
  CHECK(added.body == "{\"revision\":1,\"ids\":[\"new-wire\"]}\n");
  CHECK(ScoreOf(*handler, kHeadline) != before);
  serve::HttpRequest conditional = Get("/api/claims");
  conditional.headers.emplace_back("If-None-Match", etag);
  CHECK(handler->Handle(conditional).status == 200);
  serve::HttpResponse history = handler->Handle(Get("/api/history?record=new-wire"));
  CHECK(history.body.find("\"author\":\"editor\"") != std::string::npos);
  CHECK(history.body.find("\"action\":\"add\",\"collection\":\"sources\",\"id\":\"new-wire\"") != std::string::npos);
}

TEST_CASE("serve: bad bodies are located problems") {
  auto handler = SampleHandler();
  serve::HttpRequest form = Post(kNewAssertion);
  form.headers[1].second = "text/plain";
  CHECK(handler->Handle(form).body ==
        "{\"type\":\"about:blank#unsupported-media-type\",\"title\":\"Unsupported Media Type\",\"status\":415,"
        "\"detail\":\"the body must be sent as 'Content-Type: application/json', not 'text/plain'\"}\n");
  CHECK(handler->Handle(Post("{\"claims\": [\n  {\"id\": \"x\",}]}")).body ==
        "{\"type\":\"about:blank#invalid-json\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"the body is "
        "not JSON\",\"errors\":[{\"pointer\":\"\",\"line\":2,\"column\":14,\"message\":\"Missing a name for object "
        "member.\"}]}\n");
  CHECK(handler->Handle(Post("{\"claims\": \"\xff\"}")).body ==
        "{\"type\":\"about:blank#invalid-utf8\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"the body is "
        "not UTF-8\"}\n");
  CHECK(handler->Handle(Post(std::string(5000, ' '))).body ==
        "{\"type\":\"about:blank#body-too-large\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"the "
        "body has 5000 bytes; the limit is 4096\"}\n");
  CHECK(handler->Handle(Post("[]")).status == 422);
  serve::HttpResponse dangling = handler->Handle(Post(
      "{\"assertions\": [\n  {\"source\": \"report-unnamed-2017-beijing-drill\", \"claim\": \"no-such-claim\", "
      "\"stance\": \"supports\"}]}"));
  CHECK(dangling.status == 422);
  CHECK(dangling.body ==
        "{\"type\":\"about:blank#invalid-records\",\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":"
        "\"the records do not check\",\"errors\":[{\"pointer\":\"/assertions/0/claim\",\"line\":2,\"column\":51,"
        "\"message\":\"unknown id \\\"no-such-claim\\\": expected the id of a claim\"}]}\n");
  CHECK(handler->snapshot()->revision == 0);
}

TEST_CASE("serve: an id already stored is a conflict naming it") {
  auto handler = SampleHandler();
  serve::HttpResponse conflict = handler->Handle(Post("{\"claims\": [{\"id\": \"drill-not-aimed-at-third-party\", \"text\": \"again\"}]}"));
  CHECK(conflict.body ==
        "{\"type\":\"about:blank#conflict\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"already stored: "
        "drill-not-aimed-at-third-party\",\"ids\":[\"drill-not-aimed-at-third-party\"]}\n");
}

TEST_CASE("serve: hostile strings never come back as markup") {
  auto handler = SampleHandler();
  const std::string hostile =
      "{\"sources\": [{\"id\": \"hostile-source\", \"title\": \"<script>alert(1)</script>\", \"kind\": \"other\"}],"
      " \"claims\": [{\"id\": \"hostile-claim\", \"text\": \"\\\"><img src=x onerror=alert(2)>\"}],"
      " \"assertions\": [{\"source\": \"hostile-source\", \"claim\": \"hostile-claim\", \"stance\": \"supports\","
      " \"quote\": \"</textarea><svg onload=alert(3)>\"}]}";
  REQUIRE(handler->Handle(Post(hostile)).status == 201);
  for (std::string target :
       {"/api/claims", "/api/claims/hostile-claim", "/api/claims/hostile-claim/svg", "/api/graph/svg", "/api/sources",
        "/api/records/hostile-source", "/api/records/hostile-claim", "/api/query/claims", "/api/query/source/hostile-source",
        "/api/query/origins/hostile-claim", "/api/export/prov-json", "/api/export/graphml",
        "/api/export/claimreview?review_url=https://example.org/r", "/api/history", "/api/claims/%3Cscript%3E"}) {
    CAPTURE(target);
    serve::HttpResponse response = handler->Handle(Get(target));
    CHECK(response.status != 500);
    CHECK(response.body.find("<script") == std::string::npos);
    CHECK(response.body.find("<img") == std::string::npos);
    CHECK(response.body.find("<svg onload") == std::string::npos);
    CHECK(response.body.find("</textarea") == std::string::npos);
  }
  // They are there, escaped: JSON as \u003c, SVG as &lt;.
  CHECK(handler->Handle(Get("/api/claims/hostile-claim")).body.find("\\u003cimg src=x onerror=alert(2)\\u003e") !=
        std::string::npos);
}

TEST_CASE("serve: tokens files") {
  auto tokens = serve::ParseTokens("# desk tokens\neditor  0123456789abcdef\nreader fedcba9876543210 read\n", "tokens.txt");
  REQUIRE(tokens.ok());
  CHECK(tokens->size() == 2);
  CHECK(tokens->at(1).can_write == false);
  CHECK(serve::ParseTokens("editor short\n", "tokens.txt").status().message() ==
        "tokens.txt:1: the token of 'editor' is shorter than 16 characters");
  CHECK(serve::ParseTokens("\neditor 0123456789abcdef admin\n", "tokens.txt").status().message() ==
        "tokens.txt:2: expected NAME TOKEN [read|write]");
  CHECK(serve::ParseTokens("a 0123456789abcdef\na 0123456789abcdeg\n", "t").status().message() ==
        "t:2: the name 'a' is given twice");
  CHECK(serve::Authenticate(tokens.value(), "bearer 0123456789abcdef")->name == "editor");
  CHECK(!serve::Authenticate(tokens.value(), "Basic 0123456789abcdef"));
  CHECK(!serve::Authenticate(tokens.value(), "Bearer 0123456789abcde"));
  CHECK(serve::ConstantTimeEquals("abc", "abc"));
  CHECK(!serve::ConstantTimeEquals("abc", "abd"));
  CHECK(!serve::ConstantTimeEquals("abc", "abcd"));
}

TEST_CASE("serve: the command refuses a remote address unless asked, and bad tokens files") {
  CommandOutput remote = RunTool({"serve", ProjectPath("samples/thaad-drills/case.json"), "--listen", "0.0.0.0:8080"});
  CHECK(remote.exit_code == 2);
  CHECK(remote.err ==
        "claimgraph serve: --listen '0.0.0.0:8080' is not a loopback address; add --allow-remote to serve other "
        "machines (and use --tokens and --private)\n");
  CommandOutput port = RunTool({"serve", ProjectPath("samples/thaad-drills/case.json"), "--listen", "127.0.0.1:x"});
  CHECK(port.err == "claimgraph serve: --listen '127.0.0.1:x': the port must be 0 to 65535 (see 'claimgraph serve --help')\n");
  CommandOutput lonely = RunTool({"serve", ProjectPath("samples/thaad-drills/case.json"), "--private"});
  CHECK(lonely.err == "claimgraph serve: --private needs --tokens FILE (nobody could read)\n");
}

}  // namespace
}  // namespace claimgraph::testing
