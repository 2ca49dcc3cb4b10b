# Sourced by the install tests: a scratch folder per test (CLAIMGRAPH_TEST_SCRATCH, set by
# tests/install/CMakeLists.txt), emptied first and left behind for a look after a failure,
# and checks that say what differed.
set -euo pipefail
scratch=${CLAIMGRAPH_TEST_SCRATCH:?set by tests/install/CMakeLists.txt}
rm -rf "$scratch"
mkdir -p "$scratch"
# The installed files must work without the source tree's schema: never inherit the override.
unset CLAIMGRAPH_SCHEMA_DIR

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_same WHAT EXPECTED_FILE ACTUAL_FILE
expect_same() {
  if ! cmp -s "$2" "$3"; then
    echo "FAIL: $1 differs (expected $2, actual $3):" >&2
    diff -u "$2" "$3" | head -40 >&2 || true
    exit 1
  fi
}

# expect_text WHAT EXPECTED_TEXT ACTUAL_TEXT
expect_text() {
  if [[ "$2" != "$3" ]]; then
    printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3" >&2
    exit 1
  fi
}
