#include "score/explanation.h"

#include <charconv>
#include <cmath>

#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph::score {

std::string FormatDecimal(double value, int decimals) {
  if (std::isnan(value)) return "nan";
  // std::to_chars prints exactly as printf("%.*f") in the C locale, without printf's cost
  // (scoring ten million assertions formats millions of these).
  char buffer[400];  // room for the largest finite double in fixed notation
  const std::to_chars_result written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string text(buffer, written.ptr);
  // "-0.0000" and "0.0000" are the same number; print it one way.
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

namespace {

std::string SumOf(const ClaimScore& score, bool supporting, double& total) {
  std::string terms;
  size_t count = 0;
  total = 0.0;
  for (const EvidenceGroup& group : score.groups) {
    if ((group.stance == Stance::kSupports) != supporting) continue;
    if (count++ > 0) terms += " + ";
    terms += FormatDecimal(group.weight);
    total += group.weight;
  }
  if (count == 0) return FormatDecimal(0.0) + " (no groups)";
  if (count == 1) return FormatDecimal(total);
  return terms + " = " + FormatDecimal(total);
}

std::string NodeText(const ProvenanceGraph& graph, NodeRef node) {
  std::string text = std::string(graph.Id(node));
  if (node.kind == NodeKind::kSource) return text + " \"" + std::string(graph.Label(node)) + "\"";
  return text + " (" + std::string(graph.Label(node)) + ")";
}

}  // namespace

std::string ScoreArithmetic(const ClaimScore& score, std::string_view method) {
  double support = 0.0, against = 0.0;
  std::string text = "S = " + SumOf(score, true, support) + "; R = " + SumOf(score, false, against);
  if (method != "corroboration") {
    return text + "; score = " + std::string(method) + " belief in the claim = " +
           FormatDecimal(score.score) + " (the groups are shown for context)";
  }
  return text + "; score = (S + 1) / (S + R + 2) = (" + FormatDecimal(support) + " + 1) / (" +
         FormatDecimal(support) + " + " + FormatDecimal(against) + " + 2) = " +
         FormatDecimal(score.score);
}

std::string DescribeChain(const ProvenanceGraph& graph, const ProvenanceChain& chain) {
  std::string text;
  for (const ChainStep& step : chain.steps) {
    if (step.via == ChainStep::Via::kCitation) {
      text += " --" + std::string(Name(graph.citations()[step.citation].kind)) + "--> ";
    } else if (step.via == ChainStep::Via::kSpeaker) {
      text += " --speaker--> ";
    }
    text += NodeText(graph, step.node);
  }
  return text;
}

std::string AssertionPlace(const ProvenanceGraph& graph, Index assertion) {
  const RecordPlace& place = graph.assertions()[assertion].place;
  std::string file = place.file < graph.data().files.size() ? graph.data().files[place.file] : "";
  return file + "#/assertions/" + std::to_string(place.position);
}

std::string ExplainText(const ProvenanceGraph& graph, const CorroborationResult& result, Index claim) {
  const ClaimScore& score = result.claims[claim];
  const Claim& record = graph.claims()[claim];
  std::string text = "claim " + record.id + ": \"" + record.text + "\"\n";
  if (!record.about.empty()) {
    text += "about:";
    for (Index entity : record.about) text += " " + NodeText(graph, {NodeKind::kEntity, entity}) + ";";
    text.back() = '\n';
  }
  text += "score " + FormatDecimal(score.score) + ", verdict " + std::string(Name(score.verdict)) +
          ", method " + result.method + "\n";
  text += "reports " + std::to_string(score.reports) + " (" + std::to_string(score.supporting_reports) +
          " supporting, " + std::to_string(score.refuting_reports) + " refuting), independent groups " +
          std::to_string(score.independent_origins) + ", interested " +
          std::to_string(score.interested_origins) + "\n";
  text += "source trust: " + result.trust_origin;
  if (!result.trust_fallback_reason.empty()) text += " (" + result.trust_fallback_reason + ")";
  text += "\n";

  size_t supporting = 0, against = 0;
  for (const EvidenceGroup& group : score.groups) (group.stance == Stance::kSupports ? supporting : against)++;
  size_t supporting_seen = 0, against_seen = 0;
  for (const EvidenceGroup& group : score.groups) {
    const bool supports = group.stance == Stance::kSupports;
    text += "\n" + std::string(supports ? "supporting" : "against") + " group " +
            std::to_string(supports ? ++supporting_seen : ++against_seen) + " of " +
            std::to_string(supports ? supporting : against) + ": weight " + FormatDecimal(group.weight) +
            " = reliability " + FormatDecimal(group.reliability);
    if (group.reliability_source != kNoIndex) {
      text += " (trust of " + graph.sources()[group.reliability_source].id + ")";
    }
    text += " x confidence " + FormatDecimal(group.confidence) + " x " +
            (group.interested ? "interested " + FormatDecimal(result.interested_weight)
                              : std::string("disinterested 1.0000")) +
            "\n";
    text += "  origins:";
    for (NodeRef origin : group.origins) text += " " + NodeText(graph, origin) + ";";
    text.back() = '\n';
    if (group.controller != kNoIndex) {
      text += "  joined by common controller: " + NodeText(graph, {NodeKind::kEntity, group.controller}) + "\n";
    }
    if (group.interested) text += "  interested: an origin is, or is controlled by, an entity the claim is about\n";
    if (group.competing) text += "  competing: includes support for a claim that excludes this one\n";
    text += "  reports (" + std::to_string(group.assertions.size()) + "), each chain from report to origin:\n";
    for (const ProvenanceChain& chain : group.chains) {
      const Assertion& assertion = graph.assertions()[chain.assertion];
      text += "    [" + std::string(Name(assertion.stance));
      if (assertion.claim != claim) text += " " + graph.claims()[assertion.claim].id;
      text += "] " + DescribeChain(graph, chain) + "\n";
    }
  }
  bool coverage_header = false;
  for (Index a : graph.AssertionsOfClaim(claim)) {
    if (graph.assertions()[a].stance != Stance::kReports) continue;
    if (!coverage_header) text += "\ncoverage (reports without taking a side; no weight):\n";
    coverage_header = true;
    for (const ProvenanceChain& chain : TraceAssertion(graph, a)) {
      text += "    [reports] " + DescribeChain(graph, chain) + "\n";
    }
  }
  text += "\narithmetic: " + score.explanation + "\n";
  text += "verdict " + std::string(Name(score.verdict)) + ": " + std::string(VerdictRule(score.verdict)) + "\n";
  return text;
}

}  // namespace claimgraph::score
