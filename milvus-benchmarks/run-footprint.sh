#!/usr/bin/env bash
# Footprint (dev.milvusboot.benchmarks.footprint.FootprintMain): our jar sizes, dependency closures of an
# application (ours vs the official SDK), heap after connecting, start-up time our auto-configuration adds.
# Installs our modules into a private repository (target/footprint/repo; ~/.m2 is only read). About 4 minutes.
# Options: [--server lite|URI] [--heap-runs 5] [--cold-runs 15] [--warm-runs 30]. Writes results/footprint.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xmx1g -cp "$here/target/classes:$here/target/lib/*" \
	dev.milvusboot.benchmarks.footprint.FootprintMain --root "$here/.." --results "$here/results" "$@"
