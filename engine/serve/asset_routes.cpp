// The page and the API description, compiled into the binary from engine/serve/web/ and
// engine/serve/openapi.json (claimgraph_embed_files): an installed server needs no files
// beside it, and no HTML is written in C++.
#include "embedded/serve_assets.h"
#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

HttpResponse Embedded(std::string_view name, std::string content_type) {
  std::optional<std::string_view> bytes = embedded::serve_assets::Find(name);
  if (!bytes) return ProblemResponse({500, "missing-asset", "Internal Server Error", "no embedded " + std::string(name)});
  return Ok(std::string(*bytes), std::move(content_type));
}

}  // namespace

HttpResponse AnswerPage(RouteCall&) { return Embedded("index.html", "text/html; charset=utf-8"); }

HttpResponse AnswerAsset(RouteCall& call) {
  const std::string& name = call.target.segments.at(0);
  if (name == "app.js") return Embedded(name, "text/javascript; charset=utf-8");
  return Embedded(name, "text/css; charset=utf-8");
}

HttpResponse AnswerOpenApi(RouteCall&) { return Embedded("openapi.json", "application/json"); }

}  // namespace claimgraph::serve
