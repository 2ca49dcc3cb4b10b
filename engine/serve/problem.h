// Internal to the serve layer: every 4xx and 5xx answer has one shape, RFC 9457 problem
// details (application/problem+json): type, title, status, detail, and where the request was
// wrong (the JSON pointer into the posted body, line and column), so that a program and the
// web page read every error the same way.
#ifndef CLAIMGRAPH_SERVE_PROBLEM_H_
#define CLAIMGRAPH_SERVE_PROBLEM_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/status.h"
#include "serve/http_message.h"

namespace claimgraph::serve {

// One located error in a posted body.
struct ProblemError {
  std::string pointer;  // RFC 6901, into the posted body ("" for the whole body)
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;
  std::string message;
};

struct Problem {
  int status = 400;
  std::string type;    // a short slug: "invalid-json", "conflict", ... (type is "about:blank#" + it)
  std::string title;   // the status's meaning, the same for every problem of this type
  std::string detail;  // this occurrence, in words
  std::vector<ProblemError> errors;
  std::vector<std::string> ids;  // the conflicting or referencing ids, for 409
};

// The problem as a response: its status, Content-Type application/problem+json, and the
// JSON body {"type","title","status","detail"[,"errors"][,"ids"]}.
HttpResponse ProblemResponse(const Problem& problem);

// The loader's diagnostics about a posted body as located errors (the warnings dropped).
std::vector<ProblemError> ErrorsOf(const Status& status);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_PROBLEM_H_
