// Writes a synthetic casefile for the benchmarks, deterministic for a given seed.
//
//   casefile_generator --assertions N [--seed S] [--quote-share P] -o FILE
//
// Shape, per N assertions (meant to resemble a large fact-checking archive):
//   - N/8 claims, so about 8 reports per claim; a fifth of them in pairs of two answers to
//     one question, with `excludes` between the pair;
//   - N/4 sources (about 4 assertions each), published one minute apart in index order;
//     kinds drawn 10% statement, 5% press release, 25% wire report, 55% news report,
//     5% social post; 30% with a reliability prior;
//   - max(100, N/1000) entities; the first 10 are states controlling a fifth of the rest;
//     5 large publishers publish 40% of the sources, the rest spread evenly, 5% unknown;
//   - assertions: 80% supports, 15% refutes, 5% reports; 30% name an entity speaker;
//     a share P (default 0.5) carry a quote of about 60 characters; 30% a confidence;
//   - citations: 40% of sources cite an earlier source that reported the same claim, which
//     builds chains of copying (source i -> an earlier source), never cycles;
//   - ids are about 10 characters ("s-0001234"), as in hand-written casefiles.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "claimgraph/files.h"

namespace {

struct Options {
  size_t assertions = 100000;
  uint64_t seed = 20171211;
  double quote_share = 0.5;
  std::string output;
};

void Usage() {
  std::fprintf(stderr,
               "usage: casefile_generator --assertions N [--seed S] [--quote-share P] -o FILE\n");
  std::exit(2);
}

Options Parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) Usage();
    if (arg == "--assertions") options.assertions = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--seed") options.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--quote-share") options.quote_share = std::strtod(argv[++i], nullptr);
    else if (arg == "-o") options.output = argv[++i];
    else Usage();
  }
  if (options.output.empty() || options.assertions < 8) Usage();
  return options;
}

std::string Id(char prefix, size_t index) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%c-%07zu", prefix, index);
  return buffer;
}

