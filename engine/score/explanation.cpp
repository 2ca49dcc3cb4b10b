#include "score/explanation.h"

#include <charconv>
#include <cmath>

#include "score/provenance.h"
#include "score/verdict.h"

namespace claimgraph::score {

namespace {

// Appends `value` as FormatDecimal prints it, without a temporary string: ScoreArithmetic
// runs once per claim, millions of times on a large archive.
void AppendDecimal(std::string& text, double value, int decimals = 4) {
  if (std::isnan(value)) {
    text += "nan";
    return;
  }
  // std::to_chars prints exactly as printf("%.*f") in the C locale, without printf's cost.
  char buffer[400];  // room for the largest finite double in fixed notation
  const std::to_chars_result written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string_view digits(buffer, static_cast<size_t>(written.ptr - buffer));
  // "-0.0000" and "0.0000" are the same number; print it one way.
  if (digits[0] == '-' && digits.find_first_not_of("-0.") == std::string_view::npos) digits.remove_prefix(1);
  text += digits;
}

// Appends "w1 + w2 = total" (or "w1", or "0.0000 (no groups)") for one side's groups and
// returns the total.
double AppendSum(std::string& text, const ClaimScore& score, bool supporting) {
  size_t count = 0;
  double total = 0.0;
  for (const EvidenceGroup& group : score.groups) {
    if ((group.stance == Stance::kSupports) != supporting) continue;
    if (count++ > 0) text += " + ";
    AppendDecimal(text, group.weight);
    total += group.weight;
  }
  if (count == 0) {
    AppendDecimal(text, 0.0);
    text += " (no groups)";
  } else if (count > 1) {
    text += " = ";
    AppendDecimal(text, total);
  }
  return total;
}

}  // namespace

std::string FormatDecimal(double value, int decimals) {
  std::string text;
  AppendDecimal(text, value, decimals);
  return text;
}

namespace {

std::string NodeText(const ProvenanceGraph& graph, NodeRef node) {
  std::string text = std::string(graph.Id(node));
  if (node.kind == NodeKind::kSource) return text + " \"" + std::string(graph.Label(node)) + "\"";
  return text + " (" + std::string(graph.Label(node)) + ")";
}

}  // namespace

std::string ScoreArithmetic(const ClaimScore& score, std::string_view method) {
  std::string text;
  text.reserve(96 + 10 * score.groups.size());
  text += "S = ";
  const double support = AppendSum(text, score, true);
  text += "; R = ";
  const double against = AppendSum(text, score, false);
  if (method != "corroboration") {
    // The score is the method's probability, not its raw belief (issue 13, item 1): say
    // both, so that a reader sees how one became the other (docs/truth-discovery.md).
    text += "; score = ";
    text += method;
    text += " probability that the claim is true = ";
    AppendDecimal(text, score.score);
    text += " (its belief ";
    AppendDecimal(text, score.belief);
    text += " shared out over the claim's alternatives; the groups are shown for context)";
    return text;
  }
  text += "; score = (S + 1) / (S + R + 2) = (";
  AppendDecimal(text, support);
  text += " + 1) / (";
  AppendDecimal(text, support);
  text += " + ";
  AppendDecimal(text, against);
  text += " + 2) = ";
  AppendDecimal(text, score.score);
  return text;
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

std::vector<ProvenanceChain> CoverageChains(const ProvenanceGraph& graph, Index claim, size_t max_chains,
                                            size_t& left_out) {
  // One tracer for the whole claim: a tracer per assertion would trace the claim again for
  // each of its reports.
  ClaimTracer tracer(graph, {});
  tracer.Reset(claim);
  std::vector<ProvenanceChain> chains;
  left_out = 0;
  for (Index a : graph.AssertionsOfClaim(claim)) {
    if (graph.assertions()[a].stance != Stance::kReports) continue;
    std::vector<NodeRef> origins;
    for (const OriginHit& hit : tracer.Origins(a)) origins.push_back(hit.origin);
    for (NodeRef origin : origins) {
      if (chains.size() >= max_chains) {
        ++left_out;
        continue;
      }
      chains.push_back(tracer.ChainTo(a, origin));
    }
  }
  return chains;
}

std::string ChainsLeftOut(size_t left_out) {
  if (left_out == 0) return "";
  return "    ... and " + std::to_string(left_out) + " more chain" + (left_out == 1 ? "" : "s") +
         " (see --max-chains)\n";
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
    text += ChainsLeftOut(group.chains_left_out);
  }
  size_t coverage_left_out = 0;
  const std::vector<ProvenanceChain> coverage = CoverageChains(graph, claim, result.max_chains, coverage_left_out);
  if (!coverage.empty() || coverage_left_out > 0) text += "\ncoverage (reports without taking a side; no weight):\n";
  for (const ProvenanceChain& chain : coverage) text += "    [reports] " + DescribeChain(graph, chain) + "\n";
  text += ChainsLeftOut(coverage_left_out);
  text += "\narithmetic: " + score.explanation + "\n";
  text += "verdict " + std::string(Name(score.verdict)) + ": " + std::string(VerdictRule(score.verdict)) + "\n";
  return text;
}

}  // namespace claimgraph::score
