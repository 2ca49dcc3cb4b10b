#!/usr/bin/env bash
# Usage: tests/bench/serve_wrk.sh BUILD [ASSERTIONS [SECONDS]]   (default 100000 assertions, 10 s)
#
# The desk under load (issue 10), loopback only, bounded in time: a store of ASSERTIONS
# generated assertions (casefile_generator, fixed seed; tests/serve/store_fixture), served by
# BUILD/claimgraph serve, then
#   1. wrk against GET /api/claims for SECONDS (2 threads, 16 connections): requests per
#      second and latency percentiles; goal 5,000 requests/s and p99 under 20 ms;
#   2. the same during a stream of writes (one new claim after another, POST /api/records):
#      no read or write may fail, and every acknowledged write must be there afterwards.
# Called by scripts/bench. Exits non-zero when a request fails or a write is lost; the
# throughput goals are reported, not enforced (the machine is shared).
set -euo pipefail
build=${1:?usage: serve_wrk.sh BUILD [ASSERTIONS [SECONDS]]}
assertions=${2:-100000}
seconds=${3:-10}
command -v wrk >/dev/null || { echo "serve_wrk: wrk is not installed (apt-get install wrk)"; exit 1; }
scratch=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
"$build/tests/bench/casefile_generator" --assertions "$assertions" -o "$scratch/case.json"
"$build/tests/store_fixture" "$scratch/desk.db" "$scratch/case.json"
echo "bench bench-token-0123456789" >"$scratch/tokens.txt"
chmod 600 "$scratch/tokens.txt"
"$build/claimgraph" serve "$scratch/desk.db" --listen 127.0.0.1:0 --tokens "$scratch/tokens.txt" \
  >"$scratch/serve.out" 2>"$scratch/serve.err" &
server=$!
for _ in $(seq 1 600); do grep -q listening "$scratch/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -n 's|.*listening on \(http://127.0.0.1:[0-9]*\)/.*|\1|p' "$scratch/serve.out")
[ -n "$base" ] || { echo "serve_wrk: serve did not start"; cat "$scratch/serve.err"; exit 1; }
echo "== serve_wrk: $assertions assertions, $(curl -s "$base/api/claims?limit=0" | sed 's/.*"total":\([0-9]*\).*/\1/') claims; load: $(uptime)"

echo "== GET /api/claims (first page of 100), ${seconds} s, 2 threads, 16 connections"
wrk -t2 -c16 -d"${seconds}s" --latency "$base/api/claims" | tee "$scratch/reads.txt"
grep -q "Non-2xx" "$scratch/reads.txt" && { echo "serve_wrk: failed reads"; exit 1; }

echo "== the same during a stream of writes"
/usr/bin/python3 - "$base" "$seconds" "$scratch/acknowledged.txt" <<'PYTHON' &
import json, sys, time, urllib.request
base, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
acknowledged, number, end = [], 0, time.time() + seconds
while time.time() < end:
    number += 1
    body = json.dumps({"claims": [{"id": "bench-write-%d" % number, "text": "Written under load %d" % number}]}).encode()
    request = urllib.request.Request(base + "/api/records", data=body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer bench-token-0123456789"})
    with urllib.request.urlopen(request, timeout=30) as response:  # an error ends the script non-zero
        if response.status != 201: sys.exit("write answered %d" % response.status)
    acknowledged.append("bench-write-%d" % number)
open(out, "w").write("\n".join(acknowledged) + "\n")
PYTHON
writer=$!
wrk -t2 -c16 -d"${seconds}s" --latency "$base/api/claims" | tee "$scratch/mixed.txt"
wait "$writer" || { echo "serve_wrk: a write failed"; exit 1; }
grep -q "Non-2xx" "$scratch/mixed.txt" && { echo "serve_wrk: failed reads during writes"; exit 1; }
missing=0
while read -r id; do
  [ -z "$id" ] && continue
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/records/$id")
  [ "$status" = 200 ] || { echo "serve_wrk: acknowledged write $id is missing ($status)"; missing=$((missing + 1)); }
done <"$scratch/acknowledged.txt"
echo "== serve_wrk: $(grep -c . "$scratch/acknowledged.txt") writes acknowledged during the reads, $missing missing"
[ "$missing" = 0 ]
