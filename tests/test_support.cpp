#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/commands.h"

namespace claimgraph::testing {

CommandOutput RunTool(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CommandOutput output;
  output.exit_code = static_cast<int>(cli::Run(args, out, err));
  output.out = out.str();
  output.err = err.str();
  return output;
}

CommandOutput RunShell(const std::string& command_line) {
  CommandOutput output;
  FILE* pipe = popen(command_line.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.out.append(buffer, read);
  int status = pclose(pipe);
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::string ProjectPath(const std::string& relative) {
  return std::string(CLAIMGRAPH_SOURCE_DIR) + "/" + relative;
}

std::optional<std::string> SharedDataPath(const std::string& relative) {
  std::string path = std::string(CLAIMGRAPH_SOURCE_DIR) + "/../shared/data/" + relative;
  if (!std::filesystem::exists(path)) return std::nullopt;
  return path;
}

ScratchDirectory::ScratchDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "claimgraph-test-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = buffer.data();
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string ScratchDirectory::Write(const std::string& name, const std::string& content) const {
  std::string path = File(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<std::string> ScratchDirectory::List() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string SpeakerNameKey(std::string name) {
  for (size_t at = name.find("\xE2\x80\x99"); at != std::string::npos; at = name.find("\xE2\x80\x99")) {
    name.replace(at, 3, "'");
  }
  std::string key, word;
  auto flush = [&]() {
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
    if (!word.empty() && word != "the") key += word + " ";
    word.clear();
  };
  for (char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else flush();
  }
  flush();
  return key;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> RegressionInputs(const std::string& target) {
  std::vector<std::string> inputs;
  const std::filesystem::path directory = ProjectPath("tests/fuzz/regressions/" + target);
  if (!std::filesystem::exists(directory)) return inputs;
  std::set<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) files.insert(entry.path());
  for (const auto& file : files) inputs.push_back(ReadWholeFile(file.string()));
  return inputs;
}

}  // namespace claimgraph::testing
