#!/usr/bin/env bash
# Client CPU per search and per inserted row (dev.milvusboot.benchmarks.cpu.CpuMain): our client (search coalescing
# off) and the official SDK, each in a JVM of its own, take turns (order rotated each round) against Milvus 2.3.5
# standalone, which the harness starts: process CPU time over each window ÷ searches (1, 4, 16 threads; 100,000 × 128,
# HNSW, top 10) or ÷ rows (1,000-row batches of 768 dims). About 8 minutes with the defaults. Writes results/cpu.md.
#   milvus-benchmarks/run-cpu.sh [--contenders ours,sdk,raw,ours-on] [--rounds 5] [--seconds 5] [--threads 1,4,16] [--rows 100000] [--insert-batches 5]
#       [--baseline-jar main-milvus-client.jar]   # adds "ours-base": another build of our client, same run
#       [--jfr ours]                              # records that contender: results/cpu-ours.jfr
# Summarise a recording: java -cp "target/classes:target/lib/*" dev.milvusboot.benchmarks.cpu.JfrSummaryMain FILE
# SKIP_BUILD=1 uses the classes and target/lib of an earlier build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xms512m -Xmx1g -cp "$here/target/classes:$here/target/lib/*" dev.milvusboot.benchmarks.cpu.CpuMain "$@"
