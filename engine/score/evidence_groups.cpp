#include "score/evidence_groups.h"

#include <algorithm>
#include <numeric>

namespace claimgraph::score {

namespace {

// Union-find with path halving; the smaller index becomes the root so that the result
// does not depend on the order of the unions.
class DisjointSets {
 public:
  // Starts over with `size` singletons, keeping the storage (FormGroups runs once per claim).
  void Reset(size_t size) {
    parent_.resize(size);
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a < b) parent_[b] = a;
    if (b < a) parent_[a] = b;
  }

 private:
  std::vector<uint32_t> parent_;
};

// The partition of one side's origins into groups, shared by FormGroups and
// SummariseGroups: the distinct origins, sorted, the group of each, and how many origins
// each group has. Groups are numbered in order of their smallest origin.
struct OriginPartition {
  std::vector<NodeRef> origins;
  std::vector<uint32_t> group_of_origin;
  std::vector<uint32_t> origin_count;  // per group
  uint32_t GroupOf(NodeRef origin) const {
    return group_of_origin[static_cast<size_t>(
        std::lower_bound(origins.begin(), origins.end(), origin, NodeLess) - origins.begin())];
  }
};

// Scratch kept between calls (per thread): FormGroups runs twice per claim, and allocating
// these afresh each time was a large share of scoring ten million assertions.
OriginPartition& PartitionOrigins(const ControlIndex& control, std::span<const EvidenceMember> members) {
  thread_local OriginPartition partition;
  thread_local DisjointSets sets;
  thread_local std::vector<std::pair<Index, uint32_t>> controlled;  // (controller, origin position)
  thread_local std::vector<uint32_t> group_of_root;
  // Distinct origins, then union-find over them: origins sharing a controller are joined.
  std::vector<NodeRef>& origins = partition.origins;
  origins.clear();
  for (const EvidenceMember& member : members) origins.push_back(member.hit.origin);
  std::sort(origins.begin(), origins.end(), NodeLess);
  origins.erase(std::unique(origins.begin(), origins.end()), origins.end());
  sets.Reset(origins.size());
  controlled.clear();
  for (uint32_t i = 0; i < origins.size(); ++i) {
    for (Index key : control.JoinKeys(origins[i])) controlled.emplace_back(key, i);
  }
  std::sort(controlled.begin(), controlled.end());
  for (size_t i = 1; i < controlled.size(); ++i) {
    if (controlled[i].first == controlled[i - 1].first) {
      sets.Join(controlled[i - 1].second, controlled[i].second);
    }
  }
  // One group per root, in order of the root's origin.
  group_of_root.assign(origins.size(), UINT32_MAX);
  partition.group_of_origin.resize(origins.size());
  partition.origin_count.clear();
  for (uint32_t i = 0; i < origins.size(); ++i) {
    uint32_t root = sets.Find(i);
    if (group_of_root[root] == UINT32_MAX) {
      group_of_root[root] = static_cast<uint32_t>(partition.origin_count.size());
      partition.origin_count.push_back(0);
    }
    partition.group_of_origin[i] = group_of_root[root];
    ++partition.origin_count[group_of_root[root]];
  }
  return partition;
}

// Positions 0..count-1 ordered heaviest first; among equals, in order of creation, which
// is the order of each group's first (smallest) origin. No two groups share an origin, so
// this order is total and any sort gives it; sorting positions rather than the groups
// saves moving them around.
template <typename WeightOf>
const std::vector<uint32_t>& HeaviestFirst(size_t count, WeightOf weight_of) {
  thread_local std::vector<uint32_t> order;
  order.resize(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const double first = weight_of(a), second = weight_of(b);
    return first != second ? first > second : a < b;
  });
  return order;
}

}  // namespace

