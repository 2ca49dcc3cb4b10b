#!/usr/bin/env bash
# schema_override_test.sh SOURCE PREFIX: the installed tool uses its compiled-in schema
# unless CLAIMGRAPH_SCHEMA_DIR names another folder; then it reads that folder's
# casefile.schema.json, and says so, naming the file, when it cannot.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 prefix=$2
tool=$prefix/bin/claimgraph
cp "$source_dir/samples/thaad-drills/case.json" "$scratch/case.json"
cd "$scratch"

# A schema that also requires a top-level "desk": the sample lacks one, so only this schema
# can fail it, and its error proves the file was read.
mkdir stricter
sed 's/"required": \["claimgraph"\]/"required": ["claimgraph", "desk"]/' \
  "$source_dir/schemas/casefile.schema.json" >stricter/casefile.schema.json
cmp -s stricter/casefile.schema.json "$source_dir/schemas/casefile.schema.json" &&
  fail "could not make the stricter schema: the schema's top-level \"required\" changed"

run() {  # run NAME COMMAND...: exit code, standard output and standard error into NAME.*
  local name=$1
  shift
  set +e
  "$@" >"$name.out" 2>"$name.err"
  echo $? >"$name.status"
  set -e
}

run builtin "$tool" check case.json
expect_text "exit code with the built-in schema" 0 "$(cat builtin.status)"

run stricter env CLAIMGRAPH_SCHEMA_DIR="$scratch/stricter" "$tool" check case.json
expect_text "exit code with the stricter schema" 2 "$(cat stricter.status)"
expect_text "error with the stricter schema" \
  'case.json:1:1: error: missing required field "desk" in the casefile' \
  "$(cat stricter.err)"

run missing env CLAIMGRAPH_SCHEMA_DIR="$scratch/no-such-folder" "$tool" check case.json
expect_text "exit code with a missing schema folder" 2 "$(cat missing.status)"
expect_text "error with a missing schema folder" \
  "case.json: error: cannot load the casefile schema that CLAIMGRAPH_SCHEMA_DIR names (unset it to use the built-in one): $scratch/no-such-folder/casefile.schema.json: cannot open: No such file or directory" \
  "$(cat missing.err)"
expect_text "standard output with a missing schema folder" "" "$(cat missing.out)"

mkdir broken
echo '{"definitions": ' >broken/casefile.schema.json
run broken env CLAIMGRAPH_SCHEMA_DIR="$scratch/broken" "$tool" check case.json
expect_text "exit code with a broken schema" 2 "$(cat broken.status)"
expect_text "error with a broken schema" \
  "case.json: error: the casefile schema $scratch/broken/casefile.schema.json is not valid JSON" \
  "$(cat broken.err)"

# An empty value is no override.
run empty env CLAIMGRAPH_SCHEMA_DIR= "$tool" check case.json
expect_text "exit code with CLAIMGRAPH_SCHEMA_DIR empty" 0 "$(cat empty.status)"
expect_same "output with CLAIMGRAPH_SCHEMA_DIR empty" builtin.out empty.out
echo "built-in schema used; CLAIMGRAPH_SCHEMA_DIR read, and its failures named"
