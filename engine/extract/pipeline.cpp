// The whole extraction path in one place: read, split, find, resolve, group, draft.
#include "claimgraph/extract.h"
#include "claimgraph/load.h"
#include "extract/article_reader.h"
#include "extract/attributions.h"
#include "extract/claims.h"
#include "extract/draft.h"
#include "extract/entities.h"
#include "extract/lexicon.h"
#include "extract/units.h"

namespace claimgraph {

Result<ExtractResult> ExtractDraft(const std::vector<std::string>& article_paths,
                                   const ExtractOptions& options) {
  using namespace extract;
  Result<Lexicon> lexicon = LoadLexicon(options.lexicon_dir);
  if (!lexicon.ok()) return lexicon.status();
  ExtractResult result;
  std::vector<Article> articles;
  for (const std::string& path : article_paths) {
    Status status = ReadArticles(path, articles, result.warnings);
    if (!status.ok()) return status;
  }
  EntityTable entities;
  std::vector<Claim> existing_claims;
  if (!options.into.empty()) {
    LoadResult loaded = LoadCasefiles(options.into, LoadOptions{.warnings = false});
    if (!loaded.ok()) return loaded.status();
    for (const Entity& entity : loaded.graph->data().entities) {
      AddExistingEntity(entity, entities, lexicon.value());
    }
    existing_claims = loaded.graph->data().claims;
  }
  std::vector<std::vector<Unit>> units(articles.size());
  std::vector<Attribution> attributions;
  for (size_t a = 0; a < articles.size(); ++a) {
    Result<std::vector<Unit>> split = SplitUnits(articles[a].text, lexicon.value());
    if (!split.ok()) return split.status();
    units[a] = std::move(split.value());
    const size_t first = attributions.size();
    for (size_t u = 0; u < units[a].size(); ++u) {
      FindAttributions(articles[a], a, units[a], u, lexicon.value(), attributions);
    }
    std::vector<Attribution> of_article(std::make_move_iterator(attributions.begin() + static_cast<std::ptrdiff_t>(first)),
                                        std::make_move_iterator(attributions.end()));
    attributions.resize(first);
    ResolveSpeakers(articles[a], units[a], of_article, lexicon.value());
    // Later stages need only the units' spans: the tokens go now, so memory holds one
    // article's tokens at a time (and malloc reuses them for the next article).
    for (Unit& unit : units[a]) std::vector<Token>().swap(unit.tokens);
    for (Attribution& attribution : of_article) attributions.push_back(std::move(attribution));
  }
  std::vector<DraftClaim> claims = GroupClaims(articles, attributions, existing_claims, lexicon.value());
  DraftInput input{articles, units, attributions, claims, entities, lexicon.value()};
  result.casefile = DraftCasefile(input);
  if (options.review) result.review = DraftReview(input);
  result.articles = articles.size();
  result.attributions = attributions.size();
  return result;
}

}  // namespace claimgraph