void FormGroups(const ProvenanceGraph& graph, const ControlIndex& control, Index claim, Stance stance,
                std::span<const EvidenceMember> given, const GroupWeighting& weighting,
                ClaimTracer* tracer, size_t max_chains, std::vector<EvidenceGroup>& out) {
  if (given.empty()) return;
  const OriginPartition& partition = PartitionOrigins(control, given);
  const std::vector<NodeRef>& origins = partition.origins;
  const std::vector<uint32_t>& group_of_origin = partition.group_of_origin;
  const std::vector<uint32_t>& origin_count = partition.origin_count;
  thread_local std::vector<EvidenceMember> members;
  members.assign(given.begin(), given.end());
  // The groups are built in scratch space kept between calls, each vector reserved at its
  // final size: the groups' own allocations are most of the cost of forming them.
  thread_local std::vector<EvidenceGroup> groups;
  thread_local std::vector<uint32_t> assertion_count, last_assertion;
  groups.clear();
  // Members: assertions, the best voucher's trust and the highest confidence.
  std::sort(members.begin(), members.end(), [](const EvidenceMember& a, const EvidenceMember& b) {
    return a.assertion != b.assertion ? a.assertion < b.assertion : NodeLess(a.hit.origin, b.hit.origin);
  });
  const size_t group_count = origin_count.size();
  assertion_count.assign(group_count, 0);
  last_assertion.assign(group_count, kNoIndex);
  for (const EvidenceMember& member : members) {
    const uint32_t group = partition.GroupOf(member.hit.origin);
    if (last_assertion[group] != member.assertion) {
      last_assertion[group] = member.assertion;
      ++assertion_count[group];
    }
  }
  groups.resize(group_count);
  for (size_t g = 0; g < group_count; ++g) {
    EvidenceGroup& group = groups[g];
    group.stance = stance;
    group.reliability = -1.0;
    group.confidence = 0.0;
    group.origins.reserve(origin_count[g]);
    group.assertions.reserve(assertion_count[g]);
  }
  for (uint32_t i = 0; i < origins.size(); ++i) groups[group_of_origin[i]].origins.push_back(origins[i]);
  for (const EvidenceMember& member : members) {
    EvidenceGroup& group = groups[partition.GroupOf(member.hit.origin)];
    if (group.assertions.empty() || group.assertions.back() != member.assertion) {
      group.assertions.push_back(member.assertion);
    }
    group.competing = group.competing || member.claim != claim;
    double trust = weighting.trust[member.hit.voucher];
    if (trust > group.reliability ||
        (trust == group.reliability && member.hit.voucher < group.reliability_source)) {
      group.reliability = trust;
      group.reliability_source = member.hit.voucher;
    }
    group.confidence = std::max(group.confidence, static_cast<double>(member.confidence));
  }
  for (EvidenceGroup& group : groups) {
    group.controller = group.origins.size() > 1 ? control.JoiningController(group.origins) : kNoIndex;
    group.interested = std::any_of(group.origins.begin(), group.origins.end(),
                                   [&](NodeRef origin) {
                                     return control.HasStake(origin, graph.claims()[claim]);
                                   });
    group.weight = group.reliability * group.confidence *
                   (group.interested ? weighting.interested_weight : 1.0);
  }
  if (tracer != nullptr) {
    const std::vector<Assertion>& assertions = graph.assertions();
    // Members of competing claims are traced with a tracer of their own claim, reset once
    // per claim (members are sorted by assertion, so visit them claim by claim).
    std::vector<size_t> order(members.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return assertions[members[a].assertion].claim < assertions[members[b].assertion].claim;
    });
    ClaimTracer other(graph, {});
    for (size_t i : order) {
      const EvidenceMember& member = members[i];
      Index member_claim = assertions[member.assertion].claim;
      ClaimTracer* use = tracer;
      if (member_claim != tracer->claim()) {
        if (other.claim() != member_claim) other.Reset(member_claim);
        use = &other;
      }
      EvidenceGroup& group = groups[partition.GroupOf(member.hit.origin)];
      if (group.chains.size() >= max_chains) {
        ++group.chains_left_out;
        continue;
      }
      ProvenanceChain chain = use->ChainTo(member.assertion, member.hit.origin);
      if (chain.origin() == member.hit.origin) group.chains.push_back(std::move(chain));
    }
  }
  const std::vector<uint32_t>& order =
      HeaviestFirst(group_count, [&](uint32_t g) { return groups[g].weight; });
  for (uint32_t g : order) out.push_back(std::move(groups[g]));
}

void SummariseGroups(const ProvenanceGraph& graph, const ControlIndex& control, Index claim,
                     std::span<const EvidenceMember> members, const GroupWeighting& weighting,
                     std::vector<GroupSummary>& out) {
  if (members.empty()) return;
  const OriginPartition& partition = PartitionOrigins(control, members);
  const size_t group_count = partition.origin_count.size();
  thread_local std::vector<double> reliability, confidence;
  thread_local std::vector<Index> reliability_source;
  thread_local std::vector<uint8_t> interested;
  reliability.assign(group_count, -1.0);
  reliability_source.assign(group_count, kNoIndex);
  confidence.assign(group_count, 0.0);
  interested.assign(group_count, 0);
  // FormGroups' reliability and confidence, kept per group without the group's lists: the
  // highest trust (equal trusts: the lowest source, so that even a -0.0 comes out the
  // same) and the highest confidence, neither depending on the order of the members.
  for (const EvidenceMember& member : members) {
    const uint32_t group = partition.GroupOf(member.hit.origin);
    const double trust = weighting.trust[member.hit.voucher];
    if (trust > reliability[group] ||
        (trust == reliability[group] && member.hit.voucher < reliability_source[group])) {
      reliability[group] = trust;
      reliability_source[group] = member.hit.voucher;
    }
    confidence[group] = std::max(confidence[group], static_cast<double>(member.confidence));
  }
  const Claim& scored = graph.claims()[claim];
  for (size_t i = 0; i < partition.origins.size(); ++i) {
    const uint32_t group = partition.group_of_origin[i];
    if (!interested[group] && control.HasStake(partition.origins[i], scored)) interested[group] = 1;
  }
  thread_local std::vector<double> weight;
  weight.resize(group_count);
  for (size_t g = 0; g < group_count; ++g) {
    weight[g] = reliability[g] * confidence[g] * (interested[g] ? weighting.interested_weight : 1.0);
  }
  for (uint32_t g : HeaviestFirst(group_count, [&](uint32_t group) { return weight[group]; })) {
    out.push_back({weight[g], interested[g] != 0});
  }
}

EvidenceTotals TotalsOf(std::span<const GroupSummary> supporting, std::span<const GroupSummary> against) {
  EvidenceTotals totals;
  for (const GroupSummary& group : supporting) {
    totals.support += group.weight;
    if (group.interested) ++totals.interested;
    else ++totals.disinterested;
  }
  for (const GroupSummary& group : against) {
    totals.against += group.weight;
    if (group.interested) ++totals.interested;
  }
  totals.supporting = supporting.size();
  totals.against_groups = against.size();
  return totals;
}

}  // namespace claimgraph::score
