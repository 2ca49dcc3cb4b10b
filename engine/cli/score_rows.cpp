#include "cli/score_rows.h"

#include <algorithm>
#include <cstdio>

#include "cli/output.h"
#include "model/utf8.h"
#include "score/explanation.h"

namespace claimgraph::cli {
namespace {

using score::FormatDecimal;

// Widths, in characters, of the table's text columns; longer text ends in "…".
constexpr size_t kTableTextWidth = 40;
constexpr size_t kTableQuestionWidth = 24;
constexpr size_t kTableValueWidth = 16;

// `text` for a terminal cell: control characters (a user's text could carry terminal escape
// sequences) become spaces, malformed UTF-8 becomes U+FFFD, and the text is cut to `width`
// characters, ending in "…" when cut; padded with spaces to `width` when `pad`.
void AppendTerminalCell(std::string_view text, size_t width, bool pad, std::string& buffer) {
  size_t characters = 0, at = 0;
  while (at < text.size()) {
    const size_t length = Utf8SequenceLength(text, at);
    if (characters + 1 == width && at + std::max<size_t>(length, 1) < text.size()) {
      buffer += "\xE2\x80\xA6";  // U+2026, the text goes on
      ++characters;
      break;
    }
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    if (length == 0) {
      buffer += kReplacementCharacter;
    } else if (lead < 0x20 || lead == 0x7F) {
      buffer += ' ';
    } else {
      buffer.append(text.substr(at, length));
    }
    at += std::max<size_t>(length, 1);
    ++characters;
  }
  if (pad && characters < width) buffer.append(width - characters, ' ');
}

void AppendPadded(std::string_view text, size_t width, std::string& buffer) {
  buffer.append(text);
  if (text.size() < width) buffer.append(width - text.size(), ' ');
}

void AppendRightAligned(uint64_t value, size_t width, std::string& buffer) {
  char text[24];
  const int length = std::snprintf(text, sizeof text, "%llu", static_cast<unsigned long long>(value));
  if (static_cast<size_t>(length) < width) buffer.append(width - static_cast<size_t>(length), ' ');
  buffer.append(text, static_cast<size_t>(length));
}

// A CSV field: quoted, with '"' doubled, when it holds a comma, a quote or a line break.
void AppendCsvField(std::string_view text, std::string& buffer) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    buffer.append(text);
    return;
  }
  buffer += '"';
  for (char c : text) {
    if (c == '"') buffer += '"';
    buffer += c;
  }
  buffer += '"';
}

// One member of a JSON object at `indent` spaces: "," unless it is the object's first.
void AppendJsonKey(std::string_view key, bool first, size_t indent, std::string& buffer) {
  buffer += first ? "\n" : ",\n";
  buffer.append(indent, ' ');
  buffer += '"';
  buffer.append(key);
  buffer += "\": ";
}

}  // namespace

TableLayout MeasureTable(const ProvenanceGraph& graph) {
  TableLayout layout;
  for (const Claim& claim : graph.claims()) {
    layout.id_width = std::max(layout.id_width, claim.id.size());
    layout.has_questions = layout.has_questions || !claim.question.empty();
  }
  for (const Source& source : graph.sources()) layout.source_width = std::max(layout.source_width, source.id.size());
  return layout;
}

void AppendTableHeader(const TableLayout& layout, std::string& buffer) {
  AppendPadded("claim", layout.id_width, buffer);
  buffer += "  score   verdict             reports  for  against  interested  ";
  if (layout.has_questions) {
    AppendPadded("question", kTableQuestionWidth, buffer);
    buffer += "  ";
    AppendPadded("value", kTableValueWidth, buffer);
    buffer += "  ";
  }
  buffer += "text\n";
}

void AppendTableClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result,
                          const TableLayout& layout, size_t first, size_t last, std::string& buffer) {
  for (size_t row = first; row < last; ++row) {
    const ClaimScore& scored = result.claims[row];
    const Claim& claim = graph.claims()[scored.claim];
    AppendPadded(claim.id, layout.id_width, buffer);
    buffer += "  ";
    buffer += FormatDecimal(scored.score);
    buffer += "  ";
    AppendPadded(Name(scored.verdict), 18, buffer);
    buffer += "  ";
    AppendRightAligned(scored.reports, 7, buffer);
    buffer += "  ";
    AppendRightAligned(scored.origins_for, 3, buffer);
    buffer += "  ";
    AppendRightAligned(scored.origins_against, 7, buffer);
    buffer += "  ";
    AppendRightAligned(scored.interested_origins, 10, buffer);
    buffer += "  ";
    if (layout.has_questions) {
      AppendTerminalCell(claim.question, kTableQuestionWidth, true, buffer);
      buffer += "  ";
      AppendTerminalCell(claim.value, kTableValueWidth, true, buffer);
      buffer += "  ";
    }
    AppendTerminalCell(claim.text, kTableTextWidth, false, buffer);
    buffer += '\n';
  }
}

