#include "extract/article_reader.h"

#include <filesystem>
#include <fstream>

#include "extract/html_adapter.h"
#include "ingest/value_checks.h"
#include "model/utf8.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"

namespace claimgraph::extract {
namespace {

Diagnostic Warning(const std::string& file, int line, std::string message) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kWarning;
  diagnostic.file = file;
  diagnostic.line = line;
  diagnostic.column = line > 0 ? 1 : 0;
  diagnostic.message = std::move(message);
  return diagnostic;
}

Status ErrorAt(const std::string& file, int line, int column, const std::string& message) {
  Diagnostic diagnostic;
  diagnostic.file = file;
  diagnostic.line = line;
  diagnostic.column = column;
  diagnostic.message = message;
  return Status::FromDiagnostics({diagnostic});
}

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool LooksLikeHtml(std::string_view bytes) {
  size_t at = 0;
  while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' ||
                               bytes[at] == '\t')) {
    ++at;
  }
  const std::string head = Lower(bytes.substr(at, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

void AddArticle(Article article, std::vector<Article>& articles,
                std::vector<Diagnostic>& diagnostics, std::string_view empty_reason) {
  if (ingest::IsBlank(article.text)) {
    diagnostics.push_back(Warning(article.file, article.line, std::string(empty_reason)));
    return;
  }
  CheckMetadata(article, diagnostics);
  articles.push_back(std::move(article));
}

// HasMember and operator[] rather than FindMember: clang 14 warns that comparing RapidJSON
// 1.1's member iterators is ambiguous under C++20's reversed operators.
std::string StringMember(const rapidjson::Value& object, const char* name) {
  if (!object.HasMember(name) || !object[name].IsString()) return "";
  return std::string(object[name].GetString(), object[name].GetStringLength());
}

Status ReadJsonLine(const std::string& path, int number, const std::string& line,
                    std::vector<Article>& articles, std::vector<Diagnostic>& diagnostics) {
  if (ingest::IsBlank(line)) return Status::Ok();
  Status text = CheckText(path, number, line);
  if (!text.ok()) return text;
  rapidjson::Document document;
  document.Parse(line.data(), line.size());
  if (document.HasParseError()) {
    return ErrorAt(path, number, static_cast<int>(document.GetErrorOffset()) + 1,
                   std::string("not a JSON object: ") +
                       rapidjson::GetParseError_En(document.GetParseError()));
  }
  if (!document.IsObject()) return ErrorAt(path, number, 1, "expected one JSON object a line");
  for (const char* field : {"url", "title", "outlet", "published", "text"}) {
    if (document.HasMember(field) && !document[field].IsString()) {
      return ErrorAt(path, number, 1, std::string("\"") + field + "\" must be a string");
    }
  }
  Article article;
  article.file = path;
  article.line = number;
  article.url = StringMember(document, "url");
  article.title = StringMember(document, "title");
  article.outlet = StringMember(document, "outlet");
  article.published = StringMember(document, "published");
  article.text = StringMember(document, "text");
  AddArticle(std::move(article), articles, diagnostics, "empty article (no \"text\"): skipped");
  return Status::Ok();
}

// Reads line by line with at most kMaxArticleBytes held at once.
Status ReadJsonLines(const std::string& path, std::vector<Article>& articles,
                     std::vector<Diagnostic>& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": error: cannot open");
  std::string line;
  int number = 0;
  char block[1 << 16];
  bool more = true;
  while (more) {
    in.read(block, sizeof block);
    const std::streamsize got = in.gcount();
    more = got > 0;
    size_t start = 0;
    for (std::streamsize i = 0; i < got; ++i) {
      if (block[i] != '\n') continue;
      line.append(block + start, static_cast<size_t>(i) - start);
      Status status = ReadJsonLine(path, ++number, line, articles, diagnostics);
      if (!status.ok()) return status;
      line.clear();
      start = static_cast<size_t>(i) + 1;
    }
    if (more) line.append(block + start, static_cast<size_t>(got) - start);
    if (line.size() > kMaxArticleBytes) {
      return ErrorAt(path, number + 1, 1, "line longer than the 64 MiB an article may have");
    }
  }
  if (!line.empty()) return ReadJsonLine(path, ++number, line, articles, diagnostics);
  return Status::Ok();
}

}  // namespace

