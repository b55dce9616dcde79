#!/usr/bin/env bash
# Measures the three local servers (Milvus Lite 2.5 NATIVE, Milvus Lite 3.x PYTHON, Milvus standalone 2.3) on this
# machine: first start on an empty cache directory (install + start), installed size, start-up time once installed
# and resident memory when idle. Not part of the build. Needs network access to PyPI; takes a few minutes.
# Usage: milvus-local/measure-local-servers.sh [--cache EMPTY_DIR] [--starts N] [NATIVE] [PYTHON] [STANDALONE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
./mvnw -B -q -pl milvus-local test-compile dependency:build-classpath \
	-Dmdep.outputFile="$here/target/measure.classpath" -Dmdep.includeScope=test
exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/measure.classpath")" \
	dev.milvusboot.local.LocalServersMeasurement "$@"