void AppendTableTrustHeader(const CorroborationResult& result, const TableLayout& layout, std::string& buffer) {
  buffer += "\nsource trust from: ";
  buffer += result.trust_origin;
  if (!result.trust_fallback_reason.empty()) {
    buffer += " (";
    buffer += result.trust_fallback_reason;
    buffer += ')';
  }
  if (result.trust_origin != "priors") {
    char residual[32];
    std::snprintf(residual, sizeof residual, "%.3e", result.residual);
    buffer += ", ";
    AppendInteger(buffer, result.iterations);
    buffer += " iterations, residual ";
    buffer += residual;
    buffer += result.converged ? ", converged" : ", not converged";
  }
  buffer += '\n';
  AppendPadded("source", layout.source_width, buffer);
  buffer += "  trust   prior\n";
}

void AppendTableSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result,
                           const TableLayout& layout, size_t first, size_t last, std::string& buffer) {
  for (size_t s = first; s < last; ++s) {
    const Source& source = graph.sources()[s];
    AppendPadded(source.id, layout.source_width, buffer);
    buffer += "  ";
    buffer += FormatDecimal(result.source_trust[s]);
    buffer += "  ";
    buffer += source.reliability ? FormatDecimal(*source.reliability) : std::string("-");
    buffer += '\n';
  }
}

void AppendCsvHeader(std::string& buffer) {
  buffer +=
      "kind,id,question,value,score,belief,verdict,reports,supporting_reports,refuting_reports,"
      "origins_for,origins_against,interested_origins,trust,prior,text\n";
}

void AppendCsvClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                        size_t last, std::string& buffer) {
  for (size_t row = first; row < last; ++row) {
    const ClaimScore& scored = result.claims[row];
    const Claim& claim = graph.claims()[scored.claim];
    buffer += "claim,";
    AppendCsvField(claim.id, buffer);
    buffer += ',';
    AppendCsvField(claim.question, buffer);
    buffer += ',';
    AppendCsvField(claim.value, buffer);
    buffer += ',';
    AppendShortestDecimal(buffer, scored.score);
    buffer += ',';
    AppendShortestDecimal(buffer, scored.belief);
    buffer += ',';
    buffer += Name(scored.verdict);
    for (uint64_t count : {scored.reports, scored.supporting_reports, scored.refuting_reports, scored.origins_for,
                           scored.origins_against, scored.interested_origins}) {
      buffer += ',';
      AppendInteger(buffer, count);
    }
    buffer += ",,,";
    AppendCsvField(claim.text, buffer);
    buffer += '\n';
  }
}

void AppendCsvSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                         size_t last, std::string& buffer) {
  for (size_t s = first; s < last; ++s) {
    const Source& source = graph.sources()[s];
    buffer += "source,";
    AppendCsvField(source.id, buffer);
    buffer += ",,,,,,,,,,,,";
    AppendShortestDecimal(buffer, result.source_trust[s]);
    buffer += ',';
    if (source.reliability) AppendShortestDecimal(buffer, *source.reliability);
    buffer += ",\n";
  }
}

void AppendJsonString(std::string_view text, std::string& buffer) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  buffer += '"';
  size_t plain = 0;  // the start of the run of characters copied as they are
  for (size_t at = 0; at < text.size(); ++at) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    buffer.append(text.substr(plain, at - plain));
    plain = at + 1;
    buffer += '\\';
    switch (c) {
      case '"': buffer += '"'; break;
      case '\\': buffer += '\\'; break;
      case '\b': buffer += 'b'; break;
      case '\t': buffer += 't'; break;
      case '\n': buffer += 'n'; break;
      case '\f': buffer += 'f'; break;
      case '\r': buffer += 'r'; break;
      default:
        buffer += "u00";
        buffer += kHex[c >> 4];
        buffer += kHex[c & 0xF];
    }
  }
  buffer.append(text.substr(plain));
  buffer += '"';
}

