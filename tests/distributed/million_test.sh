#!/usr/bin/env bash
# Issue 11's MPI goal at scale: `claimgraph score --distributed` under `mpirun --oversubscribe
# -np 3` against the single process on the generated casefile of a million assertions
# (250,000 sources, 125,000 claims), for Sums, TruthFinder and the default score. Every
# output must be byte-identical (cmp). The smaller casefiles and the real data sets are in
# distributed_test.sh; this one is apart because it takes minutes, and is skipped (77) in
# the sanitizer build, where it would take most of an hour.
#   million_test.sh CLAIMGRAPH GENERATOR SCRATCH ASSERTIONS [--skip REASON]
set -euo pipefail
claimgraph=$1 generator=$2 scratch=$3 assertions=$4
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "${5:-}" = --skip ]; then
  echo "skipped: $6"
  exit 77
fi
if ! command -v mpirun >/dev/null; then
  echo "skipped: mpirun is absent (Debian: openmpi-bin)"
  exit 77
fi
rm -rf "$scratch"
mkdir -p "$scratch"
trap 'rm -rf "$scratch"' EXIT  # 170 MB of casefile and 80 MB an output
probe=$("$claimgraph" score --distributed /dev/null --method sums 2>&1 >/dev/null || true)
if [[ $probe == *"built without MPI"* ]]; then
  echo "skipped: this claimgraph was built without MPI (CLAIMGRAPH_MPI=OFF)"
  exit 77
fi
"$generator" --assertions "$assertions" -o "$scratch/generated.json"
for method in sums truthfinder default; do
  options=(--method "$method")
  [ "$method" = default ] && options=()
  "$claimgraph" score "$scratch/generated.json" "${options[@]}" --format json -o "$scratch/single.json"
  mpirun --oversubscribe -np 3 "$claimgraph" score --distributed "$scratch/generated.json" "${options[@]}" \
    --format json -o "$scratch/ranks.json"
  [ -s "$scratch/single.json" ] || fail "$method: the single process wrote nothing"
  cmp "$scratch/single.json" "$scratch/ranks.json" ||
    fail "$method: 3 ranks are not byte-identical to the single process on $assertions assertions"
  echo "ok: $method: 3 ranks equal the single process, byte for byte, on $assertions assertions ($(stat -c %s "$scratch/single.json") bytes)"
  rm -f "$scratch/single.json" "$scratch/ranks.json"
done
echo "distributed at a million: all equal"
