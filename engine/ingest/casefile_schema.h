// schemas/casefile.schema.json, loaded once per process, and the translation of RapidJSON's
// validation errors (schema pointer, keyword, document pointer) into sentences such as
// `missing required field "stance"` or `stance must be one of supports, refutes, reports,
// not "support"`.
#ifndef CLAIMGRAPH_INGEST_CASEFILE_SCHEMA_H_
#define CLAIMGRAPH_INGEST_CASEFILE_SCHEMA_H_

#include <optional>
#include <string>

#include "claimgraph/status.h"
#include "ingest/case_builder.h"
#include "ingest/schema_checker.h"
#include "rapidjson/document.h"
#include "rapidjson/schema.h"

namespace claimgraph::ingest {

class CasefileSchema {
 public:
  // The schema compiled into this build, or the casefile.schema.json of the folder the
  // environment variable CLAIMGRAPH_SCHEMA_DIR names, or an error if that cannot be read;
  // loaded on first use.
  static Result<const CasefileSchema*> Get();

  const rapidjson::SchemaDocument& root() const { return *root_; }
  // A schema whose root is #/definitions/<RecordName(kind)>, to validate one record alone.
  // REQUIRES: kind != RecordKind::kNone
  const rapidjson::SchemaDocument& record(RecordKind kind) const {
    return *records_[static_cast<int>(kind)];
  }

  // The schema compiled for the fast path (ingest/schema_checker.h), or nullptr when the
  // schema uses a keyword the checker does not implement (the fast path then validates with
  // RapidJSON's validator, more slowly).
  const SchemaChecker* checker() const { return checker_ ? &*checker_ : nullptr; }

  // The sentence for a failed validation. `document_pointer` is relative to the casefile's
  // root; `instance` is the value it names in the casefile (nullptr if it names nothing).
  std::string Explain(const std::string& schema_pointer, const std::string& keyword,
                      const std::string& document_pointer,
                      const rapidjson::Value* instance) const;

 private:
  CasefileSchema() = default;
  static Result<CasefileSchema*> Load();

  rapidjson::Document schema_json_;
  std::unique_ptr<rapidjson::SchemaDocument> root_;
  std::unique_ptr<rapidjson::Document> record_json_[6];
  std::unique_ptr<rapidjson::SchemaDocument> records_[6];
  std::optional<SchemaChecker> checker_;
};

}  // namespace claimgraph::ingest

#endif  // CLAIMGRAPH_INGEST_CASEFILE_SCHEMA_H_