Status CheckText(const std::string& label, int first_line, std::string_view bytes) {
  int line = first_line, column = 1;
  for (size_t at = 0; at < bytes.size();) {
    const unsigned char byte = static_cast<unsigned char>(bytes[at]);
    if (byte == 0) return ErrorAt(label, line, column, "binary file (a NUL byte), not an article");
    const size_t length = Utf8SequenceLength(bytes, at);
    if (length == 0) {
      static const char* kHex = "0123456789ABCDEF";
      return ErrorAt(label, line, column,
                     std::string("not UTF-8 text (byte 0x") + kHex[byte >> 4] + kHex[byte & 15] +
                         "); convert the article to UTF-8");
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += length;
  }
  return Status::Ok();
}

Article ParsePlainText(const std::string& file, std::string bytes,
                       std::vector<Diagnostic>& diagnostics) {
  Article article;
  article.file = file;
  // The header: `key: value` lines from the first line, ended by a blank line. Anything
  // else on the first line means there is no header and the whole file is text.
  size_t at = 0;
  std::vector<std::pair<std::string, std::string>> fields;
  while (at < bytes.size()) {
    size_t end = bytes.find('\n', at);
    if (end == std::string::npos) end = bytes.size();
    std::string_view line(bytes.data() + at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!fields.empty()) {
        for (auto& [key, value] : fields) {
          if (key == "url") article.url = value;
          if (key == "outlet") article.outlet = value;
          if (key == "published") article.published = value;
          if (key == "title") article.title = value;
        }
        bytes.erase(0, end + 1 > bytes.size() ? bytes.size() : end + 1);
      }
      break;
    }
    const size_t colon = line.find(':');
    const std::string key = colon == std::string_view::npos ? "" : std::string(line.substr(0, colon));
    if (key != "url" && key != "outlet" && key != "published" && key != "title") break;
    size_t value_start = colon + 1;
    while (value_start < line.size() && line[value_start] == ' ') ++value_start;
    fields.emplace_back(key, std::string(line.substr(value_start)));
    at = end + 1;
  }
  (void)diagnostics;
  article.text = std::move(bytes);
  return article;
}

void CheckMetadata(Article& article, std::vector<Diagnostic>& diagnostics) {
  if (!article.url.empty()) {
    const std::string problem = ingest::UrlProblem(article.url);
    if (!problem.empty()) {
      diagnostics.push_back(Warning(article.file, article.line,
                                    "url " + ingest::Quoted(article.url) + " left out: " + problem));
      article.url.clear();
    }
  }
  if (!article.published.empty()) {
    std::string problem;
    if (!ingest::ParseIsoTime(article.published, problem)) {
      diagnostics.push_back(Warning(article.file, article.line,
                                    "published " + ingest::Quoted(article.published) +
                                        " left out: not an ISO 8601 date (" + problem + ")"));
      article.published.clear();
    }
  }
}

Status ReadArticles(const std::string& path, std::vector<Article>& articles,
                    std::vector<Diagnostic>& diagnostics) {
  std::error_code error;
  const bool json_lines = EndsWith(Lower(path), ".jsonl");
  if (json_lines) return ReadJsonLines(path, articles, diagnostics);
  const auto size = std::filesystem::file_size(path, error);
  if (error) return Status::Error(path + ": error: cannot open: " + error.message());
  if (size > kMaxArticleBytes) {
    return Status::Error(path + ": error: " + std::to_string(size) +
                         " bytes, more than the 64 MiB an article may have");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": error: cannot open");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  Status text = CheckText(path, 1, bytes);
  if (!text.ok()) return text;
  const std::string lower = Lower(path);
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm") || LooksLikeHtml(bytes)) {
    Result<Article> page = ReadHtml(path, bytes);
    if (!page.ok()) return page.status();
    AddArticle(std::move(page.value()), articles, diagnostics,
               "no article text in the page (only navigation or boilerplate): skipped");
    return Status::Ok();
  }
  AddArticle(ParsePlainText(path, std::move(bytes), diagnostics), articles, diagnostics,
             "empty article: skipped");
  return Status::Ok();
}

}  // namespace claimgraph::extract
