#!/usr/bin/env bash
# contents_test.sh SOURCE PREFIX MAN_DIR BUILD_TYPE: the installed tree holds exactly the files
# cmake/ClaimgraphInstall.cmake promises, each equal to its source, and the installed tool
# works from a folder outside the source tree with no schema folder in the environment.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 prefix=$2 man_dir=$3 build_type=${4,,}
tool=$prefix/bin/claimgraph

# The list of files an install must give, built from the sources rather than written down,
# so that a new header or command is expected without editing this test.
expected=$scratch/expected.txt actual=$scratch/actual.txt
{
  echo bin/claimgraph
  for header in "$source_dir"/engine/include/claimgraph/*.h; do
    echo "include/claimgraph/$(basename "$header")"
  done
  echo lib/libclaimgraph.a
  for file in claimgraphConfig.cmake claimgraphConfigVersion.cmake claimgraphTargets.cmake \
    "claimgraphTargets-$build_type.cmake"; do
    echo "lib/cmake/claimgraph/$file"
  done
  echo lib/pkgconfig/claimgraph.pc
  echo share/bash-completion/completions/claimgraph
  echo share/claimgraph/casefile.schema.json
  echo share/doc/claimgraph/README.md
  echo share/doc/claimgraph/library.md
  echo share/man/man1/claimgraph.1.gz
  "$tool" --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\)  .*/\1/p' |
    while read -r command; do echo "share/man/man1/claimgraph-$command.1.gz"; done
} | LC_ALL=C sort >"$expected"
(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort) >"$actual"
expect_same "the list of installed files" "$expected" "$actual"

for header in "$source_dir"/engine/include/claimgraph/*.h; do
  expect_same "installed $(basename "$header")" "$header" "$prefix/include/claimgraph/$(basename "$header")"
done
expect_same "installed schema" "$source_dir/schemas/casefile.schema.json" \
  "$prefix/share/claimgraph/casefile.schema.json"
expect_same "installed bash completion" "$source_dir/scripts/completion/claimgraph" \
  "$prefix/share/bash-completion/completions/claimgraph"
for page in "$prefix"/share/man/man1/*.1.gz; do
  gzip -dc "$page" >"$scratch/page"
  expect_same "installed $(basename "$page")" "$man_dir/$(basename "$page" .gz)" "$scratch/page"
done

# The library holds every engine layer but the command line, and the compiled-in schema.
ar t "$prefix/lib/libclaimgraph.a" >"$scratch/members"
for member in casefile_schema.cpp.o embedded_casefile_schema.cpp.o corroboration.cpp.o \
  graphviz_adapter.cpp.o prov_json_export.cpp.o claim_queries.cpp.o graph.cpp.o; do
  grep -qx "$member" "$scratch/members" || fail "libclaimgraph.a has no $member"
done
if grep -qx app.cpp.o "$scratch/members"; then fail "libclaimgraph.a holds the command line (app.cpp.o)"; fi

# The tool names no path into the source tree's schema folder: the schema is compiled in.
if grep -qF "$source_dir/schemas" "$tool"; then
  fail "$tool names $source_dir/schemas; the schema should be compiled in"
fi

# From a folder outside the tree, on a copy of the sample: the same answers as the sources'.
cp "$source_dir/samples/thaad-drills/case.json" "$scratch/case.json"
cd "$scratch"
"$tool" --version >version.txt
expect_text "claimgraph --version" "claimgraph $(sed -n 's/^project(claimgraph VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")" "$(cat version.txt)"
"$tool" check case.json >check.txt 2>check.err || fail "claimgraph check case.json exited $?: $(cat check.err)"
[[ $(cat check.txt) == "1 casefile valid: "* ]] || fail "claimgraph check case.json printed: $(cat check.txt)"
expect_text "claimgraph check case.json (standard error)" "" "$(cat check.err)"
CLAIMGRAPH_SCHEMA_DIR=$source_dir/schemas "$tool" check case.json >check-file-schema.txt
expect_same "check with the built-in schema and with schemas/ read from the file" \
  check-file-schema.txt check.txt
echo "installed files: $(wc -l <"$actual"), all as expected"
