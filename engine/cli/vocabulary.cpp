#include "cli/vocabulary.h"

#include "claimgraph/model.h"

namespace claimgraph::cli {
namespace {

// Every enumerator's casefile name, quoted as in JSON: several have a space in them.
template <typename Enum, int kCount>
std::string Names() {
  std::string text;
  for (int i = 0; i < kCount; ++i) {
    if (i > 0) text += ", ";
    text += "\"" + std::string(Name(static_cast<Enum>(i))) + "\"";
  }
  return text;
}

}  // namespace

std::string VocabularyHelp() {
  return "Vocabularies (schemas/casefile.schema.json):\n"
         "  assertion \"stance\"   " + Names<Stance, 3>() + "\n"
         "  source \"kind\"        " + Names<SourceKind, 6>() + "\n"
         "  entity \"type\"        " + Names<EntityType, 7>() + "\n"
         "  citation \"kind\"      " + Names<CitationKind, 4>() + "\n"
         "  verdict \"rating\"     " + Names<Rating, 2>();
}

}  // namespace claimgraph::cli
