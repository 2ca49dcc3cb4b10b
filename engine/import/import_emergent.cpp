// Emergent (Ferreira and Vlachos, NAACL 2016), in the CSV columns of Nguyen et al. (AAAI
// 2018): one row per news article with its stance to a rumour claim.
#include <map>
#include <set>
#include <tuple>

#include "claimgraph/import.h"
#include "import/csv_reader.h"
#include "import/import_support.h"
#include "model/uri.h"
#include "import/import_text.h"
#include "ingest/value_checks.h"

namespace claimgraph {
namespace {

enum Column : size_t { kClaimHeadline, kArticleHeadline, kStance, kArticleId, kClaimId, kUrl, kOutlet, kTruth };

// Turns the rows into records; `ids` keeps ids unique across kinds.
class EmergentBuilder {
 public:
  EmergentBuilder(CaseData& data, const EmergentImportOptions& options) : data_(data), options_(options) {}

  // The claim, created on first sight. Fails when a later row rates it differently.
  Result<Index> Claim(std::string_view file, int line, const std::string& claim_id,
                      const std::string& headline, const std::string& truth) {
    if (auto found = claims_.find(claim_id); found != claims_.end()) {
      const std::string& first_truth = truth_[found->second];
      if (first_truth != truth) {
        return importers::LineError(file, line, "claim '" + claim_id + "' has claimTruth '" + truth +
                                                 "' here but '" + first_truth + "' on line " +
                                                 std::to_string(first_line_[found->second]));
      }
      return found->second;
    }
    const auto index = static_cast<Index>(data_.claims.size());
    claimgraph::Claim claim;
    claim.id = ids_.Take(claim_id);
    claim.text = headline;
    data_.claims.push_back(std::move(claim));
    claims_.emplace(claim_id, index);
    truth_.push_back(truth);
    first_line_.push_back(line);
    return index;
  }

  // The source of an article: the article itself (published by the outlet entity), or with
  // `source_per_outlet` the outlet.
  Index Source(const std::string& article_id, const std::string& headline, const std::string& url,
               const std::string& outlet) {
    if (options_.source_per_outlet) {
      if (auto found = sources_.find(outlet); found != sources_.end()) return found->second;
      claimgraph::Source source;
      source.id = ids_.Take(outlet);
      source.title = outlet;
      source.kind = SourceKind::kNewsReport;
      return Add(outlet, std::move(source));
    }
    claimgraph::Source source;
    source.id = ids_.Take(article_id);
    source.title = headline;
    source.url = url;
    source.kind = SourceKind::kNewsReport;
    source.publisher = Outlet(outlet);
    return Add(article_id, std::move(source));
  }

  // False when this (source, claim, stance) is already recorded (two articles of one outlet
  // with the same stance count once when sources are outlets).
  bool Assert(Index source, Index claim, Stance stance) {
    if (!assertions_.emplace(source, claim, stance).second) return false;
    Assertion assertion;
    assertion.source = source;
    assertion.claim = claim;
    assertion.stance = stance;
    data_.assertions.push_back(std::move(assertion));
    return true;
  }

  bool HasArticle(const std::string& article_id) const { return articles_.count(article_id) > 0; }
  void MarkArticle(const std::string& article_id) { articles_.insert(article_id); }

  // The claimTruth labels as verdicts, in claim order.
  void AddVerdicts() {
    for (Index claim = 0; claim < data_.claims.size(); ++claim) {
      if (truth_[claim] != "true" && truth_[claim] != "false") continue;
      Verdict verdict;
      verdict.claim = claim;
      verdict.rating = truth_[claim] == "true" ? Rating::kTrue : Rating::kFalse;
      verdict.by = "Emergent";
      data_.verdicts.push_back(std::move(verdict));
    }
  }

 private:
  Index Outlet(const std::string& domain) {
    if (auto found = outlets_.find(domain); found != outlets_.end()) return found->second;
    const auto index = static_cast<Index>(data_.entities.size());
    Entity entity;
    entity.id = ids_.Take(domain);
    entity.name = domain;
    entity.type = EntityType::kOutlet;
    data_.entities.push_back(std::move(entity));
    outlets_.emplace(domain, index);
    return index;
  }
  Index Add(const std::string& key, claimgraph::Source source) {
    const auto index = static_cast<Index>(data_.sources.size());
    data_.sources.push_back(std::move(source));
    sources_.emplace(key, index);
    return index;
  }

