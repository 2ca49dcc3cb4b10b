#!/usr/bin/env bash
# `claimgraph score --distributed` under `mpirun --oversubscribe -np 3` against the single
# process (docs/distributed.md): the sample, a generated casefile, and the real data sets
# when ../shared/data is present, for every distributed method, the default score (CATD) and
# the default score with another reliability method. Answers, verdicts, counts and order
# must be identical and every output byte-identical (cmp), with
# compare_scores.py naming the first difference. Exits 77 (skipped) when
# mpirun is absent or the build has no MPI. Then the same through shards (claimgraph shard,
# score --shards): byte-identical in JSON, CSV and table, and the refusals of bad shardings.
# REAL_DATA_METHODS, when given and not empty, names the methods run on the real data sets (the sanitizer
# build gives a few: every method still runs there on the sample and the generated casefile,
# but all of them on all four data sets under AddressSanitizer take longer than the timeout).
#   distributed_test.sh CLAIMGRAPH GENERATOR SOURCE_DIR SCRATCH GENERATED_ASSERTIONS [REAL_DATA_METHODS]
set -euo pipefail
claimgraph=$1 generator=$2 source_dir=$3 scratch=$4 generated_assertions=$5
real_data_methods=${6:-"sums pooled-investment majority catd truthfinder crh 2-estimates 3-estimates semi-supervised default corroboration-sums"}
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
methods="majority, sums, average-log, investment, pooled-investment, catd, truthfinder, truthfinder-implication, crh, 2-estimates, 3-estimates, semi-supervised"
expect_refusal "claimgraph score --distributed: method 'accucopy' is not distributed (its update compares pairs of sources across every item); distributed methods: $methods" --method accucopy
expect_refusal "claimgraph score --distributed: method 'latent-truth' is not distributed (its sampler draws one fact at a time from counts that every earlier draw changed, across every item); distributed methods: $methods" --method latent-truth
expect_refusal "claimgraph score --distributed: the default score learns source trust with accucopy, which is not distributed; give --reliability with one of $methods (or priors), or --method with one of them" --reliability accucopy

