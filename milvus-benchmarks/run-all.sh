#!/usr/bin/env bash
# Every benchmark of this module in one run, then the report (results/report.md):
#   1. JMH microbenchmarks (results/jmh-result.md), about 5.5 minutes, unless --skip-jmh
#   2. end to end on Milvus 2.3.5 standalone (results/e2e-standalone.md, chart docs/benchmarks-search.png)
#   3. end to end on Milvus Lite 3.2.2 (results/e2e-lite.md)                    2 + 3: at most 25 minutes
#   4. footprint (results/footprint.md), about 4 minutes, unless --skip-footprint
#   5. start-up to the first call, ours vs the SDK (results/startup-first-call.md), with the Boot application on the
#      starter closure the footprint resolved, about 2 minutes, unless --skip-startup
# Usage: milvus-benchmarks/run-all.sh [--skip-jmh] [--skip-e2e] [--skip-footprint] [--skip-startup] [-- E2E OPTIONS...]
# (run-fair.sh runs the three parts docs/benchmarks.md quotes and copies their tables into it.)
# Servers are started and stopped by the harness; only 127.0.0.1 is used. Run nothing else heavy meanwhile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jmh=1 e2e=1 footprint=1 startup=1
e2e_options=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--skip-jmh) jmh=0 ;;
		--skip-e2e) e2e=0 ;;
		--skip-footprint) footprint=0 ;;
		--skip-startup) startup=0 ;;
		--) shift; e2e_options=("$@"); break ;;
		*) echo "Unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
"$here/build.sh"
export SKIP_BUILD=1
if [[ $jmh == 1 ]]; then
	(cd "$here/.." && java -cp "$here/target/classes:$here/target/lib/*" -Dbenchmarks.results="$here/results" \
		dev.milvusboot.benchmarks.jmh.BenchmarkMain)
fi
if [[ $e2e == 1 ]]; then
	"$here/run-e2e.sh" --server standalone --chart "$here/../docs/benchmarks-search.png" ${e2e_options[@]+"${e2e_options[@]}"}
	"$here/run-e2e.sh" --server lite ${e2e_options[@]+"${e2e_options[@]}"}
fi
if [[ $footprint == 1 ]]; then
	"$here/run-footprint.sh"
fi
if [[ $startup == 1 ]]; then
	boot=()
	if [[ -d "$here/target/footprint/starter/lib" ]]; then
		boot=(--boot-lib "$here/target/footprint/starter/lib")
	fi
	"$here/run-startup.sh" ${boot[@]+"${boot[@]}"}
fi
{
	echo "# Benchmark results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)"
	echo
	for part in jmh-result e2e-standalone e2e-lite footprint startup-first-call; do
		if [[ -f "$here/results/$part.md" ]]; then
			cat "$here/results/$part.md"
			echo
		fi
	done
} > "$here/results/report.md"
echo "Report: $here/results/report.md"
