#!/usr/bin/env bash
# Builds our client and this module, then runs every JMH microbenchmark (ours vs io.milvus:milvus-sdk-java) in one
# JMH run with -prof gc. Writes results/jmh-result.json and results/jmh-result.md (table with ours/theirs ratios).
# Extra arguments go to JMH and override the defaults, e.g. `./run-jmh.sh -wi 1 -i 1 SearchEncode` for a quick look.
# The full run takes about 5 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
# Jars are copied to target/lib so that a rebuild of milvus-client by someone else cannot pull them away mid-run.
rm -rf "$here/target/lib"
build() {
	./mvnw -B -q "$@" package dependency:copy-dependencies \
		-Dmaven.test.skip=true -DoutputDirectory=target/lib -DincludeScope=runtime
}
# milvus-local (a test dependency of milvus-client) may be mid-change: fall back to the installed one.
build -pl milvus-benchmarks -am >/dev/null 2>&1 || build -pl milvus-client,milvus-benchmarks
mkdir -p "$here/results"
exec java -cp "$here/target/classes:$here/target/lib/*" \
	-Dbenchmarks.results="$here/results" \
	dev.milvusboot.benchmarks.jmh.BenchmarkMain "$@"
