// `claimgraph store init|add|export|history DESK.db ...`: the case store (claimgraph/store.h,
// docs/store.md) from the command line. Each subcommand is a few library calls; the rules
// (the loader over every write, one transaction, the audit trail) live in engine/store.
#include <algorithm>

#include "claimgraph/files.h"
#include "claimgraph/query.h"
#include "claimgraph/store.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output.h"

namespace claimgraph::cli {
namespace {

const CommandSpec& StoreSpec() {
  static const CommandSpec spec{
      "store",
      "init DESK.db | add DESK.db CASEFILE... [--by NAME] | export DESK.db -o CASE.json |"
      " history DESK.db [--record ID] [--format table|json]",
      "Keeps a case in an SQLite file (a store) that several people change over days, with\n"
      "every change in an audit trail that is never edited (docs/store.md):\n"
      "  init DESK.db                 make a new, empty store (the file must not exist)\n"
      "  add DESK.db CASEFILE...      add the records of casefiles (or fragments: any subset of\n"
      "                               the arrays), checked as 'check' checks them together with\n"
      "                               the stored records; all files or none, in one transaction\n"
      "  export DESK.db -o CASE.json  the whole case as one casefile\n"
      "  history DESK.db              who changed which record, when, and how\n"
      "Every command that reads casefiles reads a store in their place: 'claimgraph score\n"
      "DESK.db', 'claimgraph render DESK.db --focus CLAIM'.\n\n"
      "Exit status: 0 done, 2 invalid input (the store is unchanged) or bad usage, 1 internal error.",
      {
          {"--by", "", "NAME", "add: the author recorded in the history (default: $USER, else 'unknown')"},
          {"--output", "-o", "OUT", "export: the casefile to write ('-' for standard output)"},
          {"--record", "", "ID", "history: only the entries of the record with this id"},
          {"--format", "", "FORMAT", "history: 'table' (default) or 'json' (with each record before and after)"},
      }};
  return spec;
}

Status UsageError(const std::string& message) {
  return Status::Error("claimgraph store: " + message + " (see 'claimgraph store --help')");
}

// Each option given must belong to the subcommand.
Status CheckOptionsApply(const ParsedArguments& parsed, const std::string& subcommand) {
  const std::pair<const char*, const char*> applies[] = {
      {"--by", "add"}, {"--output", "export"}, {"--record", "history"}, {"--format", "history"}};
  for (const auto& [option, owner] : applies) {
    if (parsed.Has(option) && subcommand != owner) {
      return UsageError(std::string(option) + " applies to 'store " + owner + "' only");
    }
  }
  return Status::Ok();
}

ExitCode RunInit(const std::string& path, std::ostream& out, std::ostream& err) {
  Result<CaseStore> store = CaseStore::Create(path);
  if (!store.ok()) return Report(store.status(), err);
  out << path << ": a new, empty claimgraph store\n";
  return ExitCode::kOk;
}

ExitCode RunAdd(const std::string& path, const std::vector<std::string>& files, const std::string& author,
                std::ostream& out, std::ostream& err) {
  if (files.empty()) return Report(UsageError("name the casefiles to add after the store"), err);
  // The store itself cannot be one of its inputs (its own export would conflict with it).
  if (std::find(files.begin(), files.end(), path) != files.end()) {
    return Report(Status::Error("claimgraph store add: " + path + " is the store; name casefiles to add to it"), err);
  }
  Result<CaseStore> store = CaseStore::Open(path, true);
  if (!store.ok()) return Report(store.status(), err);
  std::vector<std::string> texts;
  for (const std::string& file : files) {
    Result<std::string> text = ReadFile(file);
    if (!text.ok()) return Report(text.status(), err);
    texts.push_back(std::move(text.value()));
  }
  const int64_t before = store->Revision();
  StoreWrite write =
      store->AddCasefiles(files, std::vector<std::string_view>(texts.begin(), texts.end()), author);
  if (!write.ok()) {
    Report(write.status, err);
    err << "claimgraph store add: nothing was added; " << path << " is still at revision " << before << "\n";
    return write.outcome == StoreWrite::Outcome::kFailed ? write.status.code() : ExitCode::kInvalidInput;
  }
  out << path << ": revision " << write.revision << ": added " << write.ids.size()
      << (write.ids.size() == 1 ? " record" : " records") << " by " << author << "\n";
  return ExitCode::kOk;
}

ExitCode RunExportStore(const std::string& path, const ParsedArguments& parsed, std::ostream& out,
                        std::ostream& err) {
  if (!parsed.Has("--output")) {
    return Report(UsageError("say where to write the casefile with -o OUT ('-' for standard output)"), err);
  }
  const std::string output = parsed.Value("--output");
  ExitCode exit_code = ExitCode::kOk;
  if (!OutputIsNotAnInput(output, {path}, err, exit_code)) return exit_code;
  Result<CaseStore> store = CaseStore::Open(path, false);
  if (!store.ok()) return Report(store.status(), err);
  Result<std::string> text = store->ExportCasefile();
  if (!text.ok()) return Report(text.status(), err);
  return WriteOutput(output, text.value(), out, err);
}

ExitCode RunHistory(const std::string& path, const ParsedArguments& parsed, std::ostream& out,
                    std::ostream& err) {
  const std::string format_name = parsed.Value("--format", "table");
  if (format_name != "table" && format_name != "json") {
    return Report(UsageError("--format must be table or json, not '" + format_name + "'"), err);
  }
  Result<CaseStore> store = CaseStore::Open(path, false);
  if (!store.ok()) return Report(store.status(), err);
  std::optional<std::string> record;
  if (parsed.Has("--record")) record = parsed.Value("--record");
  Result<std::vector<HistoryEntry>> history =
      store->History(record ? std::optional<std::string_view>(*record) : std::nullopt);
  if (!history.ok()) return Report(history.status(), err);
  const bool json = format_name == "json";
  QueryTable table;
  table.columns = {"revision", "time", "author", "action", "collection", "id"};
  if (json) table.columns.insert(table.columns.end(), {"before", "after"});
  for (const HistoryEntry& entry : history.value()) {
    std::vector<QueryValue>& row = table.rows.emplace_back();
    row.emplace_back(std::in_place_type<int64_t>, entry.revision);
    for (const std::string* text : {&entry.time, &entry.author, &entry.action, &entry.collection, &entry.id}) {
      row.emplace_back(std::in_place_type<std::string>, *text);
    }
    if (!json) continue;
    // The records as text: "" (added, or deleted) is an empty cell.
    for (const std::string* text : {&entry.before_json, &entry.after_json}) {
      if (text->empty()) {
        row.emplace_back(std::in_place_type<std::monostate>);
      } else {
        row.emplace_back(std::in_place_type<std::string>, *text);
      }
    }
  }
  out << FormatQueryTable(table, json ? TableFormat::kJson : TableFormat::kTable);
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunStore(const Args& args, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed;
  ExitCode exit_code = ExitCode::kOk;
  if (!ParseOrExplain(StoreSpec(), args, out, err, parsed, exit_code)) return exit_code;
  const std::vector<std::string>& positional = parsed.positional();
  if (positional.empty()) return Report(UsageError("name a subcommand: init, add, export or history"), err);
  const std::string& subcommand = positional[0];
  if (subcommand != "init" && subcommand != "add" && subcommand != "export" && subcommand != "history") {
    return Report(UsageError("unknown subcommand '" + subcommand + "' (expected init, add, export or history)"), err);
  }
  if (Status applies = CheckOptionsApply(parsed, subcommand); !applies.ok()) return Report(applies, err);
  if (positional.size() < 2) return Report(UsageError("name the store file after '" + subcommand + "'"), err);
  const std::string& path = positional[1];
  const std::vector<std::string> rest(positional.begin() + 2, positional.end());
  if (subcommand == "add") {
    const std::string author = parsed.Has("--by") ? parsed.Value("--by") : DefaultStoreAuthor();
    if (author.empty()) return Report(UsageError("--by needs a name"), err);
    return RunAdd(path, rest, author, out, err);
  }
  if (!rest.empty()) {
    return Report(UsageError("'store " + subcommand + "' takes one store file; unexpected '" + rest[0] + "'"), err);
  }
  if (subcommand == "init") return RunInit(path, out, err);
  if (subcommand == "export") return RunExportStore(path, parsed, out, err);
  return RunHistory(path, parsed, out, err);
}

}  // namespace claimgraph::cli
