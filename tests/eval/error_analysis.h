// evaluate --errors (tests/eval/error_analysis.cpp): the gold items each method gets wrong,
// in classes that say why, and one method's wrong items with their votes.
#ifndef CLAIMGRAPH_TESTS_EVAL_ERROR_ANALYSIS_H_
#define CLAIMGRAPH_TESTS_EVAL_ERROR_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "claimgraph/model.h"
#include "import/gold.h"

namespace claimgraph::eval {

struct ErrorSet {
  std::string name;
  const CaseData& data;             // no verdicts
  const importers::GoldAnswers& gold;  // question sets
  const std::vector<int8_t>& labels;  // Emergent: per claim 1 true, 0 false, -1 unlabelled
};

// Prints the tables on standard output; returns 1 when a method failed.
int PrintErrors(const std::vector<ErrorSet>& sets, const std::vector<std::string>& methods,
                const std::string& detail_method);

}  // namespace claimgraph::eval

#endif  // CLAIMGRAPH_TESTS_EVAL_ERROR_ANALYSIS_H_
