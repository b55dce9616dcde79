#!/usr/bin/env python3
"""Prints the probe results (JSON lines from probe.py) as one markdown table: feature x server.

Usage: python table.py results/lite-3.2.2.jsonl results/lite-2.5.1.jsonl results/standalone-2.3.5.jsonl
"""

import json
import sys


def cell(row, width=90):
    status = row["status"]
    if status == "yes":
        return "yes (probe)"
    text = row.get("answer") or row.get("detail") or ""
    text = " ".join(str(text).split()).replace("|", "\\|")
    if len(text) > width:
        text = text[:width] + "…"
    return f"{status}: {text}"


def main(paths):
    servers, features, results = [], [], {}
    for path in paths:
        with open(path) as f:
            for line in f:
                row = json.loads(line)
                if row["server"] not in servers:
                    servers.append(row["server"])
                if row["feature"] not in features:
                    features.append(row["feature"])
                results[(row["feature"], row["server"])] = row
    print("| feature | " + " | ".join(servers) + " |")
    print("|---" * (len(servers) + 1) + "|")
    for feature in features:
        cells = [cell(results[(feature, s)]) if (feature, s) in results else "not run" for s in servers]
        print(f"| {feature} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
