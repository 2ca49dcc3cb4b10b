// The one file that talks to Snowball's libstemmer: English (Porter 2) stems for grouping
// contents into claims.
#ifndef CLAIMGRAPH_EXTRACT_STEMMER_ADAPTER_H_
#define CLAIMGRAPH_EXTRACT_STEMMER_ADAPTER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace claimgraph::extract {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  // The stem of a lower-case word ("directed" -> "direct").
  std::string Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace claimgraph::extract

#endif  // CLAIMGRAPH_EXTRACT_STEMMER_ADAPTER_H_
