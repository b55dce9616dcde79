#!/usr/bin/env bash
# Builds milvus-client, milvus-local and this module (tests skipped; Maven fetches what the local repository lacks)
# and copies this module's runtime dependencies to target/lib, so that a rebuild of milvus-client by someone else
# cannot pull them away mid-run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
rm -rf "$here/target/lib"
build() {
	./mvnw -B -q "$@" package dependency:copy-dependencies \
		-Dmaven.test.skip=true -DoutputDirectory=target/lib -DincludeScope=runtime
}
# A module the benchmarks depend on may be mid-change: fall back to the installed snapshots.
build -pl milvus-benchmarks -am >/dev/null 2>&1 || build -pl milvus-benchmarks
