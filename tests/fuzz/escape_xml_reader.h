// The one file that talks to libxml2, and only the tests use it: a real XML parser to read
// back what the SVG, GraphML and GEXF writers wrote, so that a test fails on a document no
// browser or graph tool would read, and can list every element and attribute in it.
#ifndef CLAIMGRAPH_TESTS_FUZZ_ESCAPE_XML_READER_H_
#define CLAIMGRAPH_TESTS_FUZZ_ESCAPE_XML_READER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::testing {

// One element, in document order. Names carry their namespace prefix ("xlink:href").
struct XmlElement {
  std::string name;
  size_t depth = 0;  // the root element is at depth 0
  std::vector<std::pair<std::string, std::string>> attributes;  // name, value as parsed
  std::string text;  // the element's own text and CDATA children, concatenated
};

// Parses `text` as a whole XML 1.0 document: no network, no external DTD, no entities but
// XML's own. Fails with libxml2's first error ("line 3: ...") on any error, well-formedness
// and namespace errors alike (warnings pass).
Result<std::vector<XmlElement>> ReadXml(std::string_view text);

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_FUZZ_ESCAPE_XML_READER_H_
