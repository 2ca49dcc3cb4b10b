// The casefile's vocabularies (stances, source kinds, entity types, citation kinds,
// ratings) as help text, spelt by the model's own tables (model/names.cpp) so that the
// help cannot drift from what the loader accepts.
#ifndef CLAIMGRAPH_CLI_VOCABULARY_H_
#define CLAIMGRAPH_CLI_VOCABULARY_H_

#include <string>

namespace claimgraph::cli {

// "Vocabularies (schemas/casefile.schema.json):\n  assertion stance  \"supports\", ...\n..."
std::string VocabularyHelp();

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_VOCABULARY_H_