  CaseData& data_;
  const EmergentImportOptions& options_;
  importers::IdRegistry ids_;
  std::map<std::string, Index> claims_, sources_, outlets_;
  std::vector<std::string> truth_;
  std::vector<int> first_line_;
  std::set<std::string> articles_;
  std::set<std::tuple<Index, Index, Stance>> assertions_;
};

}  // namespace

Result<ImportResult> ImportEmergent(std::string_view file, std::string_view text,
                                    const EmergentImportOptions& options) {
  if (Status valid = options.Validate(); !valid.ok()) return valid;
  Result<std::string> prepared =
      importers::PrepareImportText(file, text, "a header line with the Emergent columns");
  if (!prepared.ok()) return prepared.status();
  Result<std::vector<importers::CsvRecord>> records = importers::ReadCsv(file, prepared.value());
  if (!records.ok()) return records.status();
  const std::vector<std::string_view> names = {"claimHeadline", "articleHeadline",
                                               "articleHeadlineStance", "articleId", "claimId",
                                               "url", "source", "claimTruth"};
  if (records->empty()) {
    return importers::LineError(file, 1, "the file is empty (expected a header line with the Emergent columns)");
  }
  const importers::CsvRecord& header = records->front();
  Result<std::vector<size_t>> columns = importers::FindColumns(file, header, names);
  if (!columns.ok()) return columns.status();

  ImportResult result;
  result.data.title = "Emergent claims from " + importers::BaseName(file);
  EmergentBuilder builder(result.data, options);
  importers::SkipNotes notes;
  for (size_t row = 1; row < records->size(); ++row) {
    const importers::CsvRecord& record = records.value()[row];
    const int line = record.line;
    if (record.fields.size() != header.fields.size()) {
      return importers::LineError(file, line, "expected " + std::to_string(header.fields.size()) +
                                               " fields as in the header, found " +
                                               std::to_string(record.fields.size()));
    }
    auto field = [&](Column column) -> const std::string& { return record.fields[columns.value()[column]]; };
    for (Column required : {kClaimId, kClaimHeadline, kArticleId, kOutlet}) {
      if (ingest::IsBlank(field(required))) {
        return importers::LineError(file, line, "the " + std::string(names[required]) + " is empty");
      }
    }
    const std::string& truth = field(kTruth);
    if (truth != "true" && truth != "false" && truth != "unknown") {
      return importers::LineError(file, line, "unknown claimTruth '" + truth +
                                               "' (expected true, false or unknown)");
    }
    const std::string& stance_text = field(kStance);
    std::optional<Stance> stance;
    if (stance_text == "for") stance = Stance::kSupports;
    else if (stance_text == "against") stance = Stance::kRefutes;
    else if (stance_text == "observing") stance = Stance::kReports;
    else if (!stance_text.empty()) {
      return importers::LineError(file, line, "unknown articleHeadlineStance '" + stance_text +
                                               "' (expected for, against or observing)");
    }
    Result<Index> claim = builder.Claim(file, line, field(kClaimId), field(kClaimHeadline), truth);
    if (!claim.ok()) return claim.status();
    if (!stance) {
      notes.Add("skipped (the article has no stance)", line);
      continue;
    }
    if (builder.HasArticle(field(kArticleId))) {
      notes.Add("skipped (the articleId was already read)", line);
      continue;
    }
    builder.MarkArticle(field(kArticleId));
    // The url column is as the crawler found it: encode what RFC 3986 lets us encode
    // (spaces, quotes, non-ASCII), drop what is no http(s) URL at all (model/uri.h).
    std::string url;
    if (!field(kUrl).empty()) {
      std::optional<std::string> encoded = EncodeHttpUrl(field(kUrl));
      if (!encoded) {
        notes.Add("kept without a url (not an absolute http(s) URL)", line);
      } else {
        if (*encoded != field(kUrl)) notes.Add("kept with the url percent-encoded (RFC 3986)", line);
        url = std::move(*encoded);
      }
    }
    const std::string& headline = field(kArticleHeadline);
    const Index source = builder.Source(field(kArticleId),
                                        ingest::IsBlank(headline) ? "article " + field(kArticleId) : headline,
                                        url, field(kOutlet));
    if (!builder.Assert(source, claim.value(), *stance)) {
      notes.Add("merged into an assertion already read (same outlet, claim and stance)", line);
    }
  }
  if (options.with_verdicts) builder.AddVerdicts();
  result.notes = notes.Lines(file);
  return result;
}

}  // namespace claimgraph
