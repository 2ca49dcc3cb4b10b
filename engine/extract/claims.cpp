#include "extract/claims.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "extract/stemmer_adapter.h"
#include "extract/units.h"

namespace claimgraph::extract {
namespace {

// Terms in more contents than this do not propose candidate pairs (they still count in the
// similarity), and a term proposes only the latest kRecentPostings contents that have it:
// single link needs one link into a group, and the group's latest members are as good as
// any. Together they keep grouping linear in the number of contents.
constexpr size_t kMaxCandidatePostings = 2000;
constexpr size_t kRecentPostings = 24;

struct Signature {
  std::vector<uint32_t> terms;  // sorted, unique
  double norm = 0;              // of the IDF-weighted vector, set once the weights are known
  bool negated = false;         // of the content as written
  bool effective = false;       // negated XOR refuting cue
};

class Signer {
 public:
  explicit Signer(const Lexicon& lexicon) : lexicon_(lexicon) {
    for (const auto& [word, group] : lexicon.synonym_of) stem_group_[stemmer_.Stem(word)] = stemmer_.Stem(group);
  }

  Signature Sign(std::string_view text) {
    Signature signature;
    const std::vector<Token> tokens = Tokenise(text, {0, static_cast<uint32_t>(text.size())}, lexicon_);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string& word = tokens[i].lower;
      if (!tokens[i].word) continue;
      const bool negation = lexicon_.Is("negation", word) ||
                            (word.size() > 3 && word.compare(word.size() - 3, 3, "n't") == 0);
      if (negation) {
        const bool excepted = i + 1 < tokens.size() && lexicon_.Is("negation-exception", tokens[i + 1].lower);
        // Any negation negates ("weren't aimed at X and weren't directed against Y" is two
        // denials, not a double negative, which news text rarely uses).
        if (!excepted) signature.negated = true;
        if (word == "not" || word == "no" || word == "never" || word == "none" ||
            lexicon_.Is("negation", word)) {
          continue;
        }
      }
      // The term of each word is computed once: the same words recur across contents.
      auto known = term_of_word_.find(word);
      if (known == term_of_word_.end()) known = term_of_word_.emplace(word, TermOf(word)).first;
      if (known->second != kNoTerm) signature.terms.push_back(known->second);
    }
    std::sort(signature.terms.begin(), signature.terms.end());
    signature.terms.erase(std::unique(signature.terms.begin(), signature.terms.end()), signature.terms.end());
    return signature;
  }

 private:
  static constexpr uint32_t kNoTerm = UINT32_MAX;

  // The term id of a word: kNoTerm for "weren't" and stop words; a state's id for its names;
  // else the Snowball stem, mapped to its synonym group.
  uint32_t TermOf(const std::string& word) {
    std::string base = word;
    if (base.size() > 3 && base.compare(base.size() - 3, 3, "n't") == 0) return kNoTerm;
    if (base.size() > 2 && base.compare(base.size() - 2, 2, "'s") == 0) base.resize(base.size() - 2);
    if (lexicon_.stopwords.count(base)) return kNoTerm;
    std::string term = StateTerm(base);
    if (term.empty()) {
      term = stemmer_.Stem(base);
      auto group = stem_group_.find(term);
      if (group != stem_group_.end()) term = group->second;
    }
    return ids_.emplace(term, static_cast<uint32_t>(ids_.size())).first->second;
  }

  std::string StateTerm(const std::string& word) {
    auto cached = state_terms_.find(word);
    if (cached != state_terms_.end()) return cached->second;
    std::string term;
    for (const KnownEntity& state : lexicon_.states) {
      std::vector<std::string> names = state.aliases;
      names.push_back(state.name);
      for (std::string name : names) {
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        if (name == word) term = state.id;
      }
    }
    state_terms_[word] = term;
    return term;
  }

