// The read routes: thin over the same library calls as `claimgraph score`, `explain`,
// `render` and `query claims`, on the current snapshot, so that the CLI and the API agree.
#include <algorithm>
#include <cstdlib>
#include <limits>

#include "claimgraph/query.h"
#include "claimgraph/render.h"
#include "score/explanation.h"
#include "serve/json_text.h"
#include "serve/routes.h"

namespace claimgraph::serve {
namespace {

void WriteScore(JsonText& json, const ProvenanceGraph& graph, const ClaimScore& score) {
  const Claim& claim = graph.claims()[score.claim];
  json.Member("id", claim.id);
  json.Member("text", claim.text);
  json.Key("score");
  json.Number(score.score);
  json.Member("verdict", Name(score.verdict));
  json.Key("reports");
  json.Integer(static_cast<int64_t>(score.reports));
  json.Key("supporting_reports");
  json.Integer(static_cast<int64_t>(score.supporting_reports));
  json.Key("refuting_reports");
  json.Integer(static_cast<int64_t>(score.refuting_reports));
  json.Key("independent_origins");
  json.Integer(static_cast<int64_t>(score.independent_origins));
  json.Key("interested_origins");
  json.Integer(static_cast<int64_t>(score.interested_origins));
}

HttpResponse BadParameter(const std::string& detail) {
  return ProblemResponse({400, "bad-parameter", "Bad Request", detail});
}

std::optional<Index> FindClaim(const ProvenanceGraph& graph, const std::string& id) {
  std::optional<NodeRef> node = graph.Find(id);
  if (!node || node->kind != NodeKind::kClaim) return std::nullopt;
  return node->index;
}

HttpResponse Svg(const ProvenanceGraph& graph, const std::string& focus) {
  RenderOptions options;
  options.format = RenderFormat::kSvg;
  options.focus = focus;
  options.scores = true;
  Result<std::string> svg = Render(graph, options);
  if (!svg.ok()) {
    const bool ours = svg.status().code() == ExitCode::kInternalError;
    return ProblemResponse({ours ? 500 : 422, ours ? "render-failed" : "cannot-render",
                            ours ? "Internal Server Error" : "Unprocessable Content", svg.status().message()});
  }
  return Ok(std::move(svg.value()), "image/svg+xml");
}

}  // namespace

Result<ClaimFilter> FilterOf(const RequestTarget& target) {
  static const ClaimFilterNames kParameters{"entity", "text", "verdict", "min_score", "max_score"};
  return ParseClaimFilter(kParameters, [&](const std::string& name) {
    return target.Has(name) ? std::optional<std::string>(target.Value(name)) : std::nullopt;
  });
}

// A page of the list: ?offset= (default 0) and ?limit= (default kDefaultLimit, at most
// kMaxLimit), so that a case of thousands of claims is not sent whole on every request.
constexpr size_t kDefaultLimit = 100;
constexpr size_t kMaxLimit = 10000;

Result<size_t> CountParameter(const RequestTarget& target, const std::string& name, size_t fallback, size_t most) {
  if (!target.Has(name)) return fallback;
  const std::string text = target.Value(name);
  size_t value = 0;
  for (char digit : text) {
    if (digit < '0' || digit > '9' || value > most) {
      return Status::Error(name + " '" + text + "' is not a whole number from 0 to " + std::to_string(most));
    }
    value = value * 10 + static_cast<size_t>(digit - '0');
  }
  if (text.empty() || value > most) {
    return Status::Error(name + " '" + text + "' is not a whole number from 0 to " + std::to_string(most));
  }
  return value;
}

HttpResponse AnswerClaims(RouteCall& call) {
  const Snapshot& snapshot = *call.snapshot;
  Result<ClaimFilter> filter = FilterOf(call.target);
  if (!filter.ok()) return BadParameter(filter.status().message());
  Result<size_t> offset = CountParameter(call.target, "offset", 0, std::numeric_limits<uint32_t>::max());
  if (!offset.ok()) return BadParameter(offset.status().message());
  Result<size_t> limit = CountParameter(call.target, "limit", kDefaultLimit, kMaxLimit);
  if (!limit.ok()) return BadParameter(limit.status().message());
  Result<QueryTable> table = QueryClaims(snapshot.graph, snapshot.scores, filter.value());
  if (!table.ok()) return BadParameter(table.status().message());
  JsonText json;
  json.StartObject();
  json.Key("revision");
  json.Integer(snapshot.revision);
  json.Key("total");
  json.Integer(static_cast<int64_t>(table->rows.size()));
  json.Key("offset");
  json.Integer(static_cast<int64_t>(offset.value()));
  json.Key("claims");
  json.StartArray();
  const size_t begin = std::min(offset.value(), table->rows.size());
  const size_t end = std::min(table->rows.size(), begin + limit.value());
  for (size_t i = begin; i < end; ++i) {
    const std::vector<QueryValue>& row = table->rows[i];
    // Column 0 is the claim id (claimgraph/query.h); the library did the filtering.
    std::optional<Index> claim = FindClaim(snapshot.graph, std::get<std::string>(row[0]));
    if (!claim) continue;
    json.StartObject();
    WriteScore(json, snapshot.graph, snapshot.scores.claims[*claim]);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

HttpResponse AnswerClaim(RouteCall& call) {
  const Snapshot& snapshot = *call.snapshot;
  const ProvenanceGraph& graph = snapshot.graph;
  std::optional<Index> claim = FindClaim(graph, call.parameters[0]);
  if (!claim) return NotFound("no claim '" + call.parameters[0] + "'");
  JsonText json;
  json.StartObject();
  json.Key("revision");
  json.Integer(snapshot.revision);
  WriteScore(json, graph, snapshot.scores.claims[*claim]);
  json.Key("about");
  json.StartArray();
  for (Index entity : graph.claims()[*claim].about) json.String(graph.entities()[entity].id);
  json.EndArray();
  json.Member("explanation", score::ExplainText(graph, snapshot.scores, *claim));
  json.Key("assertions");
  json.StartArray();
  for (Index index : graph.AssertionsOfClaim(*claim)) {
    const Assertion& assertion = graph.assertions()[index];
    json.StartObject();
    json.Member("source", graph.sources()[assertion.source].id);
    json.Member("stance", Name(assertion.stance));
    json.Member("speaker", assertion.speaker.valid() ? graph.Id(assertion.speaker) : "");
    json.Member("quote", assertion.quote);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

HttpResponse AnswerClaimSvg(RouteCall& call) {
  if (!FindClaim(call.snapshot->graph, call.parameters[0])) return NotFound("no claim '" + call.parameters[0] + "'");
  return Svg(call.snapshot->graph, call.parameters[0]);
}

HttpResponse AnswerGraphSvg(RouteCall& call) { return Svg(call.snapshot->graph, ""); }

HttpResponse AnswerSources(RouteCall& call) {
  const ProvenanceGraph& graph = call.snapshot->graph;
  JsonText json;
  json.StartObject();
  json.Key("sources");
  json.StartArray();
  for (size_t i = 0; i < graph.sources().size(); ++i) {
    const Source& source = graph.sources()[i];
    json.StartObject();
    json.Member("id", source.id);
    json.Member("title", source.title);
    json.Member("kind", Name(source.kind));
    json.Member("url", source.url);
    json.Member("published", source.published);
    json.Member("publisher", source.publisher == kNoIndex ? "" : graph.entities()[source.publisher].id);
    json.Key("trust");
    json.Number(call.snapshot->scores.source_trust[i]);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

HttpResponse AnswerEntities(RouteCall& call) {
  const ProvenanceGraph& graph = call.snapshot->graph;
  JsonText json;
  json.StartObject();
  json.Key("entities");
  json.StartArray();
  for (const Entity& entity : graph.entities()) {
    json.StartObject();
    json.Member("id", entity.id);
    json.Member("name", entity.name);
    json.Member("type", Name(entity.type));
    json.Member("url", entity.url);
    json.Key("controlled_by");
    json.StartArray();
    for (Index controller : entity.controlled_by) json.String(graph.entities()[controller].id);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

// Any record by id, as the page shows it when a node of a picture is clicked.
HttpResponse AnswerRecord(RouteCall& call) {
  const ProvenanceGraph& graph = call.snapshot->graph;
  std::optional<NodeRef> node = graph.Find(call.parameters[0]);
  if (!node) return NotFound("no record '" + call.parameters[0] + "'");
  JsonText json;
  json.StartObject();
  json.Member("kind", Name(node->kind));
  json.Member("id", graph.Id(*node));
  json.Member("label", graph.Label(*node));
  if (node->kind == NodeKind::kSource) {
    const Source& source = graph.sources()[node->index];
    json.Member("url", source.url);
    json.Member("published", source.published);
    json.Member("publisher", source.publisher == kNoIndex ? "" : graph.entities()[source.publisher].id);
    json.Key("assertions");
    json.StartArray();
    for (Index index : graph.AssertionsOfSource(node->index)) {
      const Assertion& assertion = graph.assertions()[index];
      json.StartObject();
      json.Member("claim", graph.claims()[assertion.claim].id);
      json.Member("stance", Name(assertion.stance));
      json.Member("quote", assertion.quote);
      json.EndObject();
    }
    json.EndArray();
  } else if (node->kind == NodeKind::kEntity) {
    json.Member("url", graph.entities()[node->index].url);
    json.Member("type", Name(graph.entities()[node->index].type));
  } else {
    json.Key("score");
    json.Number(call.snapshot->scores.claims[node->index].score);
    json.Member("verdict", Name(call.snapshot->scores.claims[node->index].verdict));
  }
  json.EndObject();
  return Ok(json.Finish(), "application/json");
}

}  // namespace claimgraph::serve
