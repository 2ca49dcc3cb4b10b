#!/usr/bin/env bash
# headers_test.sh SOURCE PREFIX CXX: every installed public header compiles alone, twice
# over (include guards), against PREFIX/include and the system's headers only, with the
# project's warnings as errors; and includes no header of engine/<layer>/, which is not
# installed.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 prefix=$2 compiler=$3
count=0
for header in "$prefix"/include/claimgraph/*.h; do
  name=claimgraph/$(basename "$header")
  # Quoted includes must name other public headers; anything else is an internal header.
  while read -r included; do
    [[ $included == claimgraph/* && -e $prefix/include/$included ]] ||
      fail "$name includes \"$included\", which is not an installed public header"
  done < <(sed -n 's/^#include "\(.*\)".*/\1/p' "$header")
  printf '#include <%s>\n#include <%s>\nint main() { return 0; }\n' "$name" "$name" >"$scratch/alone.cpp"
  "$compiler" -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$prefix/include" \
    "$scratch/alone.cpp" 2>"$scratch/compile.log" ||
    fail "$name does not compile alone: $(head -20 "$scratch/compile.log")"
  count=$((count + 1))
done
expected=$(find "$source_dir/engine/include/claimgraph" -name '*.h' | wc -l)
expect_text "public headers compiled" "$expected" "$count"
echo "$count public headers compile alone against $prefix/include"
