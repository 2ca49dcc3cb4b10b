#include "serve/problem.h"

#include "serve/json_text.h"

namespace claimgraph::serve {

HttpResponse ProblemResponse(const Problem& problem) {
  JsonText json;
  json.StartObject();
  json.Member("type", "about:blank#" + problem.type);
  json.Member("title", problem.title);
  json.Key("status");
  json.Integer(problem.status);
  json.Member("detail", problem.detail);
  if (!problem.errors.empty()) {
    json.Key("errors");
    json.StartArray();
    for (const ProblemError& error : problem.errors) {
      json.StartObject();
      json.Member("pointer", error.pointer);
      json.Key("line");
      json.Integer(error.line);
      json.Key("column");
      json.Integer(error.column);
      json.Member("message", error.message);
      json.EndObject();
    }
    json.EndArray();
  }
  if (!problem.ids.empty()) {
    json.Key("ids");
    json.StartArray();
    for (const std::string& id : problem.ids) json.String(id);
    json.EndArray();
  }
  json.EndObject();
  HttpResponse response;
  response.status = problem.status;
  response.SetHeader("Content-Type", "application/problem+json");
  response.body = json.Finish();
  return response;
}

std::vector<ProblemError> ErrorsOf(const Status& status) {
  std::vector<ProblemError> errors;
  for (const Diagnostic& diagnostic : status.diagnostics()) {
    if (diagnostic.severity != Severity::kError) continue;
    errors.push_back({diagnostic.pointer, diagnostic.line, diagnostic.column, diagnostic.message});
  }
  if (errors.empty() && !status.ok()) errors.push_back({"", 0, 0, status.message()});
  return errors;
}

}  // namespace claimgraph::serve