void AppendJsonHead(const CorroborationResult& result, const AsOfReport* as_of, std::string& buffer) {
  buffer += '{';
  AppendJsonKey("method", true, 2, buffer);
  AppendJsonString(result.method, buffer);
  AppendJsonKey("trust_origin", false, 2, buffer);
  AppendJsonString(result.trust_origin, buffer);
  if (!result.trust_fallback_reason.empty()) {
    AppendJsonKey("trust_fallback_reason", false, 2, buffer);
    AppendJsonString(result.trust_fallback_reason, buffer);
  }
  AppendJsonKey("iterations", false, 2, buffer);
  AppendInteger(buffer, result.iterations);
  AppendJsonKey("converged", false, 2, buffer);
  buffer += result.converged ? "true" : "false";
  if (as_of != nullptr) {
    // What the date filter left out and kept (claimgraph/as_of.h).
    AppendJsonKey("as_of", false, 2, buffer);
    buffer += '{';
    AppendJsonKey("date", true, 4, buffer);
    AppendJsonString(as_of->date, buffer);
    const std::pair<std::string_view, uint64_t> counts[] = {
        {"sources_left_out", as_of->sources_left_out},
        {"assertions_left_out", as_of->assertions_left_out},
        {"citations_left_out", as_of->citations_left_out},
        {"verdicts_left_out", as_of->verdicts_left_out},
        {"undated_sources_kept", as_of->undated_sources_kept},
        {"undated_verdicts_kept", as_of->undated_verdicts_kept}};
    for (const auto& [key, count] : counts) {
      AppendJsonKey(key, false, 4, buffer);
      AppendInteger(buffer, count);
    }
    buffer += "\n  }";
  }
  AppendJsonKey("claims", false, 2, buffer);
  buffer += '[';
}

void AppendJsonClaimRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                         size_t last, std::string& buffer) {
  for (size_t row = first; row < last; ++row) AppendJsonClaimRow(graph, result.claims[row], row == 0, buffer);
}

void AppendJsonClaimRow(const ProvenanceGraph& graph, const ClaimScore& scored, bool first_of_all,
                        std::string& buffer) {
  const Claim& claim = graph.claims()[scored.claim];
  buffer += first_of_all ? "\n    {" : ",\n    {";
  AppendJsonKey("id", true, 6, buffer);
  AppendJsonString(claim.id, buffer);
  AppendJsonKey("question", false, 6, buffer);
  AppendJsonString(claim.question, buffer);
  AppendJsonKey("value", false, 6, buffer);
  AppendJsonString(claim.value, buffer);
  AppendJsonKey("score", false, 6, buffer);
  AppendShortestDecimal(buffer, scored.score);
  AppendJsonKey("belief", false, 6, buffer);
  AppendShortestDecimal(buffer, scored.belief);
  AppendJsonKey("verdict", false, 6, buffer);
  AppendJsonString(Name(scored.verdict), buffer);
  const std::pair<std::string_view, uint64_t> counts[] = {
      {"reports", scored.reports},
      {"supporting_reports", scored.supporting_reports},
      {"refuting_reports", scored.refuting_reports},
      {"origins_for", scored.origins_for},
      {"origins_against", scored.origins_against},
      {"independent_origins", scored.independent_origins},
      {"interested_origins", scored.interested_origins}};
  for (const auto& [key, count] : counts) {
    AppendJsonKey(key, false, 6, buffer);
    AppendInteger(buffer, count);
  }
  AppendJsonKey("text", false, 6, buffer);
  AppendJsonString(claim.text, buffer);
  buffer += "\n    }";
}

void AppendJsonBetween(size_t claim_count, std::string& buffer) {
  buffer += claim_count > 0 ? "\n  ]" : "]";
  AppendJsonKey("sources", false, 2, buffer);
  buffer += '[';
}

void AppendJsonSourceRows(const ProvenanceGraph& graph, const CorroborationResult& result, size_t first,
                          size_t last, std::string& buffer) {
  for (size_t s = first; s < last; ++s) {
    const Source& source = graph.sources()[s];
    buffer += s == 0 ? "\n    {" : ",\n    {";
    AppendJsonKey("id", true, 6, buffer);
    AppendJsonString(source.id, buffer);
    AppendJsonKey("trust", false, 6, buffer);
    AppendShortestDecimal(buffer, result.source_trust[s]);
    AppendJsonKey("prior", false, 6, buffer);
    if (source.reliability) AppendShortestDecimal(buffer, *source.reliability); else buffer += "null";
    buffer += "\n    }";
  }
}

void AppendJsonTail(size_t source_count, std::string& buffer) {
  buffer += source_count > 0 ? "\n  ]\n}\n" : "]\n}\n";
}

}  // namespace claimgraph::cli
