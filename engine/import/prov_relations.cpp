// PROV-JSON relations: publishers (wasAttributedTo), control (actedOnBehalfOf), and
// derivations, which are assertions (claim from source, prov:type cg:Assertion) or
// citations (source from source); then the claim and verdict links resolved at the end.
#include <algorithm>

#include "import/prov_reader.h"

namespace claimgraph::importers {

Status ProvReader::ReadRelation(std::string_view kind, const std::string& pointer, const Value& record) {
  if (!record.IsObject()) return Error(pointer, "a PROV relation must be a JSON object");
  const auto attributes = Attributes(record);
  auto name = [&](std::string_view term) -> std::optional<std::string> { return Text(attributes, Prov(term)); };
  if (kind == "wasAttributedTo") {
    std::optional<std::string> entity = name("entity"), agent = name("agent");
    if (!entity || !agent) return Error(pointer, "wasAttributedTo needs prov:entity and prov:agent");
    Result<NodeRef> source = Reference(pointer, *entity, true, false, false);
    if (!source.ok()) return source.status();
    Result<NodeRef> publisher = Reference(pointer, *agent, false, false, true);
    if (!publisher.ok()) return publisher.status();
    Source& record_source = data_.sources[source->index];
    if (record_source.publisher != kNoIndex) {
      return Error(pointer, "source '" + record_source.id +
                                "' is attributed to a second agent; a casefile source has one publisher");
    }
    record_source.publisher = publisher->index;
    return Status::Ok();
  }
  if (kind == "actedOnBehalfOf") {
    std::optional<std::string> delegate = name("delegate"), responsible = name("responsible");
    if (!delegate || !responsible) return Error(pointer, "actedOnBehalfOf needs prov:delegate and prov:responsible");
    Result<NodeRef> from = Reference(pointer, *delegate, false, false, true);
    if (!from.ok()) return from.status();
    Result<NodeRef> to = Reference(pointer, *responsible, false, false, true);
    if (!to.ok()) return to.status();
    data_.entities[from->index].controlled_by.push_back(to->index);
    return Status::Ok();
  }
  // wasDerivedFrom: an assertion (claim from source) or a citation (source from source).
  std::optional<std::string> generated = name("generatedEntity"), used = name("usedEntity");
  if (!generated || !used) return Error(pointer, "wasDerivedFrom needs prov:generatedEntity and prov:usedEntity");
  const std::vector<std::string> types = Types(attributes);
  auto has_type = [&](const std::string& iri) { return std::find(types.begin(), types.end(), iri) != types.end(); };
  if (has_type(Vocabulary("Assertion"))) {
    Assertion assertion;
    Result<NodeRef> claim = Reference(pointer, *generated, false, true, false);
    if (!claim.ok()) return claim.status();
    Result<NodeRef> source = Reference(pointer, *used, true, false, false);
    if (!source.ok()) return source.status();
    assertion.claim = claim->index;
    assertion.source = source->index;
    std::optional<Stance> stance = ParseStance(Text(attributes, Vocabulary("stance")).value_or(""));
    if (!stance) return Error(pointer, "a cg:Assertion needs cg:stance \"supports\", \"refutes\" or \"reports\"");
    assertion.stance = *stance;
    if (std::optional<std::string> speaker = Text(attributes, Vocabulary("speaker"))) {
      Result<NodeRef> found = Reference(pointer, *speaker, true, false, true);
      if (!found.ok()) return found.status();
      assertion.speaker = found.value();
    }
    assertion.quote = Text(attributes, Vocabulary("quote")).value_or("");
    if (const Value* confidence = First(attributes, Vocabulary("confidence"))) {
      std::optional<double> number = NumberOf(*confidence);
      if (!number || *number < 0.0 || *number > 1.0) return Error(pointer, "cg:confidence must be a number in [0, 1]");
      assertion.confidence = static_cast<float>(*number);
    }
    assertion.place = {0, static_cast<uint32_t>(data_.assertions.size())};
    data_.assertions.push_back(std::move(assertion));
    origins_.assertions.push_back(pointer);
    return Status::Ok();
  }
  Citation citation;
  Result<NodeRef> from = Reference(pointer, *generated, true, false, false);
  if (!from.ok()) return from.status();
  Result<NodeRef> to = Reference(pointer, *used, true, false, false);
  if (!to.ok()) return to.status();
  citation.from = from->index;
  citation.to = to->index;
  if (std::optional<std::string> kind_text = Text(attributes, Vocabulary("citationKind"))) {
    std::optional<CitationKind> parsed = ParseCitationKind(*kind_text);
    if (!parsed) return Error(pointer, "cg:citationKind \"" + *kind_text + "\" is not a casefile citation kind");
    citation.kind = *parsed;
  } else if (has_type(Prov("Quotation"))) {
    citation.kind = CitationKind::kQuotes;
  } else if (has_type(Prov("PrimarySource"))) {
    citation.kind = CitationKind::kPrimarySource;
  } else {
    citation.kind = CitationKind::kDerivedFrom;
  }
  citation.place = {0, static_cast<uint32_t>(data_.citations.size())};
  data_.citations.push_back(citation);
  origins_.citations.push_back(pointer);
  return Status::Ok();
}

Status ProvReader::ResolveClaimLinks() {
  for (size_t c = 0; c < claim_links_.size(); ++c) {
    const PendingLinks& links = claim_links_[c];
    for (const std::string& about : links.about) {
      Result<NodeRef> entity = Reference(links.pointer, about, false, false, true);
      if (!entity.ok()) return entity.status();
      data_.claims[c].about.push_back(entity->index);
    }
    for (const std::string& excluded : links.excludes) {
      Result<NodeRef> other = Reference(links.pointer, excluded, false, true, false);
      if (!other.ok()) return other.status();
      data_.claims[c].excludes.push_back(other->index);
    }
  }
  // Exclusion is symmetric after loading (claimgraph/model.h): fill in the other side.
  for (Index c = 0; c < data_.claims.size(); ++c) {
    for (Index other : std::vector<Index>(data_.claims[c].excludes)) {
      std::vector<Index>& back = data_.claims[other].excludes;
      if (std::find(back.begin(), back.end(), c) == back.end()) back.push_back(c);
    }
  }
  for (size_t v = 0; v < verdict_claims_.size(); ++v) {
    const auto& [pointer, claim] = verdict_claims_[v];
    Result<NodeRef> rated = Reference(pointer, claim, false, true, false);
    if (!rated.ok()) return rated.status();
    data_.verdicts[v].claim = rated->index;
  }
  return Status::Ok();
}

}  // namespace claimgraph::importers
