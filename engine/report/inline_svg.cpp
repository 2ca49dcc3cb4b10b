#include "report/inline_svg.h"

#include "report/html_text.h"

namespace claimgraph::report {
namespace {

// `value` with every reference to an id in it pointed at the prefixed id.
std::string PrefixReferences(std::string_view name, std::string_view value, std::string_view prefix) {
  if (name == "id") return std::string(prefix) + std::string(value);
  if ((name == "href" || name == "xlink:href") && !value.empty() && value.front() == '#') {
    return "#" + std::string(prefix) + std::string(value.substr(1));
  }
  std::string out;
  constexpr std::string_view kUrl = "url(#";
  size_t at = 0;
  for (size_t found; (found = value.find(kUrl, at)) != std::string_view::npos; at = found + kUrl.size()) {
    out.append(value.substr(at, found + kUrl.size() - at));
    out.append(prefix);
  }
  out.append(value.substr(at));
  return out;
}

// Copies one start or end tag, `tag` from '<' to '>', rewriting its attribute values.
void CopyTag(std::string_view tag, std::string_view prefix, std::string& out) {
  size_t at = 0;
  while (at < tag.size()) {
    const size_t equals = tag.find("=\"", at);
    if (equals == std::string_view::npos) break;
    size_t name_begin = equals;
    while (name_begin > at && tag[name_begin - 1] != ' ' && tag[name_begin - 1] != '\n' &&
           tag[name_begin - 1] != '\t') {
      --name_begin;
    }
    const size_t value_end = tag.find('"', equals + 2);
    if (value_end == std::string_view::npos) break;
    out.append(tag.substr(at, equals + 2 - at));
    out += PrefixReferences(tag.substr(name_begin, equals - name_begin),
                            tag.substr(equals + 2, value_end - equals - 2), prefix);
    out += '"';
    at = value_end + 1;
  }
  out.append(tag.substr(at));
}

}  // namespace

std::string InlineSvg(std::string_view svg, std::string_view prefix, std::string_view label) {
  std::string out;
  out.reserve(svg.size() + svg.size() / 8);
  const size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return out;
  bool root = true;
  for (size_t at = start; at < svg.size();) {
    const size_t open = svg.find('<', at);
    if (open == std::string_view::npos) {
      out.append(svg.substr(at));
      break;
    }
    out.append(svg.substr(at, open - at));
    if (svg.compare(open, 4, "<!--") == 0) {
      // Graphviz writes "&#45;" for '-' inside its comments, so the first "-->" ends one.
      const size_t close = svg.find("-->", open + 4);
      at = close == std::string_view::npos ? svg.size() : close + 3;
      continue;
    }
    const size_t close = svg.find('>', open);
    if (close == std::string_view::npos) break;
    std::string_view tag = svg.substr(open, close + 1 - open);
    if (root) {
      root = false;
      out += "<svg role=\"img\" aria-label=\"" + HtmlText(label) + "\"";
      tag.remove_prefix(4);
    }
    CopyTag(tag, prefix, out);
    at = close + 1;
  }
  // Graphviz ends its document with a newline after </svg>; the page puts its own.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  // Graphviz copies U+2028 and U+2029 from labels as they are; written as references, like
  // everywhere else in the page, none reaches a reader's copy and paste into a script.
  return LineSeparatorsAsReferences(out);
}

}  // namespace claimgraph::report
