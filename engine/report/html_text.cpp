#include "report/html_text.h"

#include "claimgraph/prov_import.h"
#include "export/markup_text.h"
#include "model/uri.h"

namespace claimgraph::report {

std::string HtmlText(std::string_view text) {
  const std::string escaped = exporting::XmlEscape(text);
  // U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8; XmlEscape leaves both as they are.
  std::string out;
  out.reserve(escaped.size());
  for (size_t at = 0; at < escaped.size(); ++at) {
    if (escaped.compare(at, 2, "\xE2\x80") == 0 && at + 2 < escaped.size() &&
        (escaped[at + 2] == '\xA8' || escaped[at + 2] == '\xA9')) {
      out += escaped[at + 2] == '\xA8' ? "&#8232;" : "&#8233;";
      at += 2;
    } else {
      out += escaped[at];
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