  const Lexicon& lexicon_;
  Stemmer stemmer_;
  std::unordered_map<std::string, std::string> stem_group_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::unordered_map<std::string, std::string> state_terms_;
  std::unordered_map<std::string, uint32_t> term_of_word_;
};

struct Weights {
  std::vector<double> idf;
  double Norm(const Signature& s) const {
    double sum = 0;
    for (uint32_t t : s.terms) sum += idf[t] * idf[t];
    return std::sqrt(sum);
  }
  void SetNorms(std::vector<Signature>& signatures) const {
    for (Signature& s : signatures) s.norm = Norm(s);
  }
  double Cosine(const Signature& a, const Signature& b) const {
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < a.terms.size() && j < b.terms.size()) {
      if (a.terms[i] == b.terms[j]) {
        dot += idf[a.terms[i]] * idf[a.terms[i]];
        ++i, ++j;
      } else if (a.terms[i] < b.terms[j]) {
        ++i;
      } else {
        ++j;
      }
    }
    const double norms = a.norm * b.norm;
    return norms > 0 ? dot / norms : 0.0;
  }
};

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// `used` holds every id given; `next` the next number to try per slug, so that many claims
// with one slug cost one probe each rather than one per earlier claim.
std::string ClaimId(const std::string& text, const Lexicon& lexicon, std::set<std::string>& used,
                    std::unordered_map<std::string, int>& next) {
  std::string slug;
  size_t words = 0;
  std::string word;
  auto flush = [&]() {
    if (!word.empty() && !lexicon.stopwords.count(word) && words < 6) {
      slug += (slug.empty() ? "" : "-") + word;
      ++words;
    }
    word.clear();
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else flush();
  }
  flush();
  if (slug.empty()) slug = "claim";
  std::string id = slug;
  int& n = next.emplace(slug, 2).first->second;
  while (used.count(id)) id = slug + "-" + std::to_string(n++);
  used.insert(id);
  return id;
}

}  // namespace

