#!/usr/bin/env bash
# End to end (dev.milvusboot.benchmarks.e2e.EndToEndMain): our client, the official Java SDK and pymilvus taking
# turns (A B C ...) against one real server that the harness starts itself (milvus-local): insert rows/s, search
# throughput and p50/p99 at 1, 4 and 16 threads, get-by-id latency. Each Java client runs in a JVM of its own.
#   milvus-benchmarks/run-e2e.sh --server standalone [--chart docs/benchmarks-search.png]   # Milvus 2.3.5
#   milvus-benchmarks/run-e2e.sh --server lite                                            # Milvus Lite 3.2.2
# More options: [--rows 100000] [--insert-rounds 5] [--search-rows 100000] [--rounds 5] [--threads 1,4,16]
# [--search-seconds 4] [--get-seconds 3] [--budget-minutes 12]. Writes results/e2e-<server>.md, .json and .log.
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
	dev.milvusboot.benchmarks.e2e.EndToEndMain --rounds 5 --search-seconds 4 --get-seconds 3 --budget-minutes 12 "$@"
