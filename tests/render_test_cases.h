// Small hand-built cases for the render tests, built as CaseData directly so that the render
// tests do not depend on the loader.
#ifndef CLAIMGRAPH_TESTS_RENDER_TEST_CASES_H_
#define CLAIMGRAPH_TESTS_RENDER_TEST_CASES_H_

#include "claimgraph/graph.h"
#include "claimgraph/model.h"

namespace claimgraph::testing {

// Labels a DOT writer gets wrong: quotes, backslashes (one at the very end of a title),
// HTML specials and entities, escString sequences (\N), a newline, emoji, invalid UTF-8,
// and right-to-left Arabic and Hebrew.
inline CaseData HostileCase() {
  CaseData data;
  data.entities = {
      {.id = "state", .name = "State \"Q\"", .type = EntityType::kState},
      {.id = "outlet", .name = "Outlet <b>&amp;</b>", .type = EntityType::kOutlet,
       .controlled_by = {0}, .url = "https://example.org/outlet?a=1&b=2"},
      {.id = "ministry", .name = "\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xAF\xD9\x81\xD8\xA7\xD8\xB9",
       .type = EntityType::kOrganisation, .controlled_by = {0}},
  };
  data.sources = {
      {.id = "r1", .title = "Report \"one\" \\ ends in \\", .url = "https://example.org/r1?x=1&y=2",
       .publisher = 1, .kind = SourceKind::kWireReport, .published = "2017-12-11"},
      {.id = "r\"2\\", .title = "Emoji \xF0\x9F\x9A\x80 report\nsecond line \xFF", .kind = SourceKind::kNewsReport,
       .published = "2017-12-12T09:30:00Z"},
  };
  data.claims = {
      {.id = "c1", .text = "The drill is <b>not</b> aimed & at \\N anyone", .about = {2}, .excludes = {1}},
      {.id = "c2", .text = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D claim", .excludes = {0}},
  };
  data.assertions = {
      {.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 2}, .stance = Stance::kSupports,
       .confidence = 0.75f, .quote = "He said \"no\" & left."},
      {.source = 1, .claim = 0, .stance = Stance::kRefutes},
      {.source = 1, .claim = 1, .stance = Stance::kReports},
  };
  data.citations = {{.from = 1, .to = 0, .kind = CitationKind::kQuotes}};
  data.verdicts = {{.claim = 0, .rating = Rating::kFalse, .by = "Desk", .url = "https://example.org/check"}};
  return data;
}

// A chain case for views. r2 quotes r1, r1 cites r4 as its primary source; r5 cites r2 but
// asserts nothing about c1; r3 asserts c2 only. The outlet (r1's publisher) and the
// ministry are controlled by the state; c1 is about the ministry.
inline CaseData ChainCase() {
  CaseData data;
  data.entities = {{.id = "state", .name = "State", .type = EntityType::kState},
                   {.id = "outlet", .name = "Outlet", .type = EntityType::kOutlet, .controlled_by = {0}},
                   {.id = "ministry", .name = "Ministry", .controlled_by = {0}},
                   {.id = "other", .name = "Other"}};
  data.sources = {{.id = "r1", .title = "Report one", .publisher = 1},
                  {.id = "r2", .title = "Report two"},
                  {.id = "r3", .title = "Report three"},
                  {.id = "r4", .title = "Primary"},
                  {.id = "r5", .title = "Later"}};
  data.claims = {{.id = "c1", .text = "Claim one", .about = {2}}, {.id = "c2", .text = "Claim two"}};
  data.assertions = {{.source = 0, .claim = 0, .speaker = {NodeKind::kEntity, 2}},
                     {.source = 1, .claim = 0},
                     {.source = 2, .claim = 1, .speaker = {NodeKind::kEntity, 3}}};
  data.citations = {{.from = 1, .to = 0},
                    {.from = 0, .to = 3, .kind = CitationKind::kPrimarySource},
                    {.from = 4, .to = 1}};
  return data;
}

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_RENDER_TEST_CASES_H_
