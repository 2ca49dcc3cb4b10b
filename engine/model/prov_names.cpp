// Casefile ids as PROV qualified names (claimgraph/prov_names.h): percent-encoding of every
// byte outside [A-Za-z0-9_-], so that any id is a valid local name in PROV-N, PROV-XML and
// RDF, and the importer can decode it back.
#include "claimgraph/prov_names.h"

#include <cctype>

namespace claimgraph {
namespace {

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string ProvLocalName(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string local;
  for (unsigned char c : id) {
    if (std::isalnum(c) && c < 0x80) local += static_cast<char>(c);
    else if (c == '-' || c == '_') local += static_cast<char>(c);
    else {
      local += '%';
      local += kHex[c >> 4];
      local += kHex[c & 0xF];
    }
  }
  return local;
}

std::optional<std::string> DecodeProvLocalName(std::string_view local) {
  std::string id;
  for (size_t i = 0; i < local.size(); ++i) {
    if (local[i] != '%') {
      id += local[i];
      continue;
    }
    if (i + 2 >= local.size()) return std::nullopt;
    if (!IsHex(local[i + 1]) || !IsHex(local[i + 2])) return std::nullopt;
    id += static_cast<char>(std::stoi(std::string(local.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return id;
}

}  // namespace claimgraph
