// schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), with the fields Google's
// fact-check structured data documentation requires (claimReviewed, reviewRating with
// alternateName, url) and recommends (author, datePublished, itemReviewed as a Claim with
// author, datePublished, appearance and firstAppearance; ratingValue, bestRating,
// worstRating). The mapping is in docs/exports.md.
#include <algorithm>
#include <cstdio>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "claimgraph/export.h"
#include "claimgraph/prov_names.h"
#include "export/markup_text.h"
#include "model/uri.h"

namespace claimgraph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Key(Writer& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
void String(Writer& writer, std::string_view key, std::string_view value) {
  Key(writer, key);
  const std::string valid = exporting::ValidUtf8(value);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}
// A link that search engines and pages follow: written only when it is an absolute http(s)
// URL (model/uri.h), which the loader ensures for casefiles; a graph built in code may not.
void Url(Writer& writer, std::string_view key, std::string_view url) {
  if (IsHttpUrl(url)) String(writer, key, url);
}
void Number(Writer& writer, std::string_view key, const std::string& number) {
  Key(writer, key);
  writer.RawValue(number.data(), number.size(), rapidjson::kNumberType);
}

// Three decimals: a rating is read by people, and fixed formatting keeps output stable.
std::string Rounded(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string Capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

void Agent(Writer& writer, std::string_view key, const Entity& entity) {
  Key(writer, key);
  writer.StartObject();
  String(writer, "@type", entity.type == EntityType::kPerson ? "Person" : "Organization");
  String(writer, "name", entity.name);
  Url(writer, "url", entity.url);
  writer.EndObject();
}

void CreativeWork(Writer& writer, const ProvenanceGraph& graph, const Source& source) {
  writer.StartObject();
  String(writer, "@type", "CreativeWork");
  Url(writer, "url", source.url);
  String(writer, "name", source.title);
  if (!source.published.empty()) String(writer, "datePublished", source.published);
  if (source.publisher != kNoIndex) Agent(writer, "publisher", graph.entities()[source.publisher]);
  writer.EndObject();
}

// The supporting sources of a claim, dated ones by date then undated ones, ties by id; and
// the assertion that first supports it, or kNoIndex when no supporting source is dated.
struct Appearances {
  std::vector<Index> sources;
  Index first_assertion = kNoIndex;
};

Appearances AppearancesOf(const ProvenanceGraph& graph, Index claim) {
  Appearances result;
  for (Index a : graph.AssertionsOfClaim(claim)) {
    const Assertion& assertion = graph.assertions()[a];
    if (assertion.stance != Stance::kSupports) continue;
    if (std::find(result.sources.begin(), result.sources.end(), assertion.source) == result.sources.end()) {
      result.sources.push_back(assertion.source);
    }
  }
  auto earlier = [&](Index a, Index b) {
    const Source& x = graph.sources()[a];
    const Source& y = graph.sources()[b];
    if (x.published.empty() != y.published.empty()) return y.published.empty();
    if (!x.published.empty() && x.published_seconds != y.published_seconds) {
      return x.published_seconds < y.published_seconds;
    }
    return x.id < y.id;
  };
  std::sort(result.sources.begin(), result.sources.end(), earlier);
  if (!result.sources.empty() && !graph.sources()[result.sources.front()].published.empty()) {
    for (Index a : graph.AssertionsOfClaim(claim)) {
      const Assertion& assertion = graph.assertions()[a];
      if (assertion.stance == Stance::kSupports && assertion.source == result.sources.front()) {
        result.first_assertion = a;
        break;
      }
    }
  }
  return result;
}

void ItemReviewed(Writer& writer, const ProvenanceGraph& graph, Index claim) {
  const Appearances appearances = AppearancesOf(graph, claim);
  Key(writer, "itemReviewed");
  writer.StartObject();
  String(writer, "@type", "Claim");
  String(writer, "name", graph.claims()[claim].text);
  if (appearances.first_assertion != kNoIndex) {
    const Assertion& first = graph.assertions()[appearances.first_assertion];
    const Source& source = graph.sources()[first.source];
    // The claim's author: whom the first source attributes it to, else its publisher.
    if (first.speaker.valid() && first.speaker.kind == NodeKind::kEntity) {
      Agent(writer, "author", graph.entities()[first.speaker.index]);
    } else if (source.publisher != kNoIndex) {
      Agent(writer, "author", graph.entities()[source.publisher]);
    }
    String(writer, "datePublished", source.published);
  }
  const bool any_url = std::any_of(appearances.sources.begin(), appearances.sources.end(),
                                  [&](Index s) { return IsHttpUrl(graph.sources()[s].url); });
  if (any_url) {
    Key(writer, "appearance");
    writer.StartArray();
    for (Index s : appearances.sources) {
      if (IsHttpUrl(graph.sources()[s].url)) CreativeWork(writer, graph, graph.sources()[s]);
    }
    writer.EndArray();
  }
  if (appearances.first_assertion != kNoIndex) {
    Key(writer, "firstAppearance");
    CreativeWork(writer, graph, graph.sources()[graph.assertions()[appearances.first_assertion].source]);
  }
  writer.EndObject();
}

std::string FileLabel(const ProvenanceGraph& graph) {
  return graph.data().files.empty() ? std::string("casefile") : graph.data().files.front();
}

}  // namespace

Status ClaimReviewOptions::Validate() const {
  if (review_url.empty()) return Status::Ok();
  // "#claim-ID" is appended to it, so it must have no fragment of its own.
  if (!IsHttpUrl(review_url) || review_url.find('#') != std::string::npos) {
    return Status::Error("the review url '" + review_url +
                         "' must be an absolute http or https URL without spaces or '#'");
  }
  return Status::Ok();
}

Result<std::string> ExportClaimReview(const ProvenanceGraph& graph, const CorroborationResult& scores,
                                      const ClaimReviewOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  const Review& review = graph.data().review;
  if (!review.present()) {
    return Status::Error(
        FileLabel(graph) +
        ": error: a ClaimReview names who published the review: add a top-level \"review\" "
        "block to the casefile, such as \"review\": {\"author_name\": \"Example Fact Desk\", "
        "\"author_url\": \"https://example.org\", \"date_published\": \"2017-12-20\"}");
  }
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartArray();
  std::vector<Index> claims;
  for (Index c = 0; c < graph.claims().size(); ++c) {
    if (!graph.VerdictsOfClaim(c).empty() || !graph.AssertionsOfClaim(c).empty()) claims.push_back(c);
  }
  std::sort(claims.begin(), claims.end(),
            [&](Index a, Index b) { return graph.claims()[a].id < graph.claims()[b].id; });
  for (Index c : claims) {
    const Claim& claim = graph.claims()[c];
    const Verdict* verdict =
        graph.VerdictsOfClaim(c).empty() ? nullptr : &graph.verdicts()[graph.VerdictsOfClaim(c).front()];
    std::string url = verdict != nullptr && IsHttpUrl(verdict->url) ? verdict->url.str() : "";
    if (url.empty() && !options.review_url.empty()) url = options.review_url + "#claim-" + ProvLocalName(claim.id);
    if (url.empty()) {
      return Status::Error(FileLabel(graph) + ": error: claim '" + claim.id +
                           "' has no review url: give its verdict a \"url\", or pass --review-url "
                           "with the page that publishes these reviews");
    }
    writer.StartObject();
    String(writer, "@context", "https://schema.org");
    String(writer, "@type", "ClaimReview");
    String(writer, "url", url);
    String(writer, "claimReviewed", claim.text);
    const std::string date =
        verdict != nullptr && !verdict->date.empty() ? verdict->date.str() : review.date_published;
    if (!date.empty()) String(writer, "datePublished", date);
    Key(writer, "author");
    writer.StartObject();
    String(writer, "@type", "Organization");
    String(writer, "name", review.author_name);
    Url(writer, "url", review.author_url);
    writer.EndObject();
    Key(writer, "reviewRating");
    writer.StartObject();
    String(writer, "@type", "Rating");
    if (verdict != nullptr) {
      // The desk's own verdict: true is the best rating, false the worst.
      Number(writer, "ratingValue", verdict->rating == Rating::kTrue ? "1" : "0");
      Number(writer, "bestRating", "1");
      Number(writer, "worstRating", "0");
      String(writer, "alternateName", verdict->rating == Rating::kTrue ? "True" : "False");
    } else {
      const ClaimScore& score = scores.claims[c];
      Number(writer, "ratingValue", Rounded(score.score));
      Number(writer, "bestRating", "1");
      Number(writer, "worstRating", "0");
      String(writer, "alternateName", Capitalised(Name(score.verdict)));
      if (!score.explanation.empty()) String(writer, "ratingExplanation", score.explanation);
    }
    writer.EndObject();
    ItemReviewed(writer, graph, c);
    writer.EndObject();
  }
  writer.EndArray();
  // ClaimReview is pasted into <script type="application/ld+json"> elements.
  return exporting::ScriptSafeJson(std::string_view(buffer.GetString(), buffer.GetSize())) + "\n";
}

}  // namespace claimgraph
