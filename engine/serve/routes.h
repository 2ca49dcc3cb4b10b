// Internal to the serve layer: the route table and what each route's function is given.
#ifndef CLAIMGRAPH_SERVE_ROUTES_H_
#define CLAIMGRAPH_SERVE_ROUTES_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "claimgraph/query.h"
#include "serve/auth.h"
#include "serve/http_message.h"
#include "serve/problem.h"
#include "serve/snapshot.h"
#include "serve/target.h"

namespace claimgraph::serve {

class DeskHandler;

struct RouteCall {
  const HttpRequest& request;
  const RequestTarget& target;
  std::vector<std::string> parameters;  // the segments matched by "{...}", in order
  std::shared_ptr<const Snapshot> snapshot;
  DeskHandler& handler;
  std::optional<AccessToken> token;  // who is asking, when a token was given
};

enum class Access : uint8_t { kRead, kWrite };

struct Route {
  const char* method;
  const char* pattern;  // "/api/claims/{id}/svg": each "{...}" matches one segment
  Access access;
  HttpResponse (*answer)(RouteCall& call);
};

// Every route, in the order they are matched.
std::span<const Route> Routes();

// The route functions, by file.
HttpResponse AnswerPage(RouteCall& call);        // asset_routes.cpp: "/", the page's files
HttpResponse AnswerAsset(RouteCall& call);
HttpResponse AnswerOpenApi(RouteCall& call);
HttpResponse AnswerClaims(RouteCall& call);      // read_routes.cpp
HttpResponse AnswerClaim(RouteCall& call);
HttpResponse AnswerClaimSvg(RouteCall& call);
HttpResponse AnswerGraphSvg(RouteCall& call);
HttpResponse AnswerSources(RouteCall& call);
HttpResponse AnswerEntities(RouteCall& call);
HttpResponse AnswerRecord(RouteCall& call);
HttpResponse AnswerQuery(RouteCall& call);       // query_routes.cpp
HttpResponse AnswerQueryWithId(RouteCall& call);
HttpResponse AnswerExport(RouteCall& call);
HttpResponse AnswerHistory(RouteCall& call);     // write_routes.cpp
HttpResponse AnswerPostRecords(RouteCall& call);
HttpResponse AnswerPutRecord(RouteCall& call);
HttpResponse AnswerDeleteRecord(RouteCall& call);

// The `query claims` filters from ?entity=&verdict=&min_score=&max_score=&text=.
Result<ClaimFilter> FilterOf(const RequestTarget& target);

// A 200 response with this body and content type.
HttpResponse Ok(std::string body, std::string content_type);
// A problem for a request that named no such record ("no claim 'x'").
HttpResponse NotFound(const std::string& detail);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_ROUTES_H_
