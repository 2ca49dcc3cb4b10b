// Input readers: plain text (with an optional `url:`/`outlet:`/`published:`/`title:`
// header, then a blank line), HTML (html_adapter.h) and JSON Lines (one article an object:
// url, title, outlet, published, text). The reader is chosen by the file's extension
// (.html/.htm, .jsonl), else by content (a page starting with "<!doctype html" or "<html").
#ifndef CLAIMGRAPH_EXTRACT_ARTICLE_READER_H_
#define CLAIMGRAPH_EXTRACT_ARTICLE_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"
#include "extract/records.h"

namespace claimgraph::extract {

// An article file is read whole only up to this size, and a JSON Lines file one line at a
// time with the same limit per line, so memory stays bounded whatever the input.
inline constexpr size_t kMaxArticleBytes = 64u << 20;

// Appends the articles of `path` to `articles`. Errors (unreadable, binary, not UTF-8,
// too large, malformed JSON) fail with the file, line and column; an empty article or a
// page without article text is a warning in `diagnostics` and is skipped.
Status ReadArticles(const std::string& path, std::vector<Article>& articles,
                    std::vector<Diagnostic>& diagnostics);

// Empty when `bytes` is UTF-8 text; otherwise "LINE:COLUMN: what is wrong" context for a
// message about `label`.
Status CheckText(const std::string& label, int first_line, std::string_view bytes);

// Reads a plain-text article (header and body) from `bytes` (already checked as text).
Article ParsePlainText(const std::string& file, std::string bytes, std::vector<Diagnostic>& diagnostics);

// Keeps a metadata value only if the casefile format accepts it (an absolute http(s) URL,
// an ISO 8601 date); otherwise a warning naming `label` and the field.
void CheckMetadata(Article& article, std::vector<Diagnostic>& diagnostics);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_ARTICLE_READER_H_