# One casefile: every method given, single process against $ranks ranks.
check_casefile() {
  local name=$1 casefile=$2
  shift 2
  for method in "$@"; do
    local options=(--method "$method")
    [ "$method" = corroboration-sums ] && options=(--reliability sums)
    [ "$method" = corroboration-priors ] && options=(--reliability priors)
    [ "$method" = corroboration-truthfinder ] && options=(--reliability truthfinder)
    [ "$method" = corroboration-crh ] && options=(--reliability crh)
    [ "$method" = corroboration-semi-supervised ] && options=(--reliability semi-supervised)
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
all_methods=(majority sums average-log investment pooled-investment catd truthfinder truthfinder-implication
  crh 2-estimates 3-estimates semi-supervised default
  corroboration-sums corroboration-priors corroboration-truthfinder corroboration-crh corroboration-semi-supervised)
check_casefile sample "$sample" "${all_methods[@]}"
"$generator" --assertions "$generated_assertions" -o "$scratch/generated.json" >/dev/null
check_casefile generated "$scratch/generated.json" "${all_methods[@]}"

# Shards: `claimgraph shard --parts 3`, then `score --shards DIR` under 3 ranks, each rank
# reading only its own part; rank 0's output must be byte-identical to the single process
# on the casefile that was sharded (the single outputs of check_casefile, in JSON, reused).
check_shards() {
  local name=$1 casefile=$2 formats=$3
  shift 3
  "$claimgraph" shard "$casefile" --parts "$ranks" -o "$scratch/$name-parts" >/dev/null
  for method in "$@"; do
    local options=(--method "$method")
    [ "$method" = corroboration-sums ] && options=(--reliability sums)
    [ "$method" = corroboration-priors ] && options=(--reliability priors)
    [ "$method" = default ] && options=()
    for format in $formats; do
      local single=$scratch/$name-$method-single.$format sharded=$scratch/$name-$method-shards.$format
      [ -f "$single" ] || "$claimgraph" score "$casefile" "${options[@]}" --format "$format" -o "$single"
      mpirun --oversubscribe -np "$ranks" "$claimgraph" score --shards "$scratch/$name-parts" "${options[@]}" \
        --format "$format" -o "$sharded"
      cmp -s "$single" "$sharded" || fail "$name, $method, $format: $ranks shards are not byte-identical to the single process"
      echo "ok: $name, $method, $format: $ranks shards equal the single process"
    done
  done
}
check_shards sample "$sample" "json csv table" sums truthfinder default
check_shards sample "$sample" json majority average-log investment pooled-investment catd truthfinder-implication \
  corroboration-sums corroboration-priors
check_shards generated "$scratch/generated.json" "json csv table" default
check_shards generated "$scratch/generated.json" json sums truthfinder catd crh 3-estimates semi-supervised corroboration-sums
# The generated casefile with its claims dealt out odd after even: every question's claims
# then stand apart, so that each part's claims are many runs of the input's positions.
/usr/bin/python3 - "$scratch/generated.json" "$scratch/interleaved.json" <<'PY'
import json, sys
case = json.load(open(sys.argv[1]))
case["claims"] = case["claims"][0::2] + case["claims"][1::2]
json.dump(case, open(sys.argv[2], "w"), ensure_ascii=False)
PY
check_shards interleaved "$scratch/interleaved.json" "json table" sums default

# Refusals of --shards: exit 2 and the reason, on every rank.
expect_shard_refusal() {
  local expected=$1 np=$2
  shift 2
  local status=0
  if [ "$np" = 0 ]; then
    "$claimgraph" score "$@" -o "$scratch/refused.json" 2>"$scratch/refused.err" || status=$?
  else
    mpirun --oversubscribe -np "$np" "$claimgraph" score "$@" -o "$scratch/refused.json" 2>"$scratch/refused.err" ||
      status=$?
  fi
  [ "$status" = 2 ] || fail "score $* (-np $np) exited $status, not 2"
  grep -qxF "$expected" "$scratch/refused.err" || fail "score $* (-np $np): $(cat "$scratch/refused.err")"
  [ ! -e "$scratch/refused.json" ] || fail "score $* (-np $np) wrote its output"
  echo "ok: refused: $expected"
}
parts=$scratch/sample-parts
expect_shard_refusal "claimgraph score --shards: $parts has no part-1-of-2.json: mpirun -np 2 needs the parts of 'claimgraph shard --parts 2'" \
  2 --shards "$parts" --method sums
mkdir -p "$scratch/renamed" "$scratch/mixed"
cp "$parts/part-1-of-3.json" "$scratch/renamed/part-1-of-3.json"
cp "$parts/part-3-of-3.json" "$scratch/renamed/part-2-of-3.json"
cp "$parts/part-2-of-3.json" "$scratch/renamed/part-3-of-3.json"
expect_shard_refusal "claimgraph score --shards: $scratch/renamed/part-2-of-3.json holds part 3 of 3 (its \"shard\" field), but rank 1 of 3 reads part 2 of 3 there: shard the input again rather than renaming parts" \
  3 --shards "$scratch/renamed" --method sums
cp "$parts/part-1-of-3.json" "$parts/part-3-of-3.json" "$scratch/mixed/"
cp "$scratch/generated-parts/part-2-of-3.json" "$scratch/mixed/"
sample_hash=$(sed -n 's/.*"input_hash": "\([0-9a-f]*\)".*/\1/p' "$parts/part-1-of-3.json")
generated_hash=$(sed -n 's/.*"input_hash": "\([0-9a-f]*\)".*/\1/p' "$scratch/generated-parts/part-2-of-3.json")
expect_shard_refusal "claimgraph score --shards: $scratch/mixed/part-2-of-3.json is a part of another sharding than $scratch/mixed/part-1-of-3.json (input hash $generated_hash, not $sample_hash): shard the input again into one directory" \
  3 --shards "$scratch/mixed" --method sums
# The method refusals name the option given: --shards, not --distributed.
expect_shard_refusal "claimgraph score --shards: method 'accucopy' is not distributed (its update compares pairs of sources across every item); distributed methods: $methods" \
  3 --shards "$parts" --method accucopy
expect_shard_refusal "claimgraph score --shards: the default score learns source trust with accucopy, which is not distributed; give --reliability with one of $methods (or priors), or --method with one of them" \
  3 --shards "$parts" --reliability accucopy
expect_shard_refusal "claimgraph score: --shards DIR reads each rank's part from DIR; give no casefile besides it (see 'claimgraph score --help')" \
  0 --shards "$parts" "$sample"
expect_shard_refusal "claimgraph score --shards: --as-of is not supported with shards (the counts of what the date leaves out would be each part's own); give the casefiles with --distributed instead" \
  0 --shards "$parts" --as-of 2017-01-01

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
  # shellcheck disable=SC2086 # the list splits into one argument per method
  check_casefile "$name" "$scratch/$name.json" $real_data_methods
}
import_and_check books dafna books/EA_books_claims_pipe.txt --normalise authors
import_and_check flights-pclean flights-csv flight/pclean/flights_dirty.csv
import_and_check flights-dafna dafna flight/dafna/flight-claims-2011-12-04.txt --normalise flight-times
import_and_check emergent emergent emergent/emergent-train.csv --with-verdicts
# Emergent with its verdicts: parts without verdicts score beside parts with them.
if [ -f "$scratch/emergent.json" ]; then
  check_shards emergent "$scratch/emergent.json" json default sums
fi
echo "distributed: all equal"
