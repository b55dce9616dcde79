#!/usr/bin/env bash
# Fair start-up (dev.milvusboot.benchmarks.startup.StartupComparisonMain): time from a fresh JVM's start to the first
# successful call (listCollections), our client vs the official SDK, fresh JVMs taking turns, against Milvus 2.3.5
# standalone started by the harness. With --boot-lib target/footprint/starter/lib (after run-footprint.sh) also a
# Spring Boot application with our starter. About 1 minute for 10 runs each.
# Options: [--runs 10] [--server standalone|URI] [--boot-lib DIR]. Writes results/startup-first-call.md and .json.
# SKIP_BUILD=1 uses the classes and target/lib of an earlier build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xmx512m -cp "$here/target/classes:$here/target/lib/*" \
	dev.milvusboot.benchmarks.startup.StartupComparisonMain --results "$here/results" "$@"
