#!/usr/bin/env bash
# Builds our client and this module, then runs every JMH microbenchmark (ours vs io.milvus:milvus-sdk-java) in one
# JMH run with -prof gc. Writes results/jmh-result.json and results/jmh-result.md (table with ours/theirs ratios).
# Extra arguments go to JMH and override the defaults, e.g. `./run-jmh.sh -wi 1 -i 1 SearchEncode` for a quick look.
# The full run takes about 5 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
./mvnw -B -q -pl milvus-benchmarks -am package dependency:build-classpath \
	-Dmaven.test.skip=true -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
mkdir -p "$here/results"
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
	-Dbenchmarks.results="$here/results" \
	dev.milvusboot.benchmarks.jmh.BenchmarkMain "$@"
