// Stages 5 and 6: speaker resolution and entities.
//
// Resolution (per article, in text order): an anaphor ("the ministry", "he", "the paper",
// "both countries") or a short name ("Shoigu", "Li") stands for the nearest compatible named
// speaker before it, else after it; the rule is recorded on the mention:
//   anaphor-person-before / -after         a person named as a speaker
//   anaphor-organisation-before / -after   an organisation named as a speaker
//   anaphor-outlet-before / -after         an outlet named as a speaker or in the text
//   anaphor-state-pair-before              "both countries": the last "X and Y" of states
//   short-name-before / -after             a person whose first or last name it is
// An anaphor that resolves to nothing makes the mention unnamed (hearsay).
//
// Entities: one per distinct name key (case-folded words without the lexicon's name
// fillers, demonyms and capitals mapped to their state: "Chinese Ministry of National
// Defense" = "China's Defense Ministry"), typed by the tables and the lexicon, with state
// control where the table or the name says it (an outlet of outlets.tsv; a government body
// or a holder of a government title qualified by a state: "Russia's Defense Minister").
#ifndef CLAIMGRAPH_EXTRACT_ENTITIES_H_
#define CLAIMGRAPH_EXTRACT_ENTITIES_H_

#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include "claimgraph/model.h"
#include "extract/lexicon.h"
#include "extract/records.h"

namespace claimgraph::extract {

struct DraftEntity {
  std::string id, name;
  std::vector<std::string> aliases;  // the other spellings met
  EntityType type = EntityType::kOther;
  std::vector<std::string> controlled_by;  // entity ids
  bool existing = false;  // from an --into casefile: referenced, not written
};

struct EntityTable {
  std::vector<DraftEntity> entities;
  std::map<std::string, size_t> by_key;
  std::map<std::string, size_t> by_id;

  // What EntityOf reads from a mention's own words (its type, outlet, name key and
  // controller), kept per distinct mention: the same speakers recur in every article.
  struct MentionAnalysis {
    const KnownEntity* state = nullptr;  // the whole name is a state's
    bool no_entity = false;              // unnamed media
    EntityType type = EntityType::kOther;
    const KnownEntity* outlet = nullptr;
    const KnownEntity* controller = nullptr;
    std::string name, key;
  };
  std::unordered_map<std::string, MentionAnalysis> analysis_of;  // by media flag, name and role
};

// Resolves the anaphors and short names of one article's attributions.
void ResolveSpeakers(const Article& article, const std::vector<Unit>& units,
                     std::vector<Attribution>& attributions, const Lexicon& lexicon);

// The entity type a named phrase suggests.
EntityType Classify(const SpeakerMention& mention, const Lexicon& lexicon);

// The comparison key of a name.
std::string NameKey(const std::string& name, const Lexicon& lexicon);

// The entity of a mention (adding it, and its controller, to `table` when new); kNone for
// an unnamed or unresolved mention and for unnamed media ("state-run media").
size_t EntityOf(const SpeakerMention& mention, EntityTable& table, const Lexicon& lexicon);

// The state entities named by the words of `text` ("Moscow and Beijing"), added when new.
std::vector<size_t> StatesNamedIn(std::string_view text, EntityTable& table, const Lexicon& lexicon);

// Adds an entity of an --into casefile so that new mentions of its name or aliases match it.
void AddExistingEntity(const Entity& entity, EntityTable& table, const Lexicon& lexicon);

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_ENTITIES_H_
