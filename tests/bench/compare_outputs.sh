#!/usr/bin/env bash
# Usage: tests/bench/compare_outputs.sh save|compare BINARY GENERATOR DIR
#
# Saves (save) or checks byte for byte (compare) the outputs of the commands whose bytes
# must not change when the loader, the score pipeline or the writer change: score in every
# format, score --method sums|truthfinder|investment --format json, explain and render
# --format dot, on the sample, on the real data sets imported from ../shared/data (skipped
# with a message where absent) and on generated 10k and 100k casefiles. The inputs are made
# once into DIR/inputs with the BINARY and GENERATOR given to `save`; `compare` reuses them.
#   tests/bench/compare_outputs.sh save /tmp/old/claimgraph build/release/tests/bench/casefile_generator /tmp/golden
#   tests/bench/compare_outputs.sh compare build/release/claimgraph build/release/tests/bench/casefile_generator /tmp/golden
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=$1 binary=$2 generator=$3 dir=$4
data=../shared/data
mkdir -p "$dir/inputs" "$dir/outputs"

if [ "$mode" = save ]; then
  cp samples/thaad-drills/case.json "$dir/inputs/thaad.json"
  if [ -d "$data" ]; then
    "$binary" import dafna "$data/books/EA_books_claims_pipe.txt" --normalise authors -o "$dir/inputs/books.json" 2>/dev/null
    "$binary" import dafna "$data/flight/dafna/flight-claims-2011-12-04.txt" -o "$dir/inputs/flights-dafna.json" 2>/dev/null
    "$binary" import flights-csv "$data/flight/pclean/flights_dirty.csv" -o "$dir/inputs/flights-pclean.json" 2>/dev/null
    "$binary" import emergent "$data/emergent/emergent-train.csv" --with-verdicts -o "$dir/inputs/emergent.json" 2>/dev/null
  else
    echo "compare_outputs: no $data; the real data sets are skipped" >&2
  fi
  printf '{"claimgraph": "1.0"}\n' >"$dir/inputs/empty.json"
  "$generator" --assertions 10000 -o "$dir/inputs/generated-10k.json"
  "$generator" --assertions 100000 -o "$dir/inputs/generated-100k.json"
fi

status=0
# One command's output, written to a file named after it, or compared with that file.
run() {
  local name=$1
  shift
  local target="$dir/outputs/$name"
  [ "$mode" = compare ] && target="$dir/outputs/$name.new"
  local code=0
  "$binary" "$@" >"$target" 2>&1 || code=$?
  echo "exit $code" >>"$target"
  if [ "$mode" = compare ]; then
    if cmp -s "$target" "$dir/outputs/$name"; then
      rm -f "$target"
    else
      echo "DIFFERENT: $name ($*)"
      status=1
    fi
  fi
}

for input in "$dir"/inputs/*.json; do
  base=$(basename "$input" .json)
  run "$base.score" score "$input"
  run "$base.score.json" score "$input" --format json
  run "$base.score.csv" score "$input" --format csv
  for method in sums truthfinder investment; do
    run "$base.$method.json" score "$input" --method "$method" --format json
    run "$base.$method.csv" score "$input" --method "$method" --format csv
  done
  # explain the first claim the CSV lists
  claim=$("$binary" score "$input" --format csv | sed -n '2p' | cut -d, -f2)
  run "$base.explain" explain "$input" "$claim"
  run "$base.explain.json" explain "$input" "$claim" --format json
  run "$base.render.dot" render "$input" --format dot -o -
done
# The date filter's report, and output to a file (-o) rather than standard output.
for format in table json csv; do
  run "thaad.as-of.$format" score "$dir/inputs/thaad.json" --as-of 2016-06-01 --format "$format"
  rm -f "$dir/written.$format"
  "$binary" score "$dir/inputs/generated-10k.json" --format "$format" -o "$dir/written.$format"
  written="$dir/outputs/generated-10k.written.$format"
  if [ "$mode" = save ]; then
    mv "$dir/written.$format" "$written"
  elif cmp -s "$dir/written.$format" "$written"; then
    rm -f "$dir/written.$format"
  else
    echo "DIFFERENT: score -o FILE --format $format"
    status=1
  fi
done
if [ "$mode" = compare ] && [ $status -eq 0 ]; then
  echo "compare_outputs: all $(ls "$dir/outputs" | wc -l) outputs byte-identical"
fi
exit $status
