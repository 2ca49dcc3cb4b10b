#!/usr/bin/python3
"""Compares two `claimgraph score --format json` outputs: equal but for the numbers.

A distributed run adds the ranks' partial sums in rank order, not in the single process's
order, so its scores, beliefs and trusts may differ in the last bits; everything else
(claims, order, verdicts, counts, iterations, convergence) must be identical. Usage:
compare_scores.py EXPECTED ACTUAL [TOLERANCE]; prints the first difference, exits 1 on one.
"""
import json
import sys


def differences(expected, actual, tolerance, where):
    if isinstance(expected, bool) or isinstance(actual, bool):
        if expected is not actual:
            yield f"{where}: {expected!r} != {actual!r}"
    elif isinstance(expected, float) or isinstance(actual, float):
        if not isinstance(actual, (int, float)) or not isinstance(expected, (int, float)):
            yield f"{where}: {expected!r} != {actual!r}"
        elif abs(expected - actual) > tolerance:
            yield f"{where}: {expected!r} and {actual!r} differ by {abs(expected - actual):.3g} > {tolerance:g}"
    elif isinstance(expected, dict) and isinstance(actual, dict):
        if list(expected) != list(actual):
            yield f"{where}: keys {list(expected)} != {list(actual)}"
            return
        for key in expected:
            yield from differences(expected[key], actual[key], tolerance, f"{where}/{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            yield f"{where}: {len(expected)} entries != {len(actual)}"
            return
        for index, (left, right) in enumerate(zip(expected, actual)):
            yield from differences(left, right, tolerance, f"{where}/{index}")
    elif expected != actual:
        yield f"{where}: {expected!r} != {actual!r}"


def main():
    expected_path, actual_path = sys.argv[1], sys.argv[2]
    tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-12
    with open(expected_path, encoding="utf-8") as file:
        expected = json.load(file)
    with open(actual_path, encoding="utf-8") as file:
        actual = json.load(file)
    for difference in differences(expected, actual, tolerance, ""):
        print(f"{actual_path} differs from {expected_path} at {difference}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
