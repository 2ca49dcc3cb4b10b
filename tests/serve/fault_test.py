#!/usr/bin/python3
"""serve.fault: `claimgraph serve` killed with SIGKILL during a stream of writes.

Builds a store from the sample (store_fixture), serves it, and posts one new claim after
another from two threads; once ten are acknowledged, and 0.3 s later, the server is killed with
SIGKILL (writes in flight). Then the store
must open (and export to a casefile that `claimgraph query` loads), pass SQLite's `PRAGMA integrity_check`, and hold
every claim whose POST was answered 201 before the kill.

Usage: fault_test.py --binary claimgraph --fixture store_fixture --source-dir .
"""
import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

TOKEN = "fault-test-token-0123456789"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--source-dir", required=True)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="claimgraph-fault-")
    try:
        desk = os.path.join(scratch, "desk.db")
        subprocess.run([args.fixture, desk, os.path.join(args.source_dir, "samples/thaad-drills/case.json")], check=True)
        tokens = os.path.join(scratch, "tokens.txt")
        with open(tokens, "w") as handle:
            handle.write("fault " + TOKEN + "\n")
        os.chmod(tokens, 0o600)
        server = subprocess.Popen([args.binary, "serve", desk, "--listen", "127.0.0.1:0", "--tokens", tokens],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", server.stdout.readline())
        if not match:
            fail("serve did not start")
        base = match.group(1)
        acknowledged, errors = [], []
        stop = threading.Event()

        def writer(name):
            number = 0
            while not stop.is_set():
                number += 1
                claim = "fault-%s-%d" % (name, number)
                body = json.dumps({"claims": [{"id": claim, "text": "Claim " + claim}]}).encode()
                request = urllib.request.Request(base + "/api/records", data=body, method="POST", headers={
                    "Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
                try:
                    with urllib.request.urlopen(request, timeout=5) as response:
                        if response.status == 201:
                            acknowledged.append(claim)
                except urllib.error.HTTPError as error:
                    errors.append("%s: HTTP %d %s" % (claim, error.code, error.read()[:200]))
                except (urllib.error.URLError, ConnectionError, OSError):
                    return  # the server is gone

        threads = [threading.Thread(target=writer, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        # Kill once the stream is well under way, not after a fixed time: under the sanitizers
        # a write takes ten times as long, and a fixed 1.5 s saw only 4 of them.
        deadline = time.monotonic() + 60
        while len(acknowledged) < 10 and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.05)
        time.sleep(0.3)  # mid-stream: writes are in flight when the signal lands
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        for thread in threads:
            thread.join()
        if errors:
            fail("writes were refused before the kill: " + "; ".join(errors[:3]))
        if len(acknowledged) < 5:
            fail("only %d writes were acknowledged before the kill" % len(acknowledged))

        connection = sqlite3.connect(desk)
        check = connection.execute("PRAGMA integrity_check").fetchall()
        connection.close()
        if check != [("ok",)]:
            fail("PRAGMA integrity_check: %r" % (check,))
        exported = os.path.join(scratch, "exported.json")
        with open(exported, "w") as handle:
            opened = subprocess.run([args.fixture, "--export", desk], stdout=handle, stderr=subprocess.PIPE, text=True)
        if opened.returncode != 0:
            fail("the store does not open after the kill: " + opened.stderr)
        scored = subprocess.run([args.binary, "query", exported, "claims", "--format", "json"],
                                capture_output=True, text=True)
        if scored.returncode != 0:
            fail("the store does not load after the kill: " + scored.stderr)
        ids = {row["claim"] for row in json.loads(scored.stdout)}
        missing = [claim for claim in acknowledged if claim not in ids]
        if missing:
            fail("%d acknowledged writes are missing, e.g. %s" % (len(missing), missing[:3]))
        print("serve.fault: %d writes acknowledged before SIGKILL, all present; integrity_check ok" % len(acknowledged))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def fail(what):
    print("serve.fault: failed: " + what)
    sys.exit(1)


if __name__ == "__main__":
    main()
