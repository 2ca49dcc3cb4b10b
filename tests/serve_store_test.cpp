// The API over a SQLite store: POST, PUT and DELETE go to the store in one transaction each,
// the author is the token's name, and a delete that would leave dangling references is 409.
#include <doctest/doctest.h>

#include "claimgraph/store.h"
#include "serve_test_desk.h"

namespace claimgraph::testing {
namespace {

std::unique_ptr<serve::DeskHandler> StoreHandler(const ScratchDirectory& scratch) {
  const std::string path = scratch.File("desk.db");
  {
    Result<CaseStore> store = CaseStore::Create(path);
    REQUIRE(store.ok());
    REQUIRE(store->Add(ReadWholeFile(ProjectPath("samples/thaad-drills/case.json")), "case.json", "sample").ok());
  }
  Result<std::unique_ptr<serve::Desk>> desk = serve::OpenStoreDesk(path);
  REQUIRE_MESSAGE(desk.ok(), desk.status().message());
  serve::HandlerOptions options;
  options.tokens = {{"editor", kWriterToken, true}};
  auto handler = serve::DeskHandler::Create(std::move(desk.value()), options);
  REQUIRE(handler.ok());
  return std::move(handler.value());
}

serve::HttpRequest Write(std::string method, std::string target, std::string body = "") {
  serve::HttpRequest request{std::move(method), std::move(target),
                             {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + kWriterToken}},
                             std::move(body)};
  return request;
}

TEST_CASE("serve store: POST adds to the store, rescored, with the token's name in history") {
  ScratchDirectory scratch;
  auto handler = StoreHandler(scratch);
  CHECK(handler->snapshot()->revision == 1);
  serve::HttpResponse added = handler->Handle(Write("POST", "/api/records",
      "{\"sources\": [{\"id\": \"new-wire\", \"title\": \"A new wire report\", \"kind\": \"wire report\"}],"
      " \"assertions\": [{\"source\": \"new-wire\", \"claim\": \"drill-not-aimed-at-third-party\", \"stance\": \"supports\"}]}"));
  CHECK(added.status == 201);
  CHECK(added.body.rfind("{\"revision\":2,\"ids\":[", 0) == 0);
  CHECK(handler->snapshot()->revision == 2);
  CHECK(handler->snapshot()->graph.Find("new-wire").has_value());
  serve::HttpResponse history = handler->Handle(Get("/api/history?record=new-wire"));
  CHECK(history.body.find("\"author\":\"editor\",") != std::string::npos);
  serve::HttpResponse invalid = handler->Handle(Write("POST", "/api/records",
      "{\"claims\": [{\"id\": \"c\", \"text\": \"\"}]}"));
  CHECK(invalid.status == 422);
  CHECK(invalid.body.find("\"pointer\":\"/claims/0/text\",\"line\":1,\"column\":") != std::string::npos);
  CHECK(handler->snapshot()->revision == 2);
}

TEST_CASE("serve store: PUT replaces a record, DELETE refuses while others refer to it") {
  ScratchDirectory scratch;
  auto handler = StoreHandler(scratch);
  serve::HttpResponse put = handler->Handle(Write("PUT", "/api/records/claims/drill-not-aimed-at-third-party",
      "{\"id\": \"drill-not-aimed-at-third-party\", \"text\": \"The drill is not aimed at anyone else\"}"));
  CHECK(put.status == 200);
  CHECK(handler->Handle(Get("/api/claims/drill-not-aimed-at-third-party")).body.find(
            "\"text\":\"The drill is not aimed at anyone else\"") != std::string::npos);
  serve::HttpResponse missing = handler->Handle(Write("PUT", "/api/records/claims/nope", "{\"id\": \"nope\", \"text\": \"x\"}"));
  CHECK(missing.status == 404);
  serve::HttpResponse referenced = handler->Handle(Write("DELETE", "/api/records/claims/drill-not-aimed-at-third-party"));
  CHECK(referenced.status == 409);
  CHECK(referenced.body.rfind("{\"type\":\"about:blank#referenced\",\"title\":\"Conflict\",\"status\":409,\"detail\":"
                              "\"other records refer to it: ", 0) == 0);
  CHECK(referenced.body.find("\"ids\":[") != std::string::npos);
  CHECK(handler->Handle(Write("DELETE", "/api/records/widgets/x")).body ==
        "{\"type\":\"about:blank#not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no collection "
        "'widgets' (the collections are entities, sources, claims, assertions, citations, verdicts)\"}\n");
  // A record nothing refers to goes.
  REQUIRE(handler->Handle(Write("POST", "/api/records", "{\"claims\": [{\"id\": \"lonely\", \"text\": \"Alone\"}]}")).status == 201);
  serve::HttpResponse deleted = handler->Handle(Write("DELETE", "/api/records/claims/lonely"));
  CHECK(deleted.status == 200);
  CHECK(!handler->snapshot()->graph.Find("lonely").has_value());
  serve::HttpResponse history = handler->Handle(Get("/api/history?record=lonely"));
  CHECK(history.body.find("\"action\":\"add\"") != std::string::npos);
  CHECK(history.body.find("\"action\":\"delete\"") != std::string::npos);
}

}  // namespace
}  // namespace claimgraph::testing
