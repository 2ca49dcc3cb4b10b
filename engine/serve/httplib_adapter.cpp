// The only file that includes httplib.h: it copies each httplib request into an HttpRequest,
// hands it to the pure handler, and copies the answer back. Routing is the handler's (the
// catch-all routes take every request), so httplib's own router decides nothing; httplib still
// refuses what it cannot parse (long lines, oversize bodies), and those answers get the API's
// problem+json shape from the error hook.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <thread>

#include "serve/problem.h"
#include "serve/server.h"

namespace claimgraph::serve {
namespace {

HttpRequest FromHttplib(const httplib::Request& request) {
  HttpRequest copy;
  copy.method = request.method;
  copy.target = request.target;
  for (const auto& [name, value] : request.headers) copy.headers.emplace_back(name, value);
  copy.body = request.body;
  return copy;
}

void ToHttplib(const HttpResponse& answer, httplib::Response& response) {
  response.status = answer.status;
  std::string content_type = "application/octet-stream";
  for (const auto& [name, value] : answer.headers) {
    if (EqualsIgnoringCase(name, "Content-Type")) content_type = value;
    else response.set_header(name, value);
  }
  if (answer.status == 304) return;
  response.set_content(answer.body, content_type);
}

std::string ReasonOf(int status) {
  switch (status) {
    case 413: return "the body is larger than the server's limit";
    case 414: return "the request target is longer than 8192 bytes";
    case 431: return "a header line is longer than 8192 bytes";
    default: return "the request could not be read as HTTP/1.1";
  }
}

}  // namespace

Status RunServer(DeskHandler& handler, const ListenOptions& options,
                 const std::function<void(int port)>& on_listening) {
  // SIGINT and SIGTERM are taken by one thread that stops the server; every other thread
  // (httplib's workers inherit this mask) never sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout_seconds, 0);
  server.set_write_timeout(options.write_timeout_seconds, 0);
  server.set_keep_alive_timeout(options.keep_alive_seconds);
  // httplib writes the headers and the body in two sends: with Nagle's algorithm on, the body
  // waits for the client's delayed ACK of the headers, about 40 ms a response (measured: 44 ms
  // median, 294 requests/s, before this line).
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(options.keep_alive_requests);
  // A worker serves one connection for as long as it is kept alive: with fewer workers than
  // open connections the others wait whole keep-alive spans, which is the tail latency.
  const size_t workers = options.worker_threads;
  server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  // One catch-all route per method that httplib reads a body for: its pre-routing hook would
  // see every request, but before the body is read. HEAD is answered by the GET route.
  const auto answer = [&handler](const httplib::Request& request, httplib::Response& response) {
    ToHttplib(handler.Handle(FromHttplib(request)), response);
  };
  server.Get(".*", answer).Post(".*", answer).Put(".*", answer).Delete(".*", answer);
  server.Patch(".*", answer).Options(".*", answer);
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // the handler's own
    HttpResponse problem = ProblemResponse({response.status, "bad-request", "Bad Request", ReasonOf(response.status)});
    ToHttplib(problem, response);
    return httplib::Server::HandlerResponse::Handled;
  }));

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return Status::Error("cannot listen on " + options.host + " (any port)");
  } else if (!server.bind_to_port(options.host, port)) {
    return Status::Error("cannot listen on " + options.host + ":" + std::to_string(port) +
                         " (in use, or not an address of this machine)");
  }
  std::thread stopper([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  on_listening(port);
  const bool served = server.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes sigwait when the server stopped by itself
    stopper.join();
  }
  if (!served) return Status::Error("the server stopped on an error", ExitCode::kInternalError);
  return Status::Ok();
}

}  // namespace claimgraph::serve
