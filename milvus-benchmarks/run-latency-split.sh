#!/usr/bin/env bash
# Where a search's time goes (dev.milvusboot.benchmarks.e2e.LatencySplitMain): our client, the official SDK and a raw
# grpc-java floor (the request bytes our client sends, encoded in advance, the answer not decoded), each in a JVM of
# its own, take turns searching a loaded 100,000 × 128 HNSW collection on Milvus 2.3.5 standalone (started by the
# harness) while Milvus' own latency histograms (/metrics) and the client's CPU are read around each window.
# About 4 minutes. Writes results/latency-split.md.
#   milvus-benchmarks/run-latency-split.sh [--threads 1] [--seconds 4] [--rounds 10] [--rows 100000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xms1g -Xmx1g -cp "$here/target/classes:$here/target/lib/*" \
	dev.milvusboot.benchmarks.e2e.LatencySplitMain "$@"
