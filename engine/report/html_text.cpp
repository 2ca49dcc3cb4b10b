#include "report/html_text.h"

#include "claimgraph/prov_names.h"
#include "export/markup_text.h"
#include "model/uri.h"

namespace claimgraph::report {

std::string LineSeparatorsAsReferences(std::string_view text) {
  // U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8.
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size(); ++at) {
    if (text.substr(at, 2) == "\xE2\x80" && at + 2 < text.size() && (text[at + 2] == '\xA8' || text[at + 2] == '\xA9')) {
      out += text[at + 2] == '\xA8' ? "&#8232;" : "&#8233;";
      at += 2;
    } else {
      out += text[at];
    }
  }
  return out;
}

std::string HtmlText(std::string_view text) {
  // XmlEscape leaves U+2028 and U+2029 as they are.
  return LineSeparatorsAsReferences(exporting::XmlEscape(text));
}

std::string ScriptDataText(std::string_view json) {
  const std::string safe = exporting::ScriptSafeJson(json);
  std::string out;
  out.reserve(safe.size());
  for (size_t at = 0; at < safe.size(); ++at) {
    // U+FFFE is EF BF BE and U+FFFF is EF BF BF in UTF-8.
    if (std::string_view(safe).substr(at, 2) == "\xEF\xBF" && at + 2 < safe.size() &&
        (safe[at + 2] == '\xBE' || safe[at + 2] == '\xBF')) {
      out += safe[at + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
      at += 2;
    } else {
      out += safe[at];
    }
  }
  return out;
}

std::string LinkTarget(std::string_view url) {
  if (url.empty() || !IsHttpUrl(url)) return "";
  // RFC 3986 allows no '"', '<', '>' in a URL; '&' and '\'' it does, and they are escaped.
  return HtmlText(url);
}

std::string Link(std::string_view url, std::string_view text) {
  const std::string shown = HtmlText(text.empty() ? url : text);
  const std::string target = LinkTarget(url);
  if (target.empty()) return shown;
  return "<a href=\"" + target + "\" rel=\"noopener noreferrer\">" + shown + "</a>";
}

std::string ClaimAnchor(std::string_view claim_id) { return "claim-" + ProvLocalName(claim_id); }

}  // namespace claimgraph::report
