// Queries over the scored claims: filtering, and the three weak-evidence patterns a
// fact-checker looks for first (one origin, self-reported, contested).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <numeric>

#include "claimgraph/query.h"

namespace claimgraph {
namespace {

constexpr VerdictBand kAllBands[] = {
    VerdictBand::kCorroborated, VerdictBand::kSingleOrigin, VerdictBand::kSelfReportedOnly,
    VerdictBand::kContested,    VerdictBand::kRefuted,      VerdictBand::kUnsupported};

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(Lowercase(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(Lowercase(word));
  return words;
}

// Claim indices ordered by id, so that every listing is stable whatever the file order.
std::vector<Index> ClaimsById(const ProvenanceGraph& graph) {
  std::vector<Index> order(graph.claims().size());
  std::iota(order.begin(), order.end(), Index{0});
  std::sort(order.begin(), order.end(), [&](Index a, Index b) {
    return graph.claims()[a].id < graph.claims()[b].id;
  });
  return order;
}

size_t CountGroups(const ClaimScore& score, Stance stance) {
  return static_cast<size_t>(std::count_if(score.groups.begin(), score.groups.end(),
                                           [&](const EvidenceGroup& g) { return g.stance == stance; }));
}

// "a, b" for the origins of the supporting groups, each group's origins joined by '+'
// (origins merged by a controlling entity count once).
std::string SupportingOrigins(const ProvenanceGraph& graph, const ClaimScore& score) {
  std::string text;
  for (const EvidenceGroup& group : score.groups) {
    if (group.stance != Stance::kSupports) continue;
    if (!text.empty()) text += ", ";
    for (size_t i = 0; i < group.origins.size(); ++i) {
      if (i > 0) text += "+";
      text += graph.Id(group.origins[i]);
    }
  }
  return text;
}

QueryTable ClaimsWhere(const ProvenanceGraph& graph, const CorroborationResult& scores,
                       bool (*keep)(const ClaimScore&)) {
  QueryTable table;
  table.columns = {"claim", "score", "verdict", "origins", "supporting_reports", "text"};
  for (Index claim : ClaimsById(graph)) {
    const ClaimScore& score = scores.claims[claim];
    if (!keep(score)) continue;
    table.rows.push_back({graph.claims()[claim].id, score.score, std::string(Name(score.verdict)),
                          SupportingOrigins(graph, score),
                          static_cast<int64_t>(score.supporting_reports),
                          graph.claims()[claim].text});
  }
  return table;
}

}  // namespace

Status ClaimFilter::Validate() const {
  if (!(min_score >= 0.0 && min_score <= 1.0) || !(max_score >= 0.0 && max_score <= 1.0)) {
    return Status::Error("scores are in [0, 1]: give --min-score and --max-score between 0 and 1");
  }
  if (min_score > max_score) {
    return Status::Error("--min-score is greater than --max-score: no claim can match");
  }
  return Status::Ok();
}

namespace {

// The whole text as a decimal number, or nothing ("0.5x", "" are not numbers).
std::optional<double> WholeNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<ClaimFilter> ParseClaimFilter(
    const ClaimFilterNames& names,
    const std::function<std::optional<std::string>(const std::string& name)>& value) {
  ClaimFilter filter;
  filter.entity = value(names.entity).value_or("");
  filter.text = value(names.text).value_or("");
  if (std::optional<std::string> verdict = value(names.verdict)) {
    filter.verdict = ParseVerdictBand(*verdict);
    if (!filter.verdict) {
      return Status::Error("unknown verdict '" + *verdict +
                           "' (use corroborated, single-origin, self-reported-only, contested, "
                           "refuted or unsupported)");
    }
  }
  for (auto [name, bound] : {std::pair{&names.min_score, &filter.min_score},
                             std::pair{&names.max_score, &filter.max_score}}) {
    std::optional<std::string> text = value(*name);
    if (!text) continue;
    std::optional<double> number = WholeNumber(*text);
    if (!number) return Status::Error(*name + " '" + *text + "' is not a number");
    *bound = *number;
  }
  if (Status valid = filter.Validate(); !valid.ok()) return valid;
  return filter;
}

std::optional<VerdictBand> ParseVerdictBand(std::string_view text) {
  // "self-reported only" is also accepted as "self-reported-only" or "self_reported_only".
  auto spaced = [](std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '-', ' ');
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
  };
  for (VerdictBand band : kAllBands) {
    if (spaced(Name(band)) == spaced(text)) return band;
  }
  return std::nullopt;
}

Result<QueryTable> QueryClaims(const ProvenanceGraph& graph, const CorroborationResult& scores,
                               const ClaimFilter& filter) {
  if (Status valid = filter.Validate(); !valid.ok()) return valid;
  Index entity = kNoIndex;
  if (!filter.entity.empty()) {
    std::optional<NodeRef> found = graph.Find(filter.entity);
    if (!found || found->kind != NodeKind::kEntity) {
      return Status::Error("--entity: no entity has id '" + filter.entity + "'");
    }
    entity = found->index;
  }
  const std::vector<std::string> words = Words(filter.text);
  QueryTable table;
  table.columns = {"claim", "score", "verdict", "supporting_reports", "refuting_reports",
                   "independent_origins", "text"};
  for (Index index : ClaimsById(graph)) {
    const Claim& claim = graph.claims()[index];
    const ClaimScore& score = scores.claims[index];
    if (entity != kNoIndex &&
        std::find(claim.about.begin(), claim.about.end(), entity) == claim.about.end()) {
      continue;
    }
    if (filter.verdict && score.verdict != *filter.verdict) continue;
    if (score.score < filter.min_score || score.score > filter.max_score) continue;
    const std::string text = Lowercase(claim.text);
    if (!std::all_of(words.begin(), words.end(),
                     [&](const std::string& word) { return text.find(word) != std::string::npos; })) {
      continue;
    }
    table.rows.push_back({claim.id, score.score, std::string(Name(score.verdict)),
                          static_cast<int64_t>(score.supporting_reports),
                          static_cast<int64_t>(score.refuting_reports),
                          static_cast<int64_t>(score.independent_origins), claim.text});
  }
  return table;
}

QueryTable QuerySingleOrigin(const ProvenanceGraph& graph, const CorroborationResult& scores) {
  // The verdict band, not the group count alone: a claim whose one supporting origin is
  // outweighed by refutation is refuted, not single-origin.
  return ClaimsWhere(graph, scores,
                     [](const ClaimScore& score) { return score.verdict == VerdictBand::kSingleOrigin; });
}

QueryTable QuerySelfReported(const ProvenanceGraph& graph, const CorroborationResult& scores) {
  return ClaimsWhere(graph, scores,
                     [](const ClaimScore& score) { return score.verdict == VerdictBand::kSelfReportedOnly; });
}

QueryTable QueryContested(const ProvenanceGraph& graph, const CorroborationResult& scores) {
  QueryTable table;
  table.columns = {"claim", "score", "verdict", "supporting_groups", "refuting_groups",
                   "supporting_reports", "refuting_reports", "text"};
  for (Index claim : ClaimsById(graph)) {
    const ClaimScore& score = scores.claims[claim];
    const size_t supporting = CountGroups(score, Stance::kSupports);
    const size_t refuting = CountGroups(score, Stance::kRefutes);
    if (supporting == 0 || refuting == 0) continue;
    table.rows.push_back({graph.claims()[claim].id, score.score, std::string(Name(score.verdict)),
                          static_cast<int64_t>(supporting), static_cast<int64_t>(refuting),
                          static_cast<int64_t>(score.supporting_reports),
                          static_cast<int64_t>(score.refuting_reports), graph.claims()[claim].text});
  }
  return table;
}

}  // namespace claimgraph
