// HttpUrlProblem and EncodeHttpUrl (model/uri.h): the RFC 3986 grammar of an absolute http(s)
// URL, each problem's whole text, and what importers make of URLs as crawled.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "model/uri.h"

namespace claimgraph {
namespace {

TEST_CASE("absolute http(s) URLs of every RFC 3986 shape pass") {
  for (std::string_view url : {
           "http://example.org", "https://example.org/", "HTTPS://Example.ORG/a/b",
           "https://example.org:8080/path;p=1/%7Euser?q=a&b=c+d#frag/ment?x",
           "https://example.org?query", "https://example.org#top", "https://example.org:/",
           "https://192.0.2.7/", "http://[2001:db8::1]/", "http://[::1]:80/", "http://[::]/",
           "http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:7::]/", "http://[::ffff:192.0.2.7]/",
           "http://[v1.fe:80]/", "https://ex%C3%A4mple.org/caf%C3%A9", "https://a.org/!$&'()*+,;=:@-._~",
           "https://a.org/?/?:@", "https://a.org/%2a%2A"}) {
    CAPTURE(url);
    CHECK(HttpUrlProblem(url) == "");
    CHECK(IsHttpUrl(url));
  }
}

TEST_CASE("each way of not being an absolute http(s) URL has its own message") {
  struct Case {
    std::string_view url;
    std::string_view problem;
  };
  const std::string scheme = "is not an absolute http or https URL (it must start with http:// or https://)";
  const std::string space = "is not a valid URL: it contains a space or control character (write spaces as %20)";
  const std::string no_host = "is not a valid URL: it has no host name after the scheme";
  for (const Case& c : {
           Case{"https://example.org/a\"><script>alert(1)</script>",
                "is not an absolute http(s) URL: character '\"' at offset 22 is not allowed by RFC 3986"},
           Case{"javascript:alert(1)", scheme},
           Case{"data:text/html,<script>alert(1)</script>", scheme},
           Case{"ftp://example.org/", scheme},
           Case{"http:/example.org", scheme},
           Case{"//example.org", scheme},
           Case{"", scheme},
           Case{"https://example.org/a b", space},
           Case{"https://example.org/\x7f", space},
           Case{"https://example.org/\n", space},
           Case{"https://", no_host},
           Case{"https:///path", no_host},
           Case{"https://?q", no_host},
           Case{"https://:80/", no_host},
           Case{"https://example.org/<b>", "is not an absolute http(s) URL: character '<' at offset 21 is not allowed by RFC 3986"},
           Case{"https://example.org/a\\b", "is not an absolute http(s) URL: character '\\' at offset 22 is not allowed by RFC 3986"},
           Case{"https://exa{mple.org", "is not an absolute http(s) URL: character '{' at offset 12 is not allowed by RFC 3986"},
           Case{"https://example.org/caf\xC3\xA9",
                "is not an absolute http(s) URL: character '\xC3\xA9' at offset 24 is not allowed by RFC 3986 "
                "(percent-encode it: %C3%A9)"},
           Case{"https://example.org/\xFF", "is not an absolute http(s) URL: byte 0xFF at offset 21 is not allowed by RFC 3986"},
           Case{"https://example.org/a#b#c",
                "is not an absolute http(s) URL: character '#' at offset 24 is not allowed by RFC 3986 (a URL has one "
                "fragment: write '#' inside it as %23)"},
           Case{"https://example.org/[1]",
                "is not an absolute http(s) URL: character '[' at offset 21 is not allowed by RFC 3986 (brackets only "
                "enclose an IP address in the host)"},
           Case{"https://example.org/100%",
                "is not an absolute http(s) URL: '%' at offset 24 does not start a percent-encoding (two hexadecimal "
                "digits must follow; write '%' itself as %25)"},
           Case{"https://example.org/?q=%zz",
                "is not an absolute http(s) URL: '%' at offset 24 does not start a percent-encoding (two hexadecimal "
                "digits must follow; write '%' itself as %25)"},
           Case{"https://ex%4.org", "is not an absolute http(s) URL: '%' at offset 11 does not start a percent-encoding "
                                   "(two hexadecimal digits must follow; write '%' itself as %25)"},
           Case{"https://trusted.org@evil.example/",
                "is not an absolute http(s) URL: a user name before '@' at offset 20 is not allowed (RFC 9110 section "
                "4.2.4: it can disguise the real host)"},
           Case{"https://example.org:8o/", "is not an absolute http(s) URL: the port at offset 21 must be digits only, not '8o'"},
           Case{"https://example.org:65536/", "is not an absolute http(s) URL: the port at offset 21 is above 65535"},
           Case{"https://example.org:1:2/", "is not an absolute http(s) URL: the port at offset 21 must be digits only, not '1:2'"},
           Case{"http://[2001:db8::1/", "is not an absolute http(s) URL: '[' at offset 8 has no closing ']'"},
           Case{"http://[1:2:3:4:5:6:7:8:9]/",
                "is not an absolute http(s) URL: '[1:2:3:4:5:6:7:8:9]' at offset 8 is not an IPv6 address (RFC 3986 "
                "section 3.2.2)"},
           Case{"http://[1::2::3]/", "is not an absolute http(s) URL: '[1::2::3]' at offset 8 is not an IPv6 address "
                                    "(RFC 3986 section 3.2.2)"},
           Case{"http://[::256.1.1.1]/", "is not an absolute http(s) URL: '[::256.1.1.1]' at offset 8 is not an IPv6 "
                                        "address (RFC 3986 section 3.2.2)"},
           Case{"http://[12345::]/", "is not an absolute http(s) URL: '[12345::]' at offset 8 is not an IPv6 address "
                                    "(RFC 3986 section 3.2.2)"},
           Case{"http://[::1]x/", "is not an absolute http(s) URL: character 'x' at offset 13 is not allowed by RFC 3986"},
       }) {
    CAPTURE(c.url);
    CHECK(HttpUrlProblem(c.url) == c.problem);
    CHECK_FALSE(IsHttpUrl(c.url));
  }
}

TEST_CASE("importers percent-encode what RFC 3986 lets them encode") {
  struct Case {
    std::string_view crawled;
    std::string_view encoded;
  };
  for (const Case& c : {
           Case{"https://example.org/a", "https://example.org/a"},
           Case{"  https://example.org/a b\t\r\n", "https://example.org/a%20b"},
           Case{"https://example.org/a\"><script>alert(1)</script>",
                "https://example.org/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E"},
           Case{"https://example.org/caf\xC3\xA9?q=\xE2\x80\xA8", "https://example.org/caf%C3%A9?q=%E2%80%A8"},
           Case{"https://example.org/100%?x=%41", "https://example.org/100%25?x=%41"},
           Case{"https://example.org/[1]#a#b", "https://example.org/%5B1%5D#a%23b"},
           Case{"http://[::1]:8080/{x}|^`\\", "http://[::1]:8080/%7Bx%7D%7C%5E%60%5C"},
           Case{"https://exa mple.org/", "https://exa%20mple.org/"},
       }) {
    CAPTURE(c.crawled);
    const std::optional<std::string> encoded = EncodeHttpUrl(c.crawled);
    REQUIRE(encoded.has_value());
    CHECK(*encoded == c.encoded);
    CHECK(IsHttpUrl(*encoded));
  }
}

TEST_CASE("importers drop what is no http(s) URL at all") {
  for (std::string_view crawled : {"javascript:alert(1)", "data:text/html,<script>", "not a url", "example.org/a",
                                   "https://", "https://user:pass@example.org/", "https://example.org:99999/",
                                   "http://[::1/", "mailto:desk@example.org", ""}) {
    CAPTURE(crawled);
    CHECK_FALSE(EncodeHttpUrl(crawled).has_value());
  }
}

}  // namespace
}  // namespace claimgraph
