#include "render/labels.h"

#include <cstdio>

#include "render/escape.h"

namespace claimgraph::render {
namespace {

constexpr std::string_view kDot = " \xC2\xB7 ";  // " · "

// The date part of an ISO 8601 date or date-time.
std::string_view DateOf(std::string_view published) { return published.substr(0, 10); }

std::string Quoted(std::string_view text) { return "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D"; }

}  // namespace

std::string Labels::NodeLabel(NodeRef node) const {
  switch (node.kind) {
    case NodeKind::kSource: {
      const Source& source = graph_.sources()[node.index];
      std::string details;
      if (source.publisher != kNoIndex) {
        details = graph_.entities()[source.publisher].name + std::string(kDot);
      }
      details += Name(source.kind);
      if (!source.published.empty()) details += std::string(kDot) + std::string(DateOf(source.published));
      return WrapText(source.title, 36, 3) + "\n" + WrapText(details, 40, 2);
    }
    case NodeKind::kClaim:
      return WrapText(graph_.claims()[node.index].text, 40, 5);
    case NodeKind::kEntity: {
      const Entity& entity = graph_.entities()[node.index];
      return WrapText(entity.name, 24, 3) + "\n(" + std::string(Name(entity.type)) + ")";
    }
  }
  return "";
}

std::string Labels::NodeTooltip(NodeRef node, bool interested) const {
  std::string text;
  switch (node.kind) {
    case NodeKind::kSource: {
      const Source& source = graph_.sources()[node.index];
      text = source.title + "\n" + std::string(Name(source.kind));
      if (source.publisher != kNoIndex) text += ", published by " + graph_.entities()[source.publisher].name;
      if (!source.published.empty()) text += "\npublished " + source.published;
      if (!source.url.empty()) text += "\n" + source.url;
      break;
    }
    case NodeKind::kClaim: {
      const Claim& claim = graph_.claims()[node.index];
      text = "claim: " + claim.text;
      if (!claim.question.empty()) text += "\nanswers " + claim.question + ": " + claim.value;
      for (Index verdict : graph_.VerdictsOfClaim(node.index)) {
        const Verdict& record = graph_.verdicts()[verdict];
        text += "\nrated " + std::string(Name(record.rating));
        if (!record.by.empty()) text += " by " + record.by;
        if (!record.date.empty()) text += " on " + record.date;
      }
      break;
    }
    case NodeKind::kEntity: {
      const Entity& entity = graph_.entities()[node.index];
      text = entity.name + " (" + std::string(Name(entity.type)) + ")";
      for (size_t i = 0; i < entity.aliases.size(); ++i) {
        text += (i == 0 ? "\nalso: " : ", ") + entity.aliases[i];
      }
      for (size_t i = 0; i < entity.controlled_by.size(); ++i) {
        text += (i == 0 ? "\ncontrolled by " : ", ") + graph_.entities()[entity.controlled_by[i]].name;
      }
      if (!entity.url.empty()) text += "\n" + entity.url;
      break;
    }
  }
  if (interested) text += "\ninterested: has a stake in a claim it carries";
  return text;
}

std::string_view Labels::NodeUrl(NodeRef node) const {
  switch (node.kind) {
    case NodeKind::kSource: return graph_.sources()[node.index].url;
    case NodeKind::kEntity: return graph_.entities()[node.index].url;
    case NodeKind::kClaim:
      for (Index verdict : graph_.VerdictsOfClaim(node.index)) {
        if (!graph_.verdicts()[verdict].url.empty()) return graph_.verdicts()[verdict].url;
      }
      return "";
  }
  return "";
}

std::string Labels::ReportCounts(Index claim) const {
  size_t counts[3] = {0, 0, 0};
  for (Index assertion : graph_.AssertionsOfClaim(claim)) {
    ++counts[static_cast<int>(graph_.assertions()[assertion].stance)];
  }
  return std::to_string(counts[0]) + " support" + std::string(kDot) + std::to_string(counts[1]) +
         " refute" + std::string(kDot) + std::to_string(counts[2]) + " report";
}

std::string Labels::EdgeTooltip(NodeRef tail, NodeRef head, const EdgeProperties& edge) const {
  const std::string from(graph_.Label(tail));
  const std::string to(graph_.Label(head));
  switch (edge.kind) {
    case EdgeKind::kAssertion: {
      const Assertion& assertion = graph_.assertions()[edge.record];
      const Source& source = graph_.sources()[assertion.source];
      std::string text = from + " " + std::string(Name(assertion.stance)) + " " + Quoted(to);
      if (!assertion.quote.empty()) text += "\n" + Quoted(assertion.quote);
      if (assertion.speaker.valid()) text += "\nattributed to " + std::string(graph_.Label(assertion.speaker));
      if (assertion.confidence < 1.0f) {
        char confidence[32];
        std::snprintf(confidence, sizeof confidence, "%.2f", assertion.confidence);
        text += "\nanalyst confidence " + std::string(confidence);
      }
      if (!source.published.empty()) text += "\npublished " + source.published;
      if (!source.url.empty()) text += "\n" + source.url;
      return text;
    }
    case EdgeKind::kAttribution: {
      const Assertion& assertion = graph_.assertions()[edge.record];
      return from + " attributes " + Quoted(graph_.claims()[assertion.claim].text) + " to " + to;
    }
    case EdgeKind::kCitation: {
      const Citation& citation = graph_.citations()[edge.record];
      std::string text = from + " cites " + to + " (" + std::string(Name(citation.kind)) + ")";
      const Source& cited = graph_.sources()[citation.to];
      if (!cited.published.empty()) text += "\n" + to + " published " + cited.published;
      return text;
    }
    case EdgeKind::kPublisher: return from + " is published by " + to;
    case EdgeKind::kControlledBy: return from + " is controlled by " + to;
    case EdgeKind::kAbout: return "the claim is about " + to;
    case EdgeKind::kExcludes: return Quoted(from) + " and " + Quoted(to) + " cannot both be true";
  }
  return "";
}

std::string_view Labels::EdgeUrl(NodeRef tail, const EdgeProperties& edge) const {
  if (edge.kind == EdgeKind::kAssertion || edge.kind == EdgeKind::kCitation) {
    return graph_.sources()[tail.index].url;
  }
  return "";
}

}  // namespace claimgraph::render
