// The one file that talks to libxml2's HTML parser (HTML4, tolerant of real pages; never
// fetches anything: HTML_PARSE_NONET). Reads the metadata from the usual meta tags and the
// article's text with navigation, scripts, ads and boilerplate dropped.
#ifndef CLAIMGRAPH_EXTRACT_HTML_ADAPTER_H_
#define CLAIMGRAPH_EXTRACT_HTML_ADAPTER_H_

#include <string>
#include <string_view>

#include "claimgraph/status.h"
#include "extract/records.h"

namespace claimgraph::extract {

// title: og:title, else <title>; url: <link rel=canonical>, else og:url; outlet:
// og:site_name; published: article:published_time, else <meta name=date|pubdate>, else the
// first <time datetime>. Text: the <article> element if there is one, else <body>, without
// script, style, nav, header, footer, aside, form, figure and elements whose class or id
// names an ad, a menu, sharing, comments or related links; blocks are separated by
// blank lines. REQUIRES: `bytes` is UTF-8 (checked by the caller).
Result<Article> ReadHtml(const std::string& file, std::string_view bytes);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_HTML_ADAPTER_H_
