// The desk's API, in-process: every route, every error status with its whole body, ETags.
#include <doctest/doctest.h>

#include "serve_test_desk.h"

namespace claimgraph::testing {
namespace {

std::string Header(const serve::HttpResponse& response, std::string_view name) {
  return std::string(response.Header(name).value_or("(none)"));
}

TEST_CASE("serve: GET /api/claims lists every claim with score and verdict, and an ETag") {
  auto handler = SampleHandler();
  serve::HttpResponse response = handler->Handle(Get("/api/claims"));
  CHECK(response.status == 200);
  CHECK(Header(response, "Content-Type") == "application/json");
  CHECK(response.body.find("{\"id\":\"drill-not-aimed-at-third-party\",\"text\":\"The joint China–Russia anti-missile "
                           "drill is not aimed at any third party\",\"score\":") != std::string::npos);
  size_t claims = 0;
  for (size_t at = response.body.find("\"verdict\":"); at != std::string::npos; at = response.body.find("\"verdict\":", at + 1)) ++claims;
  CHECK(claims == 20);
  const std::string etag = Header(response, "ETag");
  CHECK(etag.rfind("\"0-", 0) == 0);
  CHECK(Header(response, "Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  CHECK(Header(response, "X-Content-Type-Options") == "nosniff");
  CHECK(Header(response, "Access-Control-Allow-Origin") == "(none)");

  serve::HttpRequest again = Get("/api/claims");
  again.headers.emplace_back("If-None-Match", "W/\"x\", " + etag);
  serve::HttpResponse not_modified = handler->Handle(again);
  CHECK(not_modified.status == 304);
  CHECK(not_modified.body.empty());
  CHECK(Header(not_modified, "ETag") == etag);
  // Another route at the same revision has another ETag.
  CHECK(Header(handler->Handle(Get("/api/claims?verdict=corroborated")), "ETag") != etag);
}

TEST_CASE("serve: the claims filters are those of query claims") {
  auto handler = SampleHandler();
  serve::HttpResponse response = handler->Handle(Get("/api/claims?text=THAAD+south&min_score=0.5"));
  CHECK(response.status == 200);
  CHECK(response.body.find("china-russia-oppose-thaad") != std::string::npos);
  CHECK(response.body.find(kHeadline) == std::string::npos);
  serve::HttpResponse bad = handler->Handle(Get("/api/claims?verdict=maybe"));
  CHECK(bad.status == 400);
  CHECK(bad.body ==
        "{\"type\":\"about:blank#bad-parameter\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"unknown "
        "verdict 'maybe' (use corroborated, single-origin, self-reported-only, contested, refuted or unsupported)\"}\n");
  serve::HttpResponse page = handler->Handle(Get("/api/claims?offset=18&limit=5"));
  CHECK(page.body.rfind("{\"revision\":0,\"total\":20,\"offset\":18,\"claims\":[{\"id\":", 0) == 0);
  CHECK(page.body.find("\"id\":\"us-deployed-thaad-in-south-korea\"") != std::string::npos);
  CHECK(handler->Handle(Get("/api/claims?limit=10001")).body ==
        "{\"type\":\"about:blank#bad-parameter\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"limit "
        "'10001' is not a whole number from 0 to 10000\"}\n");
  CHECK(handler->Handle(Get("/api/claims?min_score=x")).body ==
        "{\"type\":\"about:blank#bad-parameter\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"min_score 'x' "
        "is not a number\"}\n");
}

TEST_CASE("serve: one claim has its explanation, assertions and pictures") {
  auto handler = SampleHandler();
  serve::HttpResponse claim = handler->Handle(Get(std::string("/api/claims/") + kHeadline));
  CHECK(claim.status == 200);
  CHECK(claim.body.find("\"explanation\":\"") != std::string::npos);
  CHECK(claim.body.find("\"quote\":\"The drill is not aimed at any third party\"") != std::string::npos);
  serve::HttpResponse svg = handler->Handle(Get(std::string("/api/claims/") + kHeadline + "/svg"));
  CHECK(svg.status == 200);
  CHECK(Header(svg, "Content-Type") == "image/svg+xml");
  CHECK(svg.body.find("<svg") != std::string::npos);
  CHECK(svg.body.find("id=\"report&#45;unnamed&#45;2017&#45;beijing&#45;drill\"") != std::string::npos);
  serve::HttpResponse whole = handler->Handle(Get("/api/graph/svg"));
  CHECK(whole.status == 200);
  CHECK(whole.body.find("<svg") != std::string::npos);
  CHECK(handler->Handle(Get("/api/claims/nope")).body ==
        "{\"type\":\"about:blank#not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no claim 'nope'\"}\n");
  CHECK(handler->Handle(Get("/api/claims/cn-state/svg")).status == 404);
}

TEST_CASE("serve: sources, entities, records, queries and exports") {
  auto handler = SampleHandler();
  CHECK(handler->Handle(Get("/api/sources")).body.find("\"id\":\"report-unnamed-2017-beijing-drill\"") != std::string::npos);
  CHECK(handler->Handle(Get("/api/entities")).body.find("\"id\":\"cn-state\",\"name\":\"People's Republic of China\"") !=
        std::string::npos);
  serve::HttpResponse record = handler->Handle(Get("/api/records/report-unnamed-2017-beijing-drill"));
  CHECK(record.body.rfind("{\"kind\":\"source\",\"id\":\"report-unnamed-2017-beijing-drill\"", 0) == 0);
  for (const char* query : {"claims", "single-origin", "self-reported", "contested", "answers"}) {
    CAPTURE(query);
    serve::HttpResponse table = handler->Handle(Get(std::string("/api/query/") + query));
    CHECK(table.status == 200);
    CHECK(table.body.rfind("{\"revision\":0,\"columns\":[", 0) == 0);
  }
  for (std::string query : {"first-appearance/", "origins/", "timeline/"}) {
    CHECK(handler->Handle(Get("/api/query/" + query + kHeadline)).status == 200);
  }
  CHECK(handler->Handle(Get("/api/query/source/report-unnamed-2017-beijing-drill")).status == 200);
  CHECK(handler->Handle(Get("/api/query/publisher/cn-state")).status == 200);
  CHECK(handler->Handle(Get("/api/query/origins")).body ==
        "{\"type\":\"about:blank#not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"the query 'origins' "
        "takes an id: /api/query/origins/ID\"}\n");
  CHECK(handler->Handle(Get("/api/query/nope")).status == 404);
  CHECK(handler->Handle(Get("/api/query/origins/nope")).status == 404);
  serve::HttpResponse prov = handler->Handle(Get("/api/export/prov-json"));
  CHECK(prov.status == 200);
  CHECK(prov.body.find("\"prefix\"") != std::string::npos);
  serve::HttpResponse reviews = handler->Handle(Get("/api/export/claimreview?review_url=https://example.org/review"));
  CHECK(reviews.status == 200);
  CHECK(Header(reviews, "Content-Type") == "application/ld+json");
  CHECK(Header(handler->Handle(Get("/api/export/graphml")), "Content-Type") == "application/xml");
  CHECK(handler->Handle(Get("/api/export/gexf")).body ==
        "{\"type\":\"about:blank#not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no export 'gexf' "
        "(the exports are prov-json, claimreview, graphml)\"}\n");
}

TEST_CASE("serve: the page, its files and the OpenAPI document naming every route") {
  auto handler = SampleHandler();
  serve::HttpResponse page = handler->Handle(Get("/"));
  CHECK(Header(page, "Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body.find("<script src=\"/app.js\" defer></script>") != std::string::npos);
  CHECK(Header(handler->Handle(Get("/app.js")), "Content-Type") == "text/javascript; charset=utf-8");
  CHECK(Header(handler->Handle(Get("/style.css")), "Content-Type") == "text/css; charset=utf-8");
  serve::HttpResponse openapi = handler->Handle(Get("/api/openapi.json"));
  CHECK(openapi.body.find("\"openapi\": \"3.0.3\"") != std::string::npos);
  for (const serve::Route& route : serve::Routes()) {
    CAPTURE(route.pattern);
    CHECK(openapi.body.find("\"" + std::string(route.pattern) + "\"") != std::string::npos);
  }
}

TEST_CASE("serve: unknown routes, methods, targets and hosts are problems") {
  auto handler = SampleHandler();
  CHECK(handler->Handle(Get("/api/nope")).body ==
        "{\"type\":\"about:blank#unknown-route\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route "
        "'/api/nope' (GET /api/openapi.json lists them)\"}\n");
  serve::HttpRequest patch = Get("/api/claims");
  patch.method = "PATCH";
  CHECK(handler->Handle(patch).body ==
        "{\"type\":\"about:blank#method-not-allowed\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":"
        "\"PATCH is not allowed on '/api/claims'\"}\n");
  CHECK(handler->Handle(Get("/api/claims/a%2Fb")).body ==
        "{\"type\":\"about:blank#bad-target\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"the path "
        "segment 'a%2Fb' decodes to one holding '/': ids with path characters cannot be named in a URL\"}\n");
  CHECK(handler->Handle(Get("/api/claims/..")).status == 400);
  CHECK(handler->Handle(Get("/api/claims/%ff")).body ==
        "{\"type\":\"about:blank#bad-target\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"the path "
        "segment '%ff' is not UTF-8 once decoded\"}\n");
  CHECK(handler->Handle(Get("/api/claims/%4")).status == 400);
  CHECK(handler->Handle(Get("api")).status == 400);
  serve::HttpRequest rebinding = Get("/api/claims");
  rebinding.headers = {{"Host", "evil.example:8080"}};
  CHECK(handler->Handle(rebinding).body ==
        "{\"type\":\"about:blank#wrong-host\",\"title\":\"Misdirected Request\",\"status\":421,\"detail\":\"this "
        "server answers only for 127.0.0.1:8080\"}\n");
}

TEST_CASE("serve: --private reads need a token") {
  auto handler = SampleHandler(true);
  serve::HttpResponse refused = handler->Handle(Get("/api/claims"));
  CHECK(refused.body ==
        "{\"type\":\"about:blank#no-token\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"this server is "
        "private: reads need 'Authorization: Bearer TOKEN'\"}\n");
  CHECK(Header(refused, "WWW-Authenticate") == "Bearer realm=\"claimgraph\"");
  serve::HttpRequest reader = Get("/api/claims");
  reader.headers.emplace_back("Authorization", std::string("Bearer ") + kReaderToken);
  CHECK(handler->Handle(reader).status == 200);
}

}  // namespace
}  // namespace claimgraph::testing
