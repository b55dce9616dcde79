#!/usr/bin/env bash
# Fair end to end (dev.milvusboot.benchmarks.e2e.EndToEndMain): our client (defaults; coalescing off; off with one
# connection), the official Java SDK (one shared client; a client per thread; batching its own queries) and pymilvus
# (plain; batching) taking turns, the order rotated in every round, against one real server that the harness starts
# itself (milvus-local): insert rows/s and client CPU per row, search throughput, p50/p99, client and server CPU per
# search at 1, 4 and 16 threads, get-by-id latency. Each contender runs in a process of its own. About 18 minutes.
#   milvus-benchmarks/run-e2e.sh --server standalone [--chart docs/benchmarks-search.png]   # Milvus 2.3.5
#   milvus-benchmarks/run-e2e.sh --server lite                                            # Milvus Lite 3.2.2
# More options: [--contenders ours,ours-off,ours-off-1c,SDK,SDK-per-thread,SDK-batch,pymilvus,pymilvus-batch]
# [--rows 100000] [--insert-rounds 5] [--insert-warmup-batches 5] [--search-rows 100000] [--rounds 5]
# [--threads 1,4,16] [--batch auto|N] [--warmup-seconds 5] [--search-seconds 6] [--get-seconds 3]
# [--budget-minutes 30]. Writes results/e2e-<server>.md, .json and .log.
# SKIP_BUILD=1 uses the classes and target/lib of an earlier build (run-all.sh builds once).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xms2g -Xmx2g -Djava.awt.headless=true -cp "$here/target/classes:$here/target/lib/*" \
	dev.milvusboot.benchmarks.e2e.EndToEndMain --rounds 5 --warmup-seconds 5 --search-seconds 6 --get-seconds 3 \
	--budget-minutes 30 "$@"
