#!/usr/bin/env bash
# Builds our client and this module, then runs the end-to-end comparison (ours vs io.milvus:milvus-sdk-java, taking
# turns) against a running Milvus, e.g. Milvus Lite: `milvus-lite server --data-dir DIR --host 127.0.0.1`.
# Arguments go to EndToEndMain: [--uri http://127.0.0.1:19530] [--rounds 3] [--batches 5] [--searches 60]
# [--budget-seconds 240]. Prints a table and writes it to results/e2e-result.md.
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
java -Xms4g -Xmx4g -cp "$here/target/classes:$here/target/lib/*" \
	dev.milvusboot.benchmarks.e2e.EndToEndMain "$@" | tee "$here/target/e2e-result.log"
sed -n "/^End to end/,\$p" "$here/target/e2e-result.log" > "$here/results/e2e-result.md"
