#!/usr/bin/env bash
# embed_files_test.sh SOURCE CXX: cmake/EmbedFilesScript.cmake (the step behind
# claimgraph_embed_files) on the files that break naive embedders: empty, every byte value,
# CMake's list and bracket characters, C++ quote and escape characters, and more than the
# 64 KiB a string literal may hold; the generated source compiles with the project's
# warnings as errors and a program linked with it reads back every file byte for byte.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 compiler=$2
cd "$scratch"
mkdir inputs
: >inputs/empty.bin
printf '%b' "$(printf '\\%03o' {0..255})" >inputs/all-bytes.bin
printf 'a;b;[c]\\"\x27\\0 ${x} @y@\n' >inputs/tricky.txt
head -c 70000 /dev/urandom >inputs/large.bin
expect_text "all-bytes.bin size" 256 "$(wc -c <inputs/all-bytes.bin)"

# Listed out of order: Files() must come back sorted by name.
cmake -DNAME=test_files \
  "-DFILES=$scratch/inputs/tricky.txt|$scratch/inputs/empty.bin|$scratch/inputs/large.bin|$scratch/inputs/all-bytes.bin" \
  "-DHEADER=$scratch/include/embedded/test_files.h" "-DSOURCE=$scratch/test_files.cpp" \
  -P "$source_dir/cmake/EmbedFilesScript.cmake"

cat >reader.cpp <<'CPP'
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "embedded/test_files.h"

int main(int argc, char** argv) {
  namespace files = claimgraph::embedded::test_files;
  for (const files::File& file : files::Files()) std::printf("%.*s\n", static_cast<int>(file.name.size()), file.name.data());
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(std::string("inputs/") + argv[i], std::ios::binary);
    const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto found = files::Find(argv[i]);
    if (!found || *found != expected || found->data()[found->size()] != '\0') {
      std::printf("%s differs\n", argv[i]);
      return 1;
    }
  }
  if (files::Find("missing.txt").has_value()) return 1;
  return 0;
}
CPP
"$compiler" -std=c++20 -Wall -Wextra -Wpedantic -Werror -I include test_files.cpp reader.cpp -o reader \
  2>compile.log || fail "the generated source does not compile: $(head -20 compile.log)"
./reader tricky.txt empty.bin large.bin all-bytes.bin >names.txt || fail "$(tail -1 names.txt)"
expect_text "Files(), by name" "all-bytes.bin empty.bin large.bin tricky.txt" "$(tr '\n' ' ' <names.txt | sed 's/ $//')"
echo "4 files embedded and read back byte for byte"
