// libFuzzer target for the desk's request handler (engine/serve/handler.h): any method,
// target, headers and body. The input is read as
//   METHOD\nTARGET\nName: value\n...\n\nBODY
// (missing parts are empty). The handler answers over the sample case in memory with one
// write token (tests/fuzz/serve.dict holds it, and the routes). Checked on every input: no
// crash and no sanitizer report; a status from 200 to 599 and never 500; every 4xx is
// application/problem+json whose "status" is the response's; no body holds a raw '<' unless
// it is the page, an SVG or GraphML (where the render and export layers escape text).
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "serve/handler.h"

namespace {

using claimgraph::serve::DeskHandler;

std::unique_ptr<DeskHandler> MakeHandler() {
  std::ifstream file(CLAIMGRAPH_SOURCE_DIR "/samples/thaad-drills/case.json");
  std::stringstream text;
  text << file.rdbuf();
  claimgraph::serve::HandlerOptions options;
  options.tokens = {{"fuzz", "fuzz-token-0123456789", true}};
  options.origins = {"http://127.0.0.1:8080"};
  options.max_body_bytes = 1 << 14;
  auto handler = DeskHandler::Create(claimgraph::serve::MakeMemoryDesk("case.json", text.str()), options);
  if (!handler.ok()) std::abort();
  return std::move(handler.value());
}

std::string_view Line(std::string_view& rest) {
  const size_t end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<DeskHandler> handler = MakeHandler();
  // Accepted writes grow the case: start again now and then so inputs stay fast.
  if (handler->snapshot()->revision > 20) handler = MakeHandler();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  claimgraph::serve::HttpRequest request;
  request.method = std::string(Line(rest));
  request.target = std::string(Line(rest));
  while (!rest.empty()) {
    std::string_view line = Line(rest);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  request.body = std::string(rest);
  const claimgraph::serve::HttpResponse response = handler->Handle(request);
  if (response.status < 200 || response.status > 599 || response.status == 500) std::abort();
  const std::string type(response.Header("Content-Type").value_or(""));
  if (response.status >= 400) {
    if (type != "application/problem+json") std::abort();
    if (request.method != "HEAD" &&
        response.body.find("\"status\":" + std::to_string(response.status) + ",") == std::string::npos) {
      std::abort();
    }
  }
  const bool markup = type.rfind("text/html", 0) == 0 || type == "image/svg+xml" || type == "application/xml";
  if (!markup && response.body.find('<') != std::string::npos) std::abort();
  return 0;
}
