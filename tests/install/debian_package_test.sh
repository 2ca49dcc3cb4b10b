#!/usr/bin/env bash
# debian_package_test.sh SOURCE BUILD VERSION plain|sanitize: makes the Debian packages
# from this build with cpack (as scripts/package does from a Release build), checks their
# control fields and contents with dpkg-deb (and lintian where installed), unpacks them into
# a scratch root and runs the tool from there with no schema folder in the environment.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 build=$2 version=$3 kind=$4
if [[ $kind == sanitize ]]; then
  echo "skipped: a sanitizer build is not packaged (its binary needs the sanitizer runtimes); the plain build's test covers the packages"
  exit 77
fi
command -v dpkg-deb >/dev/null || { echo "skipped: dpkg-deb is not installed"; exit 77; }
architecture=$(dpkg --print-architecture)

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/packages" >"$scratch/cpack.log" 2>&1 ||
  fail "cpack failed: $(tail -20 "$scratch/cpack.log")"
tool_deb=$scratch/packages/claimgraph_${version}_${architecture}.deb
dev_deb=$scratch/packages/libclaimgraph-dev_${version}_${architecture}.deb
expect_text "the packages made" "$(basename "$tool_deb") $(basename "$dev_deb")" \
  "$(cd "$scratch/packages" && ls -- *.deb | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"

field() { dpkg-deb --field "$1" "$2"; }
expect_text "claimgraph Package" claimgraph "$(field "$tool_deb" Package)"
expect_text "claimgraph Version" "$version" "$(field "$tool_deb" Version)"
expect_text "claimgraph Section" utils "$(field "$tool_deb" Section)"
expect_text "claimgraph Architecture" "$architecture" "$(field "$tool_deb" Architecture)"
expect_text "libclaimgraph-dev Section" libdevel "$(field "$dev_deb" Section)"
# Debian's package names, with versions; dpkg-shlibdeps adds the C and C++ runtimes.
depends=$(field "$tool_deb" Depends)
for needed in "libgvc6 (>= 2.42)" "libcgraph6 (>= 2.42)" "libicu72" "libxml2 (>= 2.9)" "libstemmer0d (>= 2.2)" "libsqlite3-0 (>= 3.40)" "libcpp-httplib0.11 (>= 0.11.4)"; do
  [[ $depends == *"$needed"* ]] || fail "claimgraph's Depends lacks $needed: $depends"
done
if command -v dpkg-shlibdeps >/dev/null; then
  for runtime in "libc6 (>= " "libstdc++6 (>= "; do
    [[ $depends == *"$runtime"* ]] || fail "claimgraph's Depends lacks $runtime...): $depends"
  done
fi
expect_text "libclaimgraph-dev Depends" "libboost-dev (>= 1.74), libgraphviz-dev (>= 2.42), libicu-dev, libxml2-dev, libstemmer-dev, libsqlite3-dev, libcpp-httplib-dev (>= 0.11.4), pkg-config" \
  "$(field "$dev_deb" Depends)"
dpkg-deb --info "$tool_deb" >"$scratch/info.txt"
grep -q "^ Description: source-claim provenance graphs for fact-checkers$" "$scratch/info.txt" ||
  fail "claimgraph's description: $(grep -A2 Description "$scratch/info.txt")"

# Contents: every file owned by root, under /usr, in the package it belongs to.
contents() {
  dpkg-deb --contents "$1" >"$scratch/listing"
  if [ -n "$(awk '$2 != "root/root"' "$scratch/listing")" ]; then
    fail "$(basename "$1") has files not owned by root: $(awk '$2 != "root/root"' "$scratch/listing" | head -3)"
  fi
  awk '{print $NF}' "$scratch/listing" | grep -v '/$' | sed 's|^\./||' | LC_ALL=C sort
}
contents "$tool_deb" >"$scratch/tool-files"
contents "$dev_deb" >"$scratch/dev-files"
for file in usr/bin/claimgraph usr/share/claimgraph/casefile.schema.json \
  usr/share/bash-completion/completions/claimgraph usr/share/man/man1/claimgraph.1.gz \
  usr/share/man/man1/claimgraph-score.1.gz usr/share/doc/claimgraph/README.md; do
  grep -qx "$file" "$scratch/tool-files" || fail "claimgraph lacks /$file"
done
for file in usr/include/claimgraph/status.h usr/lib/libclaimgraph.a usr/lib/pkgconfig/claimgraph.pc \
  usr/lib/cmake/claimgraph/claimgraphConfig.cmake; do
  grep -qx "$file" "$scratch/dev-files" || fail "libclaimgraph-dev lacks /$file"
done
if grep -q '^usr/include\|^usr/lib/' "$scratch/tool-files"; then
  fail "claimgraph holds development files: $(grep '^usr/include\|^usr/lib/' "$scratch/tool-files" | head -3)"
fi
if grep -q '^usr/bin/' "$scratch/dev-files"; then fail "libclaimgraph-dev holds programs"; fi

# Installed into a scratch root: the tool runs from there, on a copy of the sample.
root=$scratch/root
dpkg-deb -x "$tool_deb" "$root"
dpkg-deb -x "$dev_deb" "$root"
# Open MPI: in the Depends exactly when the tool links it (a build with CLAIMGRAPH_MPI).
# Captured first: under pipefail, `objdump | grep -q` fails whenever grep stops reading
# before objdump has written everything (SIGPIPE), and the test then took the wrong branch.
dynamic_section=$(objdump -p "$root/usr/bin/claimgraph")
if grep -q 'NEEDED *libmpi\.' <<<"$dynamic_section"; then
  [[ $depends == *"libopenmpi3 (>= 4.1)"* ]] || fail "claimgraph links libmpi but its Depends lacks libopenmpi3 (>= 4.1): $depends"
elif [[ $depends == *libopenmpi3* ]]; then
  fail "claimgraph does not link libmpi but its Depends names libopenmpi3: $depends"
fi
cp "$source_dir/samples/thaad-drills/case.json" "$scratch/case.json"
cd "$scratch"
expect_text "claimgraph --version from the package" "claimgraph $version" "$("$root/usr/bin/claimgraph" --version)"
"$root/usr/bin/claimgraph" check case.json >check.txt 2>check.err ||
  fail "the packaged claimgraph check case.json exited $?: $(cat check.err)"
[[ $(cat check.txt) == "1 casefile valid: "* ]] || fail "the packaged claimgraph check printed: $(cat check.txt)"
expect_text "the packaged claimgraph check (standard error)" "" "$(cat check.err)"
# The .pc file finds the headers where the package put them, wherever the root is.
cflags=$(PKG_CONFIG_PATH="$root/usr/lib/pkgconfig" pkg-config --cflags claimgraph)
[[ -e $(sed 's/^-I//; s/ .*//' <<<"$cflags")/claimgraph/status.h ]] ||
  fail "pkg-config --cflags in the unpacked package gives $cflags"

if command -v lintian >/dev/null; then
  lintian --fail-on error "$tool_deb" "$dev_deb" || fail "lintian reports errors"
else
  echo "lintian: not installed, skipped (it brings in about 128 packages; 'apt-get install lintian' to run it)"
fi
echo "packages $(basename "$tool_deb") and $(basename "$dev_deb") checked and run from $root"
