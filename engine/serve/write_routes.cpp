// The write routes and the audit trail. A body is checked here only for what the loader cannot
// say in the API's terms (content type, size, UTF-8, JSON syntax); the records themselves are
// checked by the desk with the same loader as `claimgraph check`, and its diagnostics come
// back located in the posted body (JSON pointer, line, column).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "serve/handler.h"
#include "serve/json_text.h"
#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

constexpr const char* kCollections[] = {"entities", "sources", "claims", "assertions", "citations", "verdicts"};
constexpr const char* kBodyName = "body";
constexpr const char* kVersionMember = "\"claimgraph\": \"1.0\", ";  // the `file` of the loader's diagnostics

// The problem with the request's body, or nullopt when it is a JSON object to hand on.
std::optional<HttpResponse> CheckBody(const RouteCall& call) {
  const HttpRequest& request = call.request;
  std::optional<std::string_view> type = request.Header("Content-Type");
  std::string_view media = type ? type->substr(0, type->find(';')) : std::string_view();
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (!EqualsIgnoringCase(media, "application/json")) {
    return ProblemResponse({415, "unsupported-media-type", "Unsupported Media Type",
                            "the body must be sent as 'Content-Type: application/json', not '" +
                                std::string(type ? *type : "") + "'"});
  }
  if (request.body.size() > call.handler.options().max_body_bytes) {
    return ProblemResponse({413, "body-too-large", "Content Too Large",
                            "the body has " + std::to_string(request.body.size()) + " bytes; the limit is " +
                                std::to_string(call.handler.options().max_body_bytes)});
  }
  if (!IsUtf8(request.body)) {
    return ProblemResponse({400, "invalid-utf8", "Bad Request", "the body is not UTF-8"});
  }
  rapidjson::Document document;
  document.Parse(request.body.data(), request.body.size());
  if (document.HasParseError()) {
    const size_t offset = document.GetErrorOffset();
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < request.body.size(); ++i) {
      if (request.body[i] == '\n') ++line, column = 1;
      else if ((static_cast<unsigned char>(request.body[i]) & 0xC0) != 0x80) ++column;
    }
    Problem problem{400, "invalid-json", "Bad Request", "the body is not JSON"};
    problem.errors.push_back({"", line, column, rapidjson::GetParseError_En(document.GetParseError())});
    return ProblemResponse(problem);
  }
  if (!document.IsObject()) {
    Problem problem{422, "invalid-records", "Unprocessable Content", "the body must be one JSON object"};
    problem.errors.push_back({"", 1, 1, "expected an object"});
    return ProblemResponse(problem);
  }
  return std::nullopt;
}

HttpResponse Outcome(const DeskWrite& write, int applied_status) {
  switch (write.outcome) {
    case DeskWrite::Outcome::kApplied: {
      JsonText json;
      json.StartObject();
      json.Key("revision");
      json.Integer(write.revision);
      json.Key("ids");
      json.StartArray();
      for (const std::string& id : write.ids) json.String(id);
      json.EndArray();
      json.EndObject();
      HttpResponse response = Ok(json.Finish(), "application/json");
      response.status = applied_status;
      return response;
    }
    case DeskWrite::Outcome::kInvalid: {
      Problem problem{422, "invalid-records", "Unprocessable Content", "the records do not check"};
      problem.errors = ErrorsOf(write.status);
      return ProblemResponse(problem);
    }
    case DeskWrite::Outcome::kConflict: {
      Problem problem{409, "conflict", "Conflict",
                      "already stored: " + (write.ids.empty() ? write.status.message() : write.ids.front())};
      problem.ids = write.ids;
      return ProblemResponse(problem);
    }
    case DeskWrite::Outcome::kNotFound:
      return ProblemResponse({404, "not-found", "Not Found", write.status.message()});
    case DeskWrite::Outcome::kReferenced: {
      std::string list;
      for (const std::string& id : write.ids) list += (list.empty() ? "" : ", ") + id;
      Problem problem{409, "referenced", "Conflict", "other records refer to it: " + list};
      problem.ids = write.ids;
      return ProblemResponse(problem);
    }
    case DeskWrite::Outcome::kFailed:
      break;
  }
  if (write.status.code() == ExitCode::kInvalidInput) {
    return ProblemResponse({501, "not-implemented", "Not Implemented", write.status.message()});
  }
  return ProblemResponse({500, "write-failed", "Internal Server Error", write.status.message()});
}

