// What the case store needs to know about a record's JSON: which ids it refers to (so that
// a delete can be refused), and the casefile text made of the stored rows.
#ifndef CLAIMGRAPH_STORE_RECORD_TEXT_H_
#define CLAIMGRAPH_STORE_RECORD_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_database.h"

namespace claimgraph::store {

// The six record collections of a casefile, in casefile order.
inline constexpr std::string_view kCollections[] = {"entities",   "sources",   "claims",
                                                    "assertions", "citations", "verdicts"};
bool IsCollection(std::string_view name);
// Sources, entities and claims carry their own "id"; the others are keyed by what they join.
bool HasOwnId(std::string_view collection);

// Every id that the record (one JSON object of `collection`) refers to, in field order:
// controlled_by, publisher, about, excludes, source, claim, speaker, from, to.
std::vector<std::string> ReferencedIds(std::string_view collection, std::string_view json);

// A claim's JSON without `id` in its excludes (the member left out when nothing remains),
// written as the casefile writer writes a claim; `json` itself when it does not exclude `id`.
std::string ClaimWithoutExcluded(std::string_view json, std::string_view id);

// The value of the record's string field `field`, or "" when it has none.
std::string StringField(std::string_view json, std::string_view field);

// The ids that `casefile_text` gives its entities, sources and claims (for conflicts with
// stored records); empty when the text is not JSON (the loader then says why).
std::vector<std::string> DefinedIds(std::string_view casefile_text);

// The casefile made of the stored rows, laid out as claimgraph/casefile_writer.h writes it.
// REQUIRES: rows in the order of Database::Records().
std::string CasefileOfRows(const std::vector<RecordRow>& rows);

// A casefile holding one record, with the record text on line 2 exactly as given, so that
// the loader's line:column on that line map back to `record_json` by subtracting one line.
std::string OneRecordCasefile(std::string_view collection, std::string_view record_json);

}  // namespace claimgraph::store

#endif  // CLAIMGRAPH_STORE_RECORD_TEXT_H_
