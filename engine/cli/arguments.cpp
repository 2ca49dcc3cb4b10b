#include "cli/arguments.h"

#include <charconv>

namespace claimgraph::cli {

std::string CommandSpec::HelpText() const {
  std::string text = "Usage: claimgraph " + name + " " + usage + "\n\n" + summary + "\n";
  if (!options.empty()) text += "\nOptions:\n";
  for (const OptionSpec& option : options) {
    std::string left = "  ";
    if (!option.short_name.empty()) left += option.short_name + ", ";
    left += option.name;
    if (!option.value_name.empty()) left += " " + option.value_name;
    if (left.size() < 28) left.resize(28, ' ');
    else left += "\n" + std::string(28, ' ');
    text += left + option.help + "\n";
  }
  text += "  --help                    show this help\n";
  return text;
}

Result<ParsedArguments> ParsedArguments::Parse(const CommandSpec& spec, const Args& args) {
  ParsedArguments parsed;
  const std::string prefix = "claimgraph " + spec.name + ": ";
  const std::string hint = " (see 'claimgraph " + spec.name + " --help')";
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.empty() || arg[0] != '-' || arg == "-") {
      parsed.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help_ = true;
      continue;
    }
    std::string name = arg;
    std::string inline_value;
    bool has_inline_value = false;
    if (size_t equals = arg.find('='); arg.rfind("--", 0) == 0 && equals != std::string::npos) {
      name = arg.substr(0, equals);
      inline_value = arg.substr(equals + 1);
      has_inline_value = true;
    }
    const OptionSpec* found = nullptr;
    for (const OptionSpec& option : spec.options) {
      if (option.name == name || (!option.short_name.empty() && option.short_name == name)) {
        found = &option;
      }
    }
    if (found == nullptr) {
      return Status::Error(prefix + "unknown option '" + name + "'" + hint);
    }
    if (found->value_name.empty()) {
      if (has_inline_value) {
        return Status::Error(prefix + "option '" + found->name + "' takes no value" + hint);
      }
      parsed.values_.emplace(found->name, "");
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        return Status::Error(prefix + "option '" + found->name + "' needs a value (" +
                             found->value_name + ")" + hint);
      }
      inline_value = args[++i];
    }
    parsed.values_.emplace(found->name, inline_value);
  }
  return parsed;
}

std::string ParsedArguments::Value(const std::string& name, const std::string& fallback) const {
  auto [begin, end] = values_.equal_range(name);
  if (begin == end) return fallback;
  return std::prev(end)->second;
}

std::vector<std::string> ParsedArguments::Values(const std::string& name) const {
  std::vector<std::string> values;
  auto [begin, end] = values_.equal_range(name);
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

bool ParseOrExplain(const CommandSpec& spec, const Args& args, std::ostream& out,
                    std::ostream& err, ParsedArguments& parsed, ExitCode& exit_code) {
  Result<ParsedArguments> result = ParsedArguments::Parse(spec, args);
  if (!result.ok()) {
    exit_code = Report(result.status(), err);
    return false;
  }
  parsed = std::move(result.value());
  if (parsed.help()) {
    out << spec.HelpText();
    exit_code = ExitCode::kOk;
    return false;
  }
  return true;
}

Result<size_t> CountOption(const ParsedArguments& parsed, const std::string& name, size_t fallback,
                           const std::string& command) {
  if (!parsed.Has(name)) return fallback;
  const std::string text = parsed.Value(name);
  size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return Status::Error("claimgraph " + command + ": " + name + " needs a whole number, not '" + text +
                         "' (see 'claimgraph " + command + " --help')");
  }
  return value;
}

ExitCode Report(const Status& status, std::ostream& err) {
  // One write of the whole line: under mpirun every rank's stderr goes to one stream, and
  // a message written in two pieces could be split by another rank's.
  if (!status.message().empty()) err << status.message() + "\n" << std::flush;
  return status.code();
}

}  // namespace claimgraph::cli