std::vector<DraftClaim> GroupClaims(const std::vector<Article>& articles,
                                    std::vector<Attribution>& attributions,
                                    const std::vector<Claim>& existing, const Lexicon& lexicon) {
  Signer signer(lexicon);
  std::vector<Signature> signatures;
  for (Attribution& attribution : attributions) {
    Signature signature = signer.Sign(articles[attribution.article].At(attribution.content));
    signature.effective = signature.negated != attribution.refutes;
    attribution.negated = signature.negated;
    signatures.push_back(std::move(signature));
  }
  std::vector<Signature> existing_signatures;
  for (const Claim& claim : existing) {
    existing_signatures.push_back(signer.Sign(claim.text));
    existing_signatures.back().effective = existing_signatures.back().negated;
  }
  // IDF over the new contents and the existing claims.
  Weights weights;
  std::vector<size_t> df;
  auto count = [&](const Signature& s) {
    for (uint32_t t : s.terms) {
      if (t >= df.size()) df.resize(t + 1, 0);
      ++df[t];
    }
  };
  for (const Signature& s : signatures) count(s);
  for (const Signature& s : existing_signatures) count(s);
  const double total = static_cast<double>(signatures.size() + existing_signatures.size());
  for (size_t d : df) weights.idf.push_back(std::log(1.0 + total / static_cast<double>(std::max<size_t>(d, 1))));
  weights.SetNorms(signatures);
  weights.SetNorms(existing_signatures);

  std::vector<DraftClaim> claims;
  std::set<std::string> used;
  for (const Claim& claim : existing) used.insert(claim.id);
  // --into claims first: the most similar one of the same polarity.
  std::vector<size_t> existing_claim(attributions.size(), kNone);
  for (size_t e = 0; e < existing.size(); ++e) {
    claims.push_back({existing[e].id, existing[e].text, existing_signatures[e].negated, true, {}});
  }
  for (size_t a = 0; a < attributions.size(); ++a) {
    double best = kClaimSimilarity;
    for (size_t e = 0; e < existing.size(); ++e) {
      if (existing_signatures[e].effective != signatures[a].effective) continue;
      const double similarity = weights.Cosine(signatures[a], existing_signatures[e]);
      if (similarity >= best) {
        best = similarity;
        existing_claim[a] = e;
      }
    }
  }
  // The rest: identical signatures at once, then candidate pairs through shared rare terms.
  std::vector<size_t> parent(attributions.size());
  std::iota(parent.begin(), parent.end(), 0);
  // Identical signatures by hash (FNV-1a over polarity and terms), checked for equality.
  std::unordered_map<uint64_t, std::vector<size_t>> same;
  std::vector<size_t> distinct;
  for (size_t a = 0; a < attributions.size(); ++a) {
    if (existing_claim[a] != kNone || signatures[a].terms.empty()) continue;
    uint64_t hash = 1469598103934665603ULL ^ static_cast<uint64_t>(signatures[a].effective);
    for (uint32_t t : signatures[a].terms) hash = (hash ^ t) * 1099511628211ULL;
    std::vector<size_t>& bucket = same[hash];
    size_t twin = kNone;
    for (size_t b : bucket) {
      if (signatures[b].effective == signatures[a].effective && signatures[b].terms == signatures[a].terms) twin = b;
    }
    if (twin == kNone) {
      bucket.push_back(a);
      distinct.push_back(a);
    } else {
      parent[Find(parent, a)] = Find(parent, twin);
    }
  }
  std::vector<std::vector<size_t>> postings(df.size());
  std::vector<size_t> seen_by(attributions.size(), kNone);  // the last `a` that met each candidate
  std::vector<size_t> candidates;
  // Each content's polarity, one byte apiece: the candidate loop tests it for every
  // candidate, and a compact array stays in cache where the signatures do not.
  std::vector<uint8_t> effective(attributions.size());
  for (size_t a = 0; a < attributions.size(); ++a) effective[a] = signatures[a].effective;
  for (size_t a : distinct) {
    candidates.clear();
    for (uint32_t t : signatures[a].terms) {
      if (df[t] > kMaxCandidatePostings) continue;
      const std::vector<size_t>& posting = postings[t];
      const size_t from = posting.size() > kRecentPostings ? posting.size() - kRecentPostings : 0;
      for (size_t k = from; k < posting.size(); ++k) {
        const size_t b = posting[k];
        if (seen_by[b] != a) {
          seen_by[b] = a;
          candidates.push_back(b);
        }
      }
    }
    for (size_t b : candidates) {
      if (effective[a] != effective[b]) continue;
      if (Find(parent, a) == Find(parent, b)) continue;  // already one claim
      if (weights.Cosine(signatures[a], signatures[b]) >= kClaimSimilarity) {
        parent[Find(parent, a)] = Find(parent, b);
      }
    }
    for (uint32_t t : signatures[a].terms) postings[t].push_back(a);
  }
  std::map<size_t, size_t> claim_of_root;
  for (size_t a = 0; a < attributions.size(); ++a) {
    size_t claim;
    if (existing_claim[a] != kNone) {
      claim = existing_claim[a];
    } else {
      const size_t root = Find(parent, a);
      auto [it, added] = claim_of_root.emplace(root, claims.size());
      if (added) claims.push_back({"", "", false, false, {}});
      claim = it->second;
    }
    claims[claim].members.push_back(a);
    attributions[a].claim = claim;
  }
  std::unordered_map<std::string, int> next_number;
  // One dense centroid for all groups, its touched terms zeroed after each group: a hash map
  // per group cost more than the sums themselves.
  std::vector<double> centroid(df.size(), 0.0);
  for (DraftClaim& claim : claims) {
    if (claim.existing) continue;
    // The most central member: the largest similarity to the group's centroid (the sum of
    // the members' unit vectors; first on ties), linear in the group's size.
    for (size_t m : claim.members) {
      const Signature& s = signatures[m];
      if (s.norm <= 0) continue;
      for (uint32_t t : s.terms) centroid[t] += weights.idf[t] / s.norm;
    }
    size_t central = claim.members.front();
    double best = -1;
    for (size_t m : claim.members) {
      const Signature& s = signatures[m];
      double dot = 0;
      for (uint32_t t : s.terms) dot += weights.idf[t] * centroid[t];
      const double similarity = s.norm > 0 ? dot / s.norm : 0;
      if (similarity > best + 1e-12) {
        best = similarity;
        central = m;
      }
    }
    for (size_t m : claim.members) {
      for (uint32_t t : signatures[m].terms) centroid[t] = 0.0;
    }
    const Attribution& member = attributions[central];
    std::string text;
    for (char c : articles[member.article].At(member.content)) text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    claim.text = text;
    claim.negated = signatures[central].negated;
    claim.id = ClaimId(text, lexicon, used, next_number);
  }
  for (size_t a = 0; a < attributions.size(); ++a) {
    Attribution& attribution = attributions[a];
    const bool same_polarity = signatures[a].negated == claims[attribution.claim].negated;
    if (attribution.hedged) attribution.stance = Stance::kReports;
    else attribution.stance = same_polarity != attribution.refutes ? Stance::kSupports : Stance::kRefutes;
  }
  return claims;
}

}  // namespace claimgraph::extract
