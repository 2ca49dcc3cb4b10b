// The real tools the export tests read outputs back with: prov-convert and prov-compare
// (Debian prov-tools), and a Python 3 with networkx (python3-networkx). scripts/setup
// installs them; a test that cannot find one fails with a message saying so.
#ifndef CLAIMGRAPH_TESTS_EXPORT_TEST_TOOLS_H_
#define CLAIMGRAPH_TESTS_EXPORT_TEST_TOOLS_H_

#include <string>

#include "test_support.h"

namespace claimgraph::testing {

// `text` quoted for a POSIX shell.
inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return quoted + "'";
}

// A Python interpreter that can import `module`: `python3` on the PATH when it can (a
// virtual environment may shadow the system one), else Debian's /usr/bin/python3, where
// the python3-* packages install. "" when neither can.
inline std::string PythonWith(const std::string& module) {
  for (const std::string python : {"python3", "/usr/bin/python3"}) {
    if (RunShell(python + " -c " + ShellQuote("import " + module) + " >/dev/null 2>&1").exit_code == 0) {
      return python;
    }
  }
  return "";
}

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_EXPORT_TEST_TOOLS_H_
