#!/usr/bin/env bash
# `claimgraph score --distributed` under `mpirun --oversubscribe -np 3` against the single
# process (docs/distributed.md): the sample, a generated casefile, and the real data sets
# when ../shared/data is present, for every distributed method, the default score (CATD) and
# the default score with another reliability method. Answers, verdicts, counts and order
# must be identical and every output byte-identical (cmp), with
# compare_scores.py naming the first difference. Exits 77 (skipped) when
# mpirun is absent or the build has no MPI.
#   distributed_test.sh CLAIMGRAPH GENERATOR SOURCE_DIR SCRATCH GENERATED_ASSERTIONS
set -euo pipefail
claimgraph=$1 generator=$2 source_dir=$3 scratch=$4 generated_assertions=$5
compare=(/usr/bin/python3 "$source_dir/tests/distributed/compare_scores.py")
ranks=3
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! command -v mpirun >/dev/null; then
  echo "skipped: mpirun is absent (Debian: openmpi-bin)"
  exit 77
fi
sample=$source_dir/samples/thaad-drills/case.json
probe=$("$claimgraph" score --distributed "$sample" --method sums 2>&1 >/dev/null || true)
if [[ $probe == *"built without MPI"* ]]; then
  echo "skipped: this claimgraph was built without MPI (CLAIMGRAPH_MPI=OFF)"
  exit 77
fi
rm -rf "$scratch"
mkdir -p "$scratch"

# Refusals: exit 2, the reason, nothing written, before MPI starts (so without mpirun).
expect_refusal() {
  local expected=$1
  shift
  local status=0
  "$claimgraph" score --distributed "$sample" "$@" -o "$scratch/refused.json" 2>"$scratch/refused.err" || status=$?
  [ "$status" = 2 ] || fail "score --distributed $* exited $status, not 2"
  [ "$(cat "$scratch/refused.err")" = "$expected" ] || fail "score --distributed $*: $(cat "$scratch/refused.err")"
  [ ! -e "$scratch/refused.json" ] || fail "score --distributed $* wrote its output"
}
methods="majority, sums, average-log, investment, pooled-investment, catd, truthfinder, truthfinder-implication"
expect_refusal "claimgraph score --distributed: method 'accucopy' is not distributed (its update compares pairs of sources across every item); distributed methods: $methods" --method accucopy
expect_refusal "claimgraph score --distributed: method '3-estimates' is not distributed (its update has not been split into per-source sums yet); distributed methods: $methods" --method 3-estimates
expect_refusal "claimgraph score --distributed: method 'crh' is not distributed (its update has not been split into per-source sums yet); distributed methods: $methods" --method crh
expect_refusal "claimgraph score --distributed: the default score learns source trust with crh, which is not distributed; give --reliability with one of $methods (or priors), or --method with one of them" --reliability crh

# One casefile: every method given, single process against $ranks ranks.
check_casefile() {
  local name=$1 casefile=$2
  shift 2
  for method in "$@"; do
    local options=(--method "$method")
    [ "$method" = corroboration-sums ] && options=(--reliability sums)
    [ "$method" = corroboration-priors ] && options=(--reliability priors)
    [ "$method" = corroboration-truthfinder ] && options=(--reliability truthfinder)
    [ "$method" = default ] && options=()
    "$claimgraph" score "$casefile" "${options[@]}" --format json -o "$scratch/$name-$method-single.json"
    mpirun --oversubscribe -np "$ranks" "$claimgraph" score --distributed "$casefile" "${options[@]}" \
      --format json -o "$scratch/$name-$method-ranks.json"
    "${compare[@]}" "$scratch/$name-$method-single.json" "$scratch/$name-$method-ranks.json" ||
      fail "$name, $method: $ranks ranks differ from the single process"
    # Every per-source sum adds the single process's terms in its order (integer sums, or
    # sums chained rank after rank): the output must be byte-identical, not only within 1e-12.
    cmp -s "$scratch/$name-$method-single.json" "$scratch/$name-$method-ranks.json" ||
      fail "$name, $method: $ranks ranks are not byte-identical to the single process"
    echo "ok: $name, $method: $ranks ranks equal the single process"
  done
}
all_methods=(majority sums average-log investment pooled-investment catd truthfinder truthfinder-implication default
  corroboration-sums corroboration-priors corroboration-truthfinder)
check_casefile sample "$sample" "${all_methods[@]}"
"$generator" --assertions "$generated_assertions" -o "$scratch/generated.json" >/dev/null
check_casefile generated "$scratch/generated.json" "${all_methods[@]}"

# The real data sets, imported as scripts/eval and tests/score_threads_test.cpp do.
data=$source_dir/../shared/data
import_and_check() {
  local name=$1 format=$2 file=$3
  shift 3
  if [ ! -f "$data/$file" ]; then
    echo "skipped: $data/$file is absent"
    return
  fi
  "$claimgraph" import "$format" "$data/$file" -o "$scratch/$name.json" "$@" 2>/dev/null
  check_casefile "$name" "$scratch/$name.json" sums pooled-investment majority catd truthfinder default corroboration-sums
}
import_and_check books dafna books/EA_books_claims_pipe.txt --normalise authors
import_and_check flights-pclean flights-csv flight/pclean/flights_dirty.csv
import_and_check flights-dafna dafna flight/dafna/flight-claims-2011-12-04.txt --normalise flight-times
import_and_check emergent emergent emergent/emergent-train.csv --with-verdicts
echo "distributed: all equal"
