// One request's way through the handler: parse the target, find the route (404, 405), check
// the Host (DNS rebinding), the token (401, 403) and, for writes, the origin (403); answer a
// GET whose ETag the client already holds with 304; otherwise run the route. Every response
// gets the same security headers, and an exception from a route becomes a 500 problem.
#include "serve/handler.h"

#include <exception>

#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

// The page may load only its own files: no inline script or style, no other origin, no
// framing (clickjacking), no plugins. docs/api.md explains each directive.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void AddSecurityHeaders(HttpResponse& response) {
  response.SetHeader("Content-Security-Policy", kContentSecurityPolicy);
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-cache");
}

bool Matches(const Route& route, const RequestTarget& target, std::vector<std::string>& parameters) {
  parameters.clear();
  std::string_view pattern = route.pattern;
  size_t index = 0;
  size_t at = 1;
  while (at <= pattern.size()) {
    size_t end = pattern.find('/', at);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view piece = pattern.substr(at, end - at);
    at = end + 1;
    if (piece.empty()) break;
    if (index >= target.segments.size()) return false;
    if (piece.front() == '{') parameters.push_back(target.segments[index]);
    else if (piece != target.segments[index]) return false;
    ++index;
  }
  return index == target.segments.size();
}

// FNV-1a (Fowler, Noll, Vo): a short, stable digest of the route's target for the ETag.
std::string Digest(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char character : text) hash = (hash ^ character) * 1099511628211ull;
  static const char kHex[] = "0123456789abcdef";
  std::string digest(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) digest[static_cast<size_t>(i)] = kHex[hash & 15];
  return digest;
}

// RFC 9110 section 13.1.2: a list of entity tags, weak ones compared weakly, or "*".
bool NoneMatch(std::string_view header, std::string_view etag) {
  size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ',')) ++at;
    size_t end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(at, end - at);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    at = end + 1;
  }
  return false;
}

std::string HostOf(std::string_view origin) {
  const size_t scheme = origin.find("://");
  return std::string(scheme == std::string_view::npos ? origin : origin.substr(scheme + 3));
}

}  // namespace

Result<std::unique_ptr<DeskHandler>> DeskHandler::Create(std::unique_ptr<Desk> desk, HandlerOptions options) {
  Result<std::shared_ptr<const Snapshot>> snapshot = BuildSnapshot(*desk);
  if (!snapshot.ok()) return snapshot.status();
  return std::unique_ptr<DeskHandler>(new DeskHandler(std::move(desk), std::move(options), snapshot.value()));
}

DeskHandler::DeskHandler(std::unique_ptr<Desk> desk, HandlerOptions options,
                         std::shared_ptr<const Snapshot> snapshot)
    : desk_(std::move(desk)), options_(std::move(options)) {
  snapshot_.Set(std::move(snapshot));
}

void DeskHandler::Refresh(DeskWrite& outcome) {
  Result<std::shared_ptr<const Snapshot>> snapshot = BuildSnapshot(*desk_);
  if (snapshot.ok()) {
    snapshot_.Set(snapshot.value());
    return;
  }
  // The write is stored but the case no longer scores: say so rather than serve stale reads.
  outcome.outcome = DeskWrite::Outcome::kFailed;
  outcome.status = Status::Error("the write was stored, but the case no longer loads: " +
                                 snapshot.status().message(), ExitCode::kInternalError);
}