std::optional<HttpResponse> CheckCollection(const std::string& collection) {
  for (const char* known : kCollections) {
    if (collection == known) return std::nullopt;
  }
  return NotFound("no collection '" + collection +
                  "' (the collections are entities, sources, claims, assertions, citations, verdicts)");
}

}  // namespace

// A posted fragment may leave out the casefile's "claimgraph" version member, which the
// loader needs: it is put in after the first '{', and the columns the loader reports on line 1
// after that brace are given back as they were in the posted body.
HttpResponse AnswerPostRecords(RouteCall& call) {
  if (std::optional<HttpResponse> problem = CheckBody(call)) return *problem;
  const std::string author = call.token->name;
  std::string text = call.request.body;
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  const bool versioned = document.HasMember("claimgraph");
  const size_t brace = text.find('{');
  if (!versioned) text.insert(brace + 1, kVersionMember);
  DeskWrite write = call.handler.Write([&](Desk& desk) { return desk.Add(text, kBodyName, author); });
  if (!versioned && write.outcome == DeskWrite::Outcome::kInvalid) {
    std::vector<Diagnostic> diagnostics = write.status.diagnostics();
    const int inserted = static_cast<int>(std::string_view(kVersionMember).size());
    for (Diagnostic& diagnostic : diagnostics) {
      if (diagnostic.line == 1 && diagnostic.column > static_cast<int>(brace) + 1) diagnostic.column -= inserted;
    }
    write.status = Status::FromDiagnostics(std::move(diagnostics));
  }
  return Outcome(write, 201);
}

HttpResponse AnswerPutRecord(RouteCall& call) {
  if (std::optional<HttpResponse> problem = CheckCollection(call.parameters[0])) return *problem;
  if (std::optional<HttpResponse> problem = CheckBody(call)) return *problem;
  const std::string author = call.token->name;
  DeskWrite write = call.handler.Write([&](Desk& desk) {
    return desk.Put(call.parameters[0], call.parameters[1], call.request.body, kBodyName, author);
  });
  return Outcome(write, 200);
}

HttpResponse AnswerDeleteRecord(RouteCall& call) {
  if (std::optional<HttpResponse> problem = CheckCollection(call.parameters[0])) return *problem;
  const std::string author = call.token->name;
  DeskWrite write = call.handler.Write(
      [&](Desk& desk) { return desk.Delete(call.parameters[0], call.parameters[1], author); });
  return Outcome(write, 200);
}

// True when the change is to `record`, or to a record that names it as a member's value (an
// assertion of a claim, a citation of a source): a claim's history includes its evidence.
bool Concerns(const DeskChange& change, const std::string& record) {
  if (change.id == record) return true;
  for (const std::string* json : {&change.before_json, &change.after_json}) {
    rapidjson::Document document;
    document.Parse(json->data(), json->size());
    if (document.HasParseError() || !document.IsObject()) continue;
    for (const auto& member : document.GetObject()) {
      if (member.value.IsString() && record == member.value.GetString()) return true;
    }
  }
  return false;
}

HttpResponse AnswerHistory(RouteCall& call) {
  std::optional<std::string> record;
  if (call.target.Has("record")) record = call.target.Value("record");
  Result<std::vector<DeskChange>> history = call.handler.History(std::nullopt);
  if (!history.ok()) {
    return ProblemResponse({500, "history-failed", "Internal Server Error", history.status().message()});
  }
  JsonText json;
  json.StartObject();
  json.Key("revision");
  json.Integer(call.snapshot->revision);
  json.Key("history");
  json.StartArray();
  for (const DeskChange& change : history.value()) {
    if (record && !Concerns(change, *record)) continue;
    json.StartObject();
    json.Key("revision");
    json.Integer(change.revision);
    json.Member("author", change.author);
    json.Member("time", change.time);
    json.Member("action", change.action);
    json.Member("collection", change.collection);
    json.Member("id", change.id);
    json.Member("before", change.before_json);
    json.Member("after", change.after_json);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

}  // namespace claimgraph::serve
