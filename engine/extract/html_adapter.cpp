#include "extract/html_adapter.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <memory>

namespace claimgraph::extract {
namespace {

using Node = xmlNode;

std::string_view Name(const Node* node) {
  return node->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(node->name);
}

std::string Attribute(const Node* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

std::string LowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

bool IsDropped(const Node* node) {
  static constexpr std::array<std::string_view, 14> kDroppedElements = {
      "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
      "iframe", "figure", "button", "svg", "template", "select"};
  for (std::string_view name : kDroppedElements) {
    if (Name(node) == name) return true;
  }
  // Class and id words that mark boilerplate on news pages (a readability-style rule).
  static constexpr std::array<std::string_view, 12> kBoilerplateWords = {
      "advert", "ad-", "ads", "promo", "related", "share", "comment", "newsletter",
      "subscribe", "cookie", "menu", "sidebar"};
  const std::string marks = LowerAscii(Attribute(node, "class") + " " + Attribute(node, "id"));
  for (std::string_view word : kBoilerplateWords) {
    if (marks.find(word) != std::string::npos) return true;
  }
  return false;
}

bool IsBlock(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kBlocks = {
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section",
      "article", "br", "tr", "ul", "ol"};
  for (std::string_view block : kBlocks) {
    if (name == block) return true;
  }
  return false;
}

void AppendText(const Node* node, std::string& out) {
  for (const Node* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      for (const char* c = reinterpret_cast<const char*>(child->content); c && *c; ++c) {
        const bool space = *c == ' ' || *c == '\n' || *c == '\r' || *c == '\t';
        if (space) {
          if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        } else {
          out += *c;
        }
      }
    } else if (child->type == XML_ELEMENT_NODE && !IsDropped(child)) {
      const bool block = IsBlock(Name(child));
      if (block) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out += "\n\n";
      }
      AppendText(child, out);
      if (block) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out += "\n\n";
      }
    }
  }
}

struct Found {
  const Node* article = nullptr;
  const Node* body = nullptr;
  std::string title_element, og_title, canonical, og_url, site_name, published, meta_date,
      time_datetime;
};

void Walk(const Node* node, Found& found) {
  for (const Node* child = node; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(child);
    if (name == "title" && found.title_element.empty()) {
      AppendText(child, found.title_element);
    } else if (name == "meta") {
      const std::string key = LowerAscii(Attribute(child, "property") + Attribute(child, "name") +
                                         Attribute(child, "itemprop"));
      const std::string content = Attribute(child, "content");
      if (key == "og:title") found.og_title = content;
      if (key == "og:url") found.og_url = content;
      if (key == "og:site_name") found.site_name = content;
      if (key == "article:published_time" || key == "datepublished") found.published = content;
      if (key == "date" || key == "pubdate") found.meta_date = content;
    } else if (name == "link" && LowerAscii(Attribute(child, "rel")) == "canonical") {
      found.canonical = Attribute(child, "href");
    } else if (name == "time" && found.time_datetime.empty()) {
      found.time_datetime = Attribute(child, "datetime");
    } else if (name == "article" && found.article == nullptr) {
      found.article = child;
    } else if (name == "body" && found.body == nullptr) {
      found.body = child;
    }
    Walk(child->children, found);
  }
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\n')) ++start;
  return text.substr(start);
}

}  // namespace

Result<Article> ReadHtml(const std::string& file, std::string_view bytes) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> document(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), file.c_str(), "UTF-8",
                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (document == nullptr) return Status::Error(file + ": error: not an HTML page libxml2 can read");
  Found found;
  Walk(xmlDocGetRootElement(document.get()), found);
  Article article;
  article.file = file;
  article.title = Trimmed(found.og_title.empty() ? found.title_element : found.og_title);
  article.url = found.canonical.empty() ? found.og_url : found.canonical;
  article.outlet = Trimmed(found.site_name);
  article.published = !found.published.empty() ? found.published
                      : !found.meta_date.empty() ? found.meta_date : found.time_datetime;
  const Node* container = found.article != nullptr ? found.article : found.body;
  if (container != nullptr) AppendText(container, article.text);
  article.text = Trimmed(article.text);
  return article;
}

}  // namespace claimgraph::extract
