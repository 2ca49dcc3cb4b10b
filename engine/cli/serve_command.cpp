// `claimgraph serve DESK [--listen HOST:PORT] [--tokens FILE] [--private] [--allow-remote]`:
// the desk's web page and JSON API (docs/api.md) over HTTP/1.1. Everything it answers comes
// from the serve layer's handler; this file only reads the options and opens the case.
#include <sys/stat.h>

#include <charconv>
#include <iostream>

#include "claimgraph/files.h"
#include "claimgraph/store.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "serve/desk.h"
#include "serve/handler.h"
#include "serve/server.h"

namespace claimgraph::cli {
namespace {

const CommandSpec kServeSpec{
    "serve",
    "DESK [--listen HOST:PORT] [--tokens FILE] [--private]",
    "Serves the case in DESK (a store made by 'claimgraph store init', or a casefile, whose\n"
    "writes are then kept in memory only) as a web page at / and a JSON API under /api/\n"
    "(docs/api.md). Scores are recomputed after each write. Writes need a bearer token from\n"
    "the tokens file: one 'NAME TOKEN [read|write]' per line; NAME is recorded as the author.\n"
    "Listens on 127.0.0.1:8080 unless told otherwise; stops on SIGINT or SIGTERM.",
    {{"--listen", "", "HOST:PORT", "the address to listen on (default 127.0.0.1:8080; port 0: any free port)"},
     {"--tokens", "", "FILE", "the access tokens, NAME TOKEN [read|write] per line"},
     {"--private", "", "", "reads need a token too"},
     {"--allow-remote", "", "", "allow a --listen address that is not loopback"},
     {"--max-body", "", "BYTES", "refuse bodies larger than this (default 1048576)"}}};

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Result<serve::ListenOptions> ListenFrom(const ParsedArguments& parsed) {
  serve::ListenOptions listen;
  const std::string address = parsed.Value("--listen", "127.0.0.1:8080");
  const size_t colon = address.rfind(':');
  const std::string usage = " (see 'claimgraph serve --help')";
  if (colon == std::string::npos || colon == 0) {
    return Status::Error("claimgraph serve: --listen '" + address + "' is not HOST:PORT" + usage);
  }
  listen.host = address.substr(0, colon);
  if (listen.host.size() > 2 && listen.host.front() == '[' && listen.host.back() == ']') {
    listen.host = listen.host.substr(1, listen.host.size() - 2);
  }
  const std::string port = address.substr(colon + 1);
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), listen.port);
  if (error != std::errc() || end != port.data() + port.size() || listen.port < 0 || listen.port > 65535) {
    return Status::Error("claimgraph serve: --listen '" + address + "': the port must be 0 to 65535" + usage);
  }
  if (!IsLoopback(listen.host) && !parsed.Has("--allow-remote")) {
    return Status::Error("claimgraph serve: --listen '" + address + "' is not a loopback address; "
                         "add --allow-remote to serve other machines (and use --tokens and --private)");
  }
  if (parsed.Has("--max-body")) {
    Result<size_t> bytes = CountOption(parsed, "--max-body", listen.max_body_bytes, "serve");
    if (!bytes.ok()) return bytes.status();
    listen.max_body_bytes = bytes.value();
  }
  return listen;
}

Result<std::vector<serve::AccessToken>> TokensFrom(const ParsedArguments& parsed, std::ostream& err) {
  if (!parsed.Has("--tokens")) return std::vector<serve::AccessToken>{};
  const std::string path = parsed.Value("--tokens");
  struct stat information {};
  if (::stat(path.c_str(), &information) == 0 && (information.st_mode & 077) != 0) {
    err << "claimgraph serve: warning: " << path
        << " can be read by other users; its tokens grant writes (chmod 600 " << path << ")\n";
  }
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return Status::Error("claimgraph serve: " + text.status().message());
  Result<std::vector<serve::AccessToken>> tokens = serve::ParseTokens(text.value(), path);
  if (!tokens.ok()) return Status::Error("claimgraph serve: " + tokens.status().message());
  return tokens;
}

Result<std::unique_ptr<serve::Desk>> OpenDesk(const std::string& path, std::ostream& err) {
  if (IsCaseStoreFile(path)) {
    Result<std::unique_ptr<serve::Desk>> desk = serve::OpenStoreDesk(path);
    if (!desk.ok()) return Status::Error("claimgraph serve: " + desk.status().message(), desk.status().code());
    return desk;
  }
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return Status::Error("claimgraph serve: " + text.status().message());
  err << "claimgraph serve: note: " << path << " is a casefile: writes are kept in memory only\n";
  return serve::MakeMemoryDesk(path, std::move(text.value()));
}

}  // namespace

ExitCode RunServe(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(kServeSpec, args, out, err, parsed, exit_code)) return exit_code;
  if (parsed.positional().size() != 1) {
    return Report(Status::Error("claimgraph serve: give one store or casefile (see 'claimgraph serve --help')"), err);
  }
  Result<serve::ListenOptions> listen = ListenFrom(parsed);
  if (!listen.ok()) return Report(listen.status(), err);
  Result<std::vector<serve::AccessToken>> tokens = TokensFrom(parsed, err);
  if (!tokens.ok()) return Report(tokens.status(), err);
  if (parsed.Has("--private") && tokens->empty()) {
    return Report(Status::Error("claimgraph serve: --private needs --tokens FILE (nobody could read)"), err);
  }
  Result<std::unique_ptr<serve::Desk>> desk = OpenDesk(parsed.positional()[0], err);
  if (!desk.ok()) return Report(desk.status(), err);

  serve::HandlerOptions options;
  options.tokens = std::move(tokens.value());
  options.private_reads = parsed.Has("--private");
  options.max_body_bytes = listen->max_body_bytes;
  Result<std::unique_ptr<serve::DeskHandler>> handler = serve::DeskHandler::Create(std::move(desk.value()), options);
  if (!handler.ok()) return Report(handler.status(), err);
  serve::DeskHandler& desk_handler = *handler.value();
  const std::string host = listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
  Status served = serve::RunServer(desk_handler, listen.value(), [&](int port) {
    const std::string origin = "http://" + host + ":" + std::to_string(port);
    std::vector<std::string> origins = {origin};
    if (listen->host == "127.0.0.1") origins.push_back("http://localhost:" + std::to_string(port));
    desk_handler.set_origins(origins);
    out << "claimgraph serve: listening on " << origin << "/ (revision " << desk_handler.snapshot()->revision
        << ", " << desk_handler.snapshot()->graph.claims().size() << " claims)" << std::endl;
    out.flush();
  });
  if (!served.ok()) return Report(Status::Error("claimgraph serve: " + served.message(), served.code()), err);
  return ExitCode::kOk;
}

}  // namespace claimgraph::cli