// 2017-01-01T00:00:00Z plus `minutes`.
std::string Timestamp(size_t minutes) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  size_t days = minutes / 1440;
  const size_t minute_of_day = minutes % 1440;
  int year = 2017, month = 0;
  while (true) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int length = kDays[month] + (month == 1 && leap ? 1 : 0);
    if (days < static_cast<size_t>(length)) break;
    days -= length;
    if (++month == 12) {
      month = 0;
      ++year;
    }
  }
  char buffer[40];
  // int arguments: each is below 1440, and GCC can then see that the text fits.
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:00Z", year, month + 1,
                static_cast<int>(days + 1), static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60));
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = Parse(argc, argv);
  std::mt19937_64 random(options.seed);
  auto below = [&](size_t n) { return static_cast<size_t>(random() % n); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };

  const size_t assertion_count = options.assertions;
  const size_t claim_count = assertion_count / 8;
  const size_t source_count = assertion_count / 4;
  const size_t entity_count = std::max<size_t>(100, assertion_count / 1000);
  std::string out;
  out.reserve(assertion_count * 190);
  out += "{\n  \"claimgraph\": \"1.0\",\n  \"title\": \"Generated benchmark casefile\",\n";

  out += "  \"entities\": [\n";
  static const char* kTypes[] = {"organisation", "person", "outlet", "system", "other"};
  for (size_t i = 0; i < entity_count; ++i) {
    out += "    {\"id\": \"" + Id('e', i) + "\", \"name\": \"Entity " + std::to_string(i) +
           "\", \"type\": \"" + (i < 10 ? "state" : kTypes[i % 5]) + "\"";
    if (i >= 10 && i % 5 == 0) out += ", \"controlled_by\": [\"" + Id('e', below(10)) + "\"]";
    out += i + 1 < entity_count ? "},\n" : "}\n";
  }
  out += "  ],\n  \"sources\": [\n";
  static const char* kKinds[] = {"statement", "press release", "wire report", "news report",
                                 "social post"};
  static const int kKindPercent[] = {10, 15, 40, 95, 100};
  for (size_t i = 0; i < source_count; ++i) {
    const int roll = static_cast<int>(below(100));
    int kind = 0;
    while (roll >= kKindPercent[kind]) ++kind;
    out += "    {\"id\": \"" + Id('s', i) + "\", \"title\": \"Report number " + std::to_string(i) +
           "\", \"kind\": \"" + kKinds[kind] + "\", \"published\": \"" + Timestamp(i) + "\"";
    if (!chance(0.05)) {
      const size_t publisher = chance(0.4) ? 10 + below(5) : 10 + below(entity_count - 10);
      out += ", \"publisher\": \"" + Id('e', publisher) + "\"";
    }
    if (chance(0.3)) out += ", \"reliability\": 0." + std::to_string(1 + below(9));
    out += i + 1 < source_count ? "},\n" : "}\n";
  }
  out += "  ],\n  \"claims\": [\n";
  for (size_t i = 0; i < claim_count; ++i) {
    out += "    {\"id\": \"" + Id('c', i) + "\", \"text\": \"Claim number " + std::to_string(i) +
           " about the subject of the case\"";
    if (i % 10 < 2) {  // pairs (c, c+1) with i % 10 == 0 answer one question
      const size_t first = i - i % 10;
      out += ", \"question\": \"q-" + std::to_string(first) + "\", \"value\": \"" +
             (i % 10 == 0 ? "yes" : "no") + "\"";
      if (i % 10 == 0 && i + 1 < claim_count) out += ", \"excludes\": [\"" + Id('c', i + 1) + "\"]";
    }
    out += i + 1 < claim_count ? "},\n" : "}\n";
  }
  out += "  ],\n  \"assertions\": [\n";
  // Sources take claims in order, so that each claim's reports come from nearby sources and
  // a later report can cite an earlier one about the same claim.
  std::vector<size_t> last_source_of_claim(claim_count, SIZE_MAX);
  std::vector<std::pair<size_t, size_t>> citations;
  for (size_t i = 0; i < assertion_count; ++i) {
    const size_t source = std::min(source_count - 1, i / 4);
    // Every eighth assertion takes the next claim in turn, so that every claim is asserted
    // (a claim nobody asserts draws a warning, and warnings make the loader re-read the file).
    const size_t claim = i % 8 == 0 && i / 8 < claim_count ? i / 8 : (i * 7 + below(3)) % claim_count;
    const int roll = static_cast<int>(below(100));
    const char* stance = roll < 80 ? "supports" : roll < 95 ? "refutes" : "reports";
    out += "    {\"source\": \"" + Id('s', source) + "\", \"claim\": \"" + Id('c', claim) +
           "\", \"stance\": \"" + stance + "\"";
    if (chance(0.3)) out += ", \"speaker\": \"" + Id('e', below(entity_count)) + "\"";
    if (chance(options.quote_share)) {
      out += ", \"quote\": \"Officials said on the record that claim " + std::to_string(claim) +
             " holds.\"";
    }
    if (chance(0.3)) out += ", \"confidence\": 0." + std::to_string(5 + below(5));
    out += i + 1 < assertion_count ? "},\n" : "}\n";
    size_t& previous = last_source_of_claim[claim];
    if (previous != SIZE_MAX && previous < source && i % 4 == 0 && chance(0.4)) {
      citations.emplace_back(source, previous);
    }
    previous = source;
  }
  out += "  ],\n  \"citations\": [\n";
  static const char* kCitationKinds[] = {"quotes", "derived from", "links"};
  for (size_t i = 0; i < citations.size(); ++i) {
    out += "    {\"from\": \"" + Id('s', citations[i].first) + "\", \"to\": \"" +
           Id('s', citations[i].second) + "\", \"kind\": \"" + kCitationKinds[below(3)] + "\"";
    out += i + 1 < citations.size() ? "},\n" : "}\n";
  }
  out += "  ]\n}\n";
  const claimgraph::Status written = claimgraph::WriteFileAtomically(options.output, out);
  if (!written.ok()) {
    std::fprintf(stderr, "%s\n", written.message().c_str());
    return 1;
  }
  std::printf("%s: %zu assertions, %zu sources, %zu claims, %zu entities, %zu citations, %zu bytes\n",
              options.output.c_str(), assertion_count, source_count, claim_count, entity_count,
              citations.size(), out.size());
  return 0;
}
