// Every `claimgraph query` and every export, over HTTP: the same library calls, the same
// tables (as JSON), the same bytes.
#include "claimgraph/export.h"
#include "claimgraph/query.h"
#include "export/markup_text.h"
#include "serve/json_text.h"
#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

struct QueryName {
  const char* name;
  bool takes_id;
};

// The queries of engine/cli/query_command.cpp, in its order.
constexpr QueryName kQueries[] = {
    {"claims", false},   {"first-appearance", true}, {"origins", true},  {"single-origin", false},
    {"self-reported", false}, {"contested", false},  {"source", true},   {"publisher", true},
    {"answers", false},  {"timeline", true},
};

std::string QueryList() {
  std::string list;
  for (const QueryName& query : kQueries) list += std::string(list.empty() ? "" : ", ") + query.name;
  return list;
}

HttpResponse TableResponse(const Snapshot& snapshot, const QueryTable& table) {
  JsonText json;
  json.StartObject();
  json.Key("revision");
  json.Integer(snapshot.revision);
  json.Key("columns");
  json.StartArray();
  for (const std::string& column : table.columns) json.String(column);
  json.EndArray();
  json.Key("rows");
  std::string rows = FormatQueryTable(table, TableFormat::kJson);
  while (!rows.empty() && (rows.back() == '\n' || rows.back() == ' ')) rows.pop_back();
  json.Raw(rows);
  json.Key("notes");
  json.StartArray();
  for (const std::string& note : table.notes) json.String(note);
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

HttpResponse RunQuery(RouteCall& call, const std::string& name, const std::string* id) {
  const QueryName* query = nullptr;
  for (const QueryName& candidate : kQueries) {
    if (name == candidate.name) query = &candidate;
  }
  if (!query) return NotFound("no query '" + name + "' (the queries are " + QueryList() + ")");
  if (query->takes_id && !id) {
    return NotFound("the query '" + name + "' takes an id: /api/query/" + name + "/ID");
  }
  if (!query->takes_id && id) return NotFound("the query '" + name + "' takes no id");
  const Snapshot& snapshot = *call.snapshot;
  const ProvenanceGraph& graph = snapshot.graph;
  const CorroborationResult& scores = snapshot.scores;
  Result<QueryTable> table = Status::Error("unhandled query", ExitCode::kInternalError);
  if (name == "claims") {
    Result<ClaimFilter> filter = FilterOf(call.target);
    if (!filter.ok()) return ProblemResponse({400, "bad-parameter", "Bad Request", filter.status().message()});
    table = QueryClaims(graph, scores, filter.value());
  } else if (name == "first-appearance") table = QueryFirstAppearance(graph, *id);
  else if (name == "origins") table = QueryOrigins(graph, scores, *id);
  else if (name == "single-origin") table = QuerySingleOrigin(graph, scores);
  else if (name == "self-reported") table = QuerySelfReported(graph, scores);
  else if (name == "contested") table = QueryContested(graph, scores);
  else if (name == "source") table = QuerySource(graph, *id);
  else if (name == "publisher") table = QueryPublisher(graph, *id);
  else if (name == "answers") table = QueryAnswers(graph, scores);
  else if (name == "timeline") table = QueryTimeline(graph, *id, ScoreOptions{});
  if (!table.ok()) {
    const bool ours = table.status().code() == ExitCode::kInternalError;
    return ProblemResponse({ours ? 500 : 404, ours ? "internal-error" : "not-found",
                            ours ? "Internal Server Error" : "Not Found", table.status().message()});
  }
  return TableResponse(snapshot, table.value());
}

}  // namespace

HttpResponse AnswerQuery(RouteCall& call) { return RunQuery(call, call.parameters[0], nullptr); }

HttpResponse AnswerQueryWithId(RouteCall& call) { return RunQuery(call, call.parameters[0], &call.parameters[1]); }

HttpResponse AnswerExport(RouteCall& call) {
  const std::string& format = call.parameters[0];
  const Snapshot& snapshot = *call.snapshot;
  // The JSON exports are the CLI's with '<', '>' and '&' as \u escapes (the same JSON value):
  // no response of this server holds a record's text as markup, whoever reads it.
  if (format == "prov-json") return Ok(exporting::ScriptSafeJson(ExportProvJson(snapshot.graph)), "application/json");
  if (format == "graphml") return Ok(ExportGraphml(snapshot.graph, &snapshot.scores), "application/xml");
  if (format == "claimreview") {
    ClaimReviewOptions options;
    options.review_url = call.target.Value("review_url");
    if (Status valid = options.Validate(); !valid.ok()) {
      return ProblemResponse({400, "bad-parameter", "Bad Request", valid.message()});
    }
    Result<std::string> reviews = ExportClaimReview(snapshot.graph, snapshot.scores, options);
    if (!reviews.ok()) {
      return ProblemResponse({422, "cannot-export", "Unprocessable Content", reviews.status().message()});
    }
    return Ok(exporting::ScriptSafeJson(reviews.value()), "application/ld+json");
  }
  return NotFound("no export '" + format + "' (the exports are prov-json, claimreview, graphml)");
}

}  // namespace claimgraph::serve
