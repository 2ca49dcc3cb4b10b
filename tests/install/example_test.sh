#!/usr/bin/env bash
# example_test.sh SOURCE PREFIX CXX MAKE_PROGRAM: builds examples/ against the installed
# package in PREFIX twice, as embedding programs do (find_package(claimgraph), then
# pkg-config), runs both on the sample, and checks their scores and SVG against what the
# installed tool prints for the same casefile and claim.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 prefix=$2 compiler=$3 make_program=$4
casefile=$source_dir/samples/thaad-drills/case.json
claim=drill-not-aimed-at-third-party

# CMake: only PREFIX on the search path, so the build cannot find the source tree's files.
cmake -S "$source_dir/examples" -B "$scratch/cmake-build" -G Ninja \
  -DCMAKE_MAKE_PROGRAM="$make_program" -DCMAKE_CXX_COMPILER="$compiler" \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/configure.log" 2>&1 ||
  fail "configuring examples/ against $prefix: $(tail -20 "$scratch/configure.log")"
found=$(sed -n 's/^claimgraph_DIR:PATH=//p' "$scratch/cmake-build/CMakeCache.txt")
expect_text "the claimgraph package CMake found" "$prefix/lib/cmake/claimgraph" "$found"
cmake --build "$scratch/cmake-build" >"$scratch/build.log" 2>&1 ||
  fail "building examples/: $(tail -20 "$scratch/build.log")"

# pkg-config: the compile and link lines of claimgraph.pc alone.
flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs claimgraph) ||
  fail "pkg-config --cflags --libs claimgraph failed"
# shellcheck disable=SC2086 # the flags are words
"$compiler" -std=c++20 -o "$scratch/score_and_render_pc" "$source_dir/examples/score_and_render.cpp" \
  $flags 2>"$scratch/pkg-config-build.log" ||
  fail "building with pkg-config ($flags): $(tail -20 "$scratch/pkg-config-build.log")"

# What the tool says about the same casefile: the claim rows of `score --format csv`
# (kind,id,question,value,score,belief,verdict,...: id, score to 4 decimals as the example
# prints it, verdict) and the SVG of `render --focus`.
cd "$scratch"
"$prefix/bin/claimgraph" score "$casefile" --format csv |
  awk -F, '$1 == "claim" { printf "%s,%.4f,%s\n", $2, $5, $7 }' >expected-scores.txt
[[ $(wc -l <expected-scores.txt) -gt 5 ]] || fail "claimgraph score printed too few claims"
"$prefix/bin/claimgraph" render "$casefile" --focus "$claim" -o expected.svg

for program in cmake-build/score_and_render score_and_render_pc; do
  rm -f actual.svg
  "./$program" "$casefile" "$claim" actual.svg >actual-scores.txt 2>program.err ||
    fail "$program exited $?: $(cat program.err)"
  expect_same "$program's scores" expected-scores.txt actual-scores.txt
  expect_same "$program's SVG of $claim" expected.svg actual.svg
done

# Bad input through the library: the loader's diagnostics and exit code 2, no output file.
printf '{"claimgraph": "1.0", "claims": [{"id": "c", "txt": "x"}]}\n' >bad.json
set +e
./cmake-build/score_and_render bad.json c bad.svg >bad.out 2>bad.err
status=$?
set -e
expect_text "exit code on a bad casefile" 2 "$status"
expect_text "the error on a bad casefile" \
  'bad.json:1:46: error: /claims/0/txt: "txt" is not a field of a claim; did you mean "text"?' \
  "$(cat bad.err)"
expect_text "the standard output on a bad casefile" "" "$(cat bad.out)"
[[ ! -e bad.svg ]] || fail "score_and_render wrote bad.svg for a bad casefile"
echo "examples/ built with CMake and with pkg-config; $(wc -l <expected-scores.txt) claims and the SVG match the tool"