HttpResponse DeskHandler::Handle(const HttpRequest& request) {
  HttpResponse response;
  try {
    Result<RequestTarget> target = ParseTarget(request.target);
    const Route* route = nullptr;
    bool path_known = false;
    std::vector<std::string> parameters;
    if (target.ok()) {
      for (const Route& candidate : Routes()) {
        if (!Matches(candidate, target.value(), parameters)) continue;
        path_known = true;
        if (request.method == candidate.method || (request.method == "HEAD" && std::string_view(candidate.method) == "GET")) {
          route = &candidate;
          break;
        }
      }
      if (route) Matches(*route, target.value(), parameters);
    }
    std::optional<std::string_view> host = request.Header("Host");
    bool host_allowed = options_.origins.empty();
    for (const std::string& origin : options_.origins) host_allowed |= host && *host == HostOf(origin);
    const std::optional<AccessToken> token = Authenticate(options_.tokens, request.Header("Authorization"));
    if (!target.ok()) {
      response = ProblemResponse({400, "bad-target", "Bad Request", target.status().message()});
    } else if (!host_allowed) {
      response = ProblemResponse({421, "wrong-host", "Misdirected Request",
                                  "this server answers only for " + HostOf(options_.origins.front())});
    } else if (!path_known) {
      response = ProblemResponse({404, "unknown-route", "Not Found",
                                  "no route '" + target->path + "' (GET /api/openapi.json lists them)"});
    } else if (!route) {
      response = ProblemResponse({405, "method-not-allowed", "Method Not Allowed",
                                  request.method + " is not allowed on '" + target->path + "'"});
    } else if (route->access == Access::kWrite && !token) {
      response = ProblemResponse({401, request.Header("Authorization") ? "bad-token" : "no-token", "Unauthorized",
                                  request.Header("Authorization") ? "the bearer token is not one of the server's tokens"
                                                                  : "writes need 'Authorization: Bearer TOKEN'"});
      response.SetHeader("WWW-Authenticate", "Bearer realm=\"claimgraph\"");
    } else if (route->access == Access::kWrite && !token->can_write) {
      response = ProblemResponse({403, "read-only-token", "Forbidden", "the token of '" + token->name + "' may only read"});
    } else if (route->access == Access::kRead && options_.private_reads && !token) {
      response = ProblemResponse({401, "no-token", "Unauthorized", "this server is private: reads need 'Authorization: Bearer TOKEN'"});
      response.SetHeader("WWW-Authenticate", "Bearer realm=\"claimgraph\"");
    } else if (route->access == Access::kWrite && CrossOrigin(request)) {
      response = ProblemResponse({403, "cross-origin", "Forbidden", "writes from a page of another origin are refused"});
    } else {
      std::shared_ptr<const Snapshot> snapshot = snapshot_.Get();
      const std::string etag = "\"" + std::to_string(snapshot->revision) + "-" + Digest(request.target) + "\"";
      std::optional<std::string_view> none_match = request.Header("If-None-Match");
      if (route->access == Access::kRead && none_match && NoneMatch(*none_match, etag)) {
        response.status = 304;
      } else {
        std::optional<HttpResponse> cached;
        if (route->access == Access::kRead) cached = snapshot->Cached(request.target);
        if (cached) {
          response = std::move(*cached);
        } else {
          RouteCall call{request, target.value(), parameters, snapshot, *this, token};
          response = route->answer(call);
          if (route->access == Access::kRead && response.status == 200) snapshot->Cache(request.target, response);
        }
      }
      if (route->access == Access::kRead && (response.status == 200 || response.status == 304)) {
        response.SetHeader("ETag", etag);
      }
    }
  } catch (const std::exception& error) {
    response = ProblemResponse({500, "internal-error", "Internal Server Error", error.what()});
  }
  if (request.method == "HEAD") response.body.clear();
  AddSecurityHeaders(response);
  return response;
}

bool DeskHandler::CrossOrigin(const HttpRequest& request) const {
  // Fetch Metadata (W3C): a browser says where the request came from; "none" is the user
  // typing the address, "same-origin" this page. Programs send neither header.
  if (std::optional<std::string_view> site = request.Header("Sec-Fetch-Site")) {
    if (*site != "same-origin" && *site != "none") return true;
  }
  if (std::optional<std::string_view> origin = request.Header("Origin")) {
    if (options_.origins.empty()) return false;
    for (const std::string& allowed : options_.origins) {
      if (*origin == allowed) return false;
    }
    return true;
  }
  return false;
}

}  // namespace claimgraph::serve
