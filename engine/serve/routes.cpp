// The whole API at a glance. docs/api.md and openapi.json describe the same routes; a test
// (tests/serve_routes_test.cpp) checks that every pattern here is in openapi.json.
#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

constexpr Route kRoutes[] = {
    {"GET", "/", Access::kRead, AnswerPage},
    {"GET", "/app.js", Access::kRead, AnswerAsset},
    {"GET", "/style.css", Access::kRead, AnswerAsset},
    {"GET", "/api/openapi.json", Access::kRead, AnswerOpenApi},
    {"GET", "/api/claims", Access::kRead, AnswerClaims},
    {"GET", "/api/claims/{id}", Access::kRead, AnswerClaim},
    {"GET", "/api/claims/{id}/svg", Access::kRead, AnswerClaimSvg},
    {"GET", "/api/graph/svg", Access::kRead, AnswerGraphSvg},
    {"GET", "/api/sources", Access::kRead, AnswerSources},
    {"GET", "/api/entities", Access::kRead, AnswerEntities},
    {"GET", "/api/records/{id}", Access::kRead, AnswerRecord},
    {"GET", "/api/query/{name}", Access::kRead, AnswerQuery},
    {"GET", "/api/query/{name}/{id}", Access::kRead, AnswerQueryWithId},
    {"GET", "/api/export/{format}", Access::kRead, AnswerExport},
    {"GET", "/api/history", Access::kRead, AnswerHistory},
    {"POST", "/api/records", Access::kWrite, AnswerPostRecords},
    {"PUT", "/api/records/{collection}/{id}", Access::kWrite, AnswerPutRecord},
    {"DELETE", "/api/records/{collection}/{id}", Access::kWrite, AnswerDeleteRecord},
};

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

HttpResponse Ok(std::string body, std::string content_type) {
  HttpResponse response;
  response.SetHeader("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

HttpResponse NotFound(const std::string& detail) {
  return ProblemResponse({404, "not-found", "Not Found", detail});
}

}  // namespace claimgraph::serve
