#!/usr/bin/env bash
# Renders the sample case for the README: the provenance of its headline claim as PNG and
# SVG, and the whole graph as SVG (a PNG of it would be 1.7 MB), with corroboration scores.
#   scripts/demo-render.sh [TOOL [OUTPUT_DIR]]   (defaults: build/release/claimgraph, docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."

tool=${1:-build/release/claimgraph}
out=${2:-docs/images}
case_file=samples/thaad-drills/case.json
mkdir -p "$out"

"$tool" render "$case_file" --scores -o "$out/thaad-drills.svg"
for format in png svg; do
  "$tool" render "$case_file" --focus drill-not-aimed-at-third-party --scores \
    -o "$out/thaad-drills-focus.$format"
done
echo "Wrote $out/thaad-drills.svg and $out/thaad-drills-focus.{png,svg}"
