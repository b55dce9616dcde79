#!/usr/bin/env bash
# Builds our client and this module, then runs every JMH microbenchmark (ours vs io.milvus:milvus-sdk-java: its v2
# API, and for inserts also its v1 column-based path) in one JMH run with -prof gc: 3 forks × (4 × 1 s warm-up,
# 6 × 1 s measurement), realistic sizes (1,000-row insert, 1 × top-10 search) beside the large ones. Writes
# results/jmh-result.json and results/jmh-result.md (ours/SDK ratios, error/mean of each pair).
# Extra arguments go to JMH and override the defaults, e.g. `./run-jmh.sh -f 1 -wi 1 -i 1 SearchEncode` for a quick
# look. The full run takes about 15 minutes on 2 cores. SKIP_BUILD=1 uses an earlier build; BENCHMARKS_RESULTS=DIR
# writes the results elsewhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
results="${BENCHMARKS_RESULTS:-$here/results}"
mkdir -p "$results"
exec java -cp "$here/target/classes:$here/target/lib/*" \
	-Dbenchmarks.results="$results" \
	dev.milvusboot.benchmarks.jmh.BenchmarkMain "$@"
