#include "import/import_support.h"

#include <algorithm>

#include "ingest/value_checks.h"

namespace claimgraph::importers {

std::string IdRegistry::Take(std::string_view wanted) {
  std::string base;
  bool in_gap = false;
  // The loader's own definition (IdProblem), so that no id taken here fails `check`.
  for (size_t at = 0; at < wanted.size();) {
    if (const size_t length = ingest::WhiteSpaceOrControlLength(wanted, at); length > 0) {
      in_gap = true;
      at += length;
      continue;
    }
    if (in_gap && !base.empty()) base += '-';
    in_gap = false;
    base += wanted[at++];
  }
  if (base.size() > 180) {
    size_t cut = 180;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xc0) == 0x80) --cut;  // UTF-8 continuation
    base.resize(cut);
  }
  if (base.empty()) base = "id";
  std::string id = base;
  for (int suffix = 2; taken_.count(id) > 0; ++suffix) id = base + "-" + std::to_string(suffix);
  taken_.insert(id);
  return id;
}

void SkipNotes::Add(std::string_view what, int line) {
  auto found = counts_.find(what);
  if (found == counts_.end()) {
    found = counts_.emplace(std::string(what), Count{counts_.size(), 0, line}).first;
  }
  ++found->second.lines;
}

std::vector<std::string> SkipNotes::Lines(std::string_view file) const {
  std::vector<std::pair<size_t, std::string>> ordered;
  for (const auto& [what, count] : counts_) {
    ordered.emplace_back(count.order, std::string(file) + ": note: " + std::to_string(count.lines) +
                                          " " + (count.lines == 1 ? singular_ : plural_) + " " + what +
                                          "; first at line " + std::to_string(count.first_line));
  }
  std::sort(ordered.begin(), ordered.end());
  std::vector<std::string> lines;
  for (auto& [order, line] : ordered) lines.push_back(std::move(line));
  return lines;
}

Index AnswerBuilder::Claim(std::string_view object, std::string_view property,
                           const std::string& value, std::string_view raw) {
  const std::string question = std::string(object) + "/" + std::string(property);
  const std::string key = question + "\n" + value;
  if (auto found = claims_.find(key); found != claims_.end()) return found->second;
  const auto index = static_cast<Index>(data_.claims.size());
  claimgraph::Claim claim;
  claim.id = ids_.Take(question + "=" + value);
  claim.text = std::string(property) + " of " + std::string(object) + " is " + std::string(raw);
  claim.question = question;
  claim.value = value;
  data_.claims.push_back(std::move(claim));
  claims_.emplace(key, index);
  return index;
}

Index AnswerBuilder::Source(const std::string& name) {
  if (auto found = sources_.find(name); found != sources_.end()) return found->second;
  const auto index = static_cast<Index>(data_.sources.size());
  claimgraph::Source source;
  source.id = ids_.Take(name);
  source.title = name;
  source.kind = SourceKind::kOther;
  data_.sources.push_back(std::move(source));
  sources_.emplace(name, index);
  return index;
}

bool AnswerBuilder::Support(Index source, Index claim) {
  if (!supports_.emplace(source, claim).second) return false;
  Assertion assertion;
  assertion.source = source;
  assertion.claim = claim;
  assertion.stance = Stance::kSupports;
  data_.assertions.push_back(std::move(assertion));
  return true;
}

std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

Status LineError(std::string_view file, int line, std::string message) {
  // Not a Diagnostic: its text would print an unknown column as ":0".
  return Status::Error(std::string(file) + ":" + std::to_string(line) + ": error: " + message);
}

}  // namespace claimgraph::importers
