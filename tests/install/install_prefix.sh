#!/usr/bin/env bash
# install_prefix.sh BUILD PREFIX: installs the built targets into a fresh PREFIX, as
# `cmake --install` does for a user (no target is rebuilt), for the other install tests.
set -euo pipefail
build=$1 prefix=$2
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/claimgraph"
