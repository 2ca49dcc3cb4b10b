// Reading the lexicon's data files. Each is UTF-8 text, one entry a line, `#` comments;
// a malformed line is an input error naming the file and line, so that a person editing
// the lexicon learns what is wrong rather than getting silently fewer cues.
#include "extract/lexicon.h"

#include <algorithm>
#include <sstream>

#include "claimgraph/files.h"
#include "embedded/extraction_lexicon.h"
#include "extract/icu_adapter.h"

namespace claimgraph::extract {
namespace {

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

// Calls `line_handler(fields, line_number)` for every line that is not blank or a comment.
// `path` is "DIR/NAME" for a lexicon given as a folder, or the bare NAME of a file compiled
// into the binary (claimgraph_embed_files), so that an installed claimgraph needs no data
// files beside it.
Result<std::string> LexiconText(const std::string& path) {
  if (path.find('/') != std::string::npos) return ReadFile(path);
  const std::optional<std::string_view> bytes = embedded::extraction_lexicon::Find(path);
  if (!bytes) return Status::Error(path + ": error: not in the built-in lexicon", ExitCode::kInternalError);
  return std::string(*bytes);
}

template <typename Handler>
Status ForEachEntry(const std::string& path, char separator, Handler line_handler) {
  Result<std::string> text = LexiconText(path);
  if (!text.ok()) return text.status();
  std::istringstream lines(text.value());
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::string problem = line_handler(SplitOn(line, separator));
    if (!problem.empty()) {
      return Status::Error(path + ":" + std::to_string(number) + ": error: " + problem);
    }
  }
  return Status::Ok();
}

std::vector<std::string> AliasList(const std::string& field) {
  if (field == "-" || field.empty()) return {};
  return SplitOn(field, '|');
}

Status LoadKnown(const std::string& path, bool with_controller, std::vector<KnownEntity>& out) {
  const size_t columns = with_controller ? 4 : 3;
  return ForEachEntry(path, '\t', [&](const std::vector<std::string>& fields) -> std::string {
    if (fields.size() != columns) {
      return "expected " + std::to_string(columns) + " tab-separated columns, found " +
             std::to_string(fields.size());
    }
    KnownEntity entity{fields[0], fields[1], AliasList(fields[2]), ""};
    if (with_controller && fields[3] != "-") entity.controlled_by = fields[3];
    out.push_back(std::move(entity));
    return "";
  });
}

}  // namespace

bool Lexicon::Is(std::string_view kind, std::string_view word) const {
  for (size_t k = 0; k < cue_kinds.size(); ++k) {
    if (cue_kinds[k] != kind) continue;
    auto found = kinds_of_word.find(word);
    return found != kinds_of_word.end() && (found->second >> k & 1) != 0;
  }
  return false;
}

const std::set<std::string>* Lexicon::Flags(std::string_view kind, std::string_view word) const {
  for (const CueEntry& entry : Entries(kind)) {
    if (entry.words.size() == 1 && entry.words[0] == word) return &entry.flags;
  }
  return nullptr;
}

const std::vector<CueEntry>& Lexicon::Entries(std::string_view kind) const {
  static const std::vector<CueEntry> kEmpty;
  auto found = cues.find(kind);  // a transparent map: no string built per call
  return found == cues.end() ? kEmpty : found->second;
}

Result<Lexicon> LoadLexicon(const std::string& directory) {
  // The built-in lexicon's files go by their bare names; a folder's by DIR/NAME.
  const std::string dir_prefix = directory.empty() ? std::string() : directory + "/";
  Lexicon lexicon;
  Status status = ForEachEntry(dir_prefix + "cues.tsv", '\t',
                               [&](const std::vector<std::string>& fields) -> std::string {
    if (fields.size() != 3) {
      return "expected KIND, PHRASE and FLAGS separated by tabs, found " +
             std::to_string(fields.size()) + " columns";
    }
    CueEntry entry;
    entry.words = SplitOn(fields[1], ' ');
    for (const std::string& flag : SplitOn(fields[2], ',')) {
      if (flag != "-") entry.flags.insert(flag);
    }
    if (entry.words.size() == 1) {
      auto kind = std::find(lexicon.cue_kinds.begin(), lexicon.cue_kinds.end(), fields[0]);
      if (kind == lexicon.cue_kinds.end()) {
        if (lexicon.cue_kinds.size() == 64) return "more than 64 kinds of cue (KIND is '" + fields[0] + "')";
        kind = lexicon.cue_kinds.insert(kind, fields[0]);
      }
      lexicon.kinds_of_word[entry.words[0]] |= uint64_t{1} << (kind - lexicon.cue_kinds.begin());
    }
    lexicon.cues[fields[0]].push_back(std::move(entry));
    return "";
  });
  if (status.ok()) status = LoadKnown(dir_prefix + "outlets.tsv", true, lexicon.outlets);
  if (status.ok()) status = LoadKnown(dir_prefix + "states.tsv", false, lexicon.states);
  if (status.ok()) {
    status = ForEachEntry(dir_prefix + "synonyms.tsv", '\t',
                          [&](const std::vector<std::string>& words) -> std::string {
      if (words.size() < 2) return "a synonym group needs at least two words";
      for (const std::string& word : words) lexicon.synonym_of[word] = words[0];
      return "";
    });
  }
  if (status.ok()) {
    status = ForEachEntry(dir_prefix + "stopwords.txt", '\t', [&](const std::vector<std::string>& w) {
      lexicon.stopwords.insert(w[0]);
      return std::string();
    });
  }
  if (status.ok()) {
    status = ForEachEntry(dir_prefix + "abbreviations.txt", '\t', [&](const std::vector<std::string>& w) {
      lexicon.abbreviations.insert(w[0]);
      return std::string();
    });
  }
  if (!status.ok()) return status;
  auto index = [](const std::vector<KnownEntity>& table, std::unordered_map<std::string, size_t>& by_name) {
    for (size_t i = 0; i < table.size(); ++i) {
      by_name.emplace(FoldCase(table[i].name), i);
      for (const std::string& alias : table[i].aliases) by_name.emplace(FoldCase(alias), i);
    }
  };
  for (const CueEntry& hedge : lexicon.Entries("hedge")) lexicon.first_words_of_hedges.insert(hedge.words[0]);
  index(lexicon.states, lexicon.state_by_name);
  index(lexicon.outlets, lexicon.outlet_by_name);
  return lexicon;
}

}  // namespace claimgraph::extract
