// The serve tests' desk: the sample case in memory behind a handler with two tokens.
#ifndef CLAIMGRAPH_TESTS_SERVE_TEST_DESK_H_
#define CLAIMGRAPH_TESTS_SERVE_TEST_DESK_H_

#include <memory>
#include <string>

#include "serve/handler.h"
#include "serve/routes.h"
#include "test_support.h"

namespace claimgraph::testing {

inline constexpr const char* kWriterToken = "writer-token-0123456789";
inline constexpr const char* kReaderToken = "reader-token-0123456789";
inline constexpr const char* kOrigin = "http://127.0.0.1:8080";
inline constexpr const char* kHeadline = "drill-not-aimed-at-third-party";

inline std::unique_ptr<serve::DeskHandler> SampleHandler(bool private_reads = false) {
  serve::HandlerOptions options;
  options.tokens = {{"editor", kWriterToken, true}, {"reader", kReaderToken, false}};
  options.private_reads = private_reads;
  options.origins = {kOrigin};
  options.max_body_bytes = 4096;
  std::string text = ReadWholeFile(ProjectPath("samples/thaad-drills/case.json"));
  auto handler = serve::DeskHandler::Create(serve::MakeMemoryDesk("case.json", text), options);
  REQUIRE(handler.ok());
  return std::move(handler.value());
}

inline serve::HttpRequest Get(std::string target) {
  return {"GET", std::move(target), {{"Host", "127.0.0.1:8080"}}, ""};
}

inline serve::HttpRequest Post(std::string body, std::string token = kWriterToken) {
  serve::HttpRequest request{"POST", "/api/records", {{"Host", "127.0.0.1:8080"}, {"Content-Type", "application/json"}}, std::move(body)};
  if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
  return request;
}

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_SERVE_TEST_DESK_H_
