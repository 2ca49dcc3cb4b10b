// Internal to the serve layer: running the handler on a socket (engine/serve/httplib_adapter.cpp,
// the one file that includes httplib.h).
#ifndef CLAIMGRAPH_SERVE_SERVER_H_
#define CLAIMGRAPH_SERVE_SERVER_H_

#include <functional>
#include <string>

#include "claimgraph/status.h"
#include "serve/handler.h"

namespace claimgraph::serve {

struct ListenOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0: any free port (told to `on_listening`)
  size_t max_body_bytes = 1 << 20;   // larger bodies: 413 before they are read
  int read_timeout_seconds = 5;      // a client that sends nothing for this long is dropped
  int write_timeout_seconds = 5;
  int keep_alive_seconds = 5;
  size_t worker_threads = 32;        // connections served at once; the rest wait
  size_t keep_alive_requests = 100;  // per connection, then it is closed (httplib's default is 5)
  // Request lines and header lines are limited to 8192 bytes each by cpp-httplib 0.11.4 as
  // compiled in Debian (CPPHTTPLIB_REQUEST_URI_MAX_LENGTH, CPPHTTPLIB_HEADER_MAX_LENGTH): a
  // longer one is answered 414 or 400; the limits cannot be changed without rebuilding it.
};

// Serves `handler` until SIGINT or SIGTERM. `on_listening` is called once the socket is bound,
// with the port. Fails when the address cannot be bound.
Status RunServer(DeskHandler& handler, const ListenOptions& options,
                 const std::function<void(int port)>& on_listening);

}  // namespace claimgraph::serve

#endif  // CLAIMGRAPH_SERVE_SERVER_H_
