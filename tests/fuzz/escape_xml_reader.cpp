#include "fuzz/escape_xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <memory>

namespace claimgraph::testing {
namespace {

struct DocumentCloser {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

std::string Text(const xmlChar* text) { return text == nullptr ? "" : reinterpret_cast<const char*>(text); }

std::string QualifiedName(const xmlNs* space, const xmlChar* name) {
  if (space != nullptr && space->prefix != nullptr) return Text(space->prefix) + ":" + Text(name);
  return Text(name);
}

// Ignores every message: ReadXml reports the first error itself, from xmlGetLastError.
void IgnoreMessage(void*, const char*, ...) {}

}  // namespace

Result<std::vector<XmlElement>> ReadXml(std::string_view text) {
  static const bool initialised = [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, IgnoreMessage);
    return true;
  }();
  (void)initialised;
  xmlResetLastError();
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocumentCloser> document(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), "document.xml", "UTF-8", options));
  const xmlError* error = xmlGetLastError();
  if (document == nullptr || (error != nullptr && error->level >= XML_ERR_ERROR)) {
    if (error == nullptr) return Status::Error("XML: the document cannot be read");
    std::string message = Text(reinterpret_cast<const xmlChar*>(error->message));
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status::Error("XML: line " + std::to_string(error->line) + ": " + message);
  }
  std::vector<XmlElement> elements;
  // Depth-first with an explicit stack of (node, depth), children pushed in reverse.
  std::vector<std::pair<xmlNode*, size_t>> pending;
  if (xmlNode* root = xmlDocGetRootElement(document.get())) pending.emplace_back(root, 0);
  while (!pending.empty()) {
    auto [node, depth] = pending.back();
    pending.pop_back();
    XmlElement element;
    element.name = QualifiedName(node->ns, node->name);
    element.depth = depth;
    for (xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      xmlChar* value = xmlNodeListGetString(document.get(), attribute->children, 1);
      element.attributes.emplace_back(QualifiedName(attribute->ns, attribute->name), Text(value));
      xmlFree(value);
    }
    // Namespace declarations are attributes to a reader of the text.
    for (xmlNs* space = node->nsDef; space != nullptr; space = space->next) {
      element.attributes.emplace_back(space->prefix == nullptr ? "xmlns" : "xmlns:" + Text(space->prefix),
                                      Text(space->href));
    }
    std::vector<xmlNode*> children;
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) children.push_back(child);
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) element.text += Text(child->content);
    }
    for (auto child = children.rbegin(); child != children.rend(); ++child) pending.emplace_back(*child, depth + 1);
    elements.push_back(std::move(element));
  }
  return elements;
}

}  // namespace claimgraph::testing
