#!/usr/bin/env bash
# The fair measurement (issue 16) in one go, for a quiet machine: about 37 minutes on 2 cores with the defaults
# (build ~2, end to end ~18, start-up ~2, JMH ~15). Run nothing else meanwhile: servers and clients share the cores.
#   1. fair end to end on Milvus 2.3.5 standalone (run-e2e.sh): ours with defaults / coalescing off / off and one
#      connection, the SDK with one client / a client per thread / batching its own queries, pymilvus plain and
#      batching; order rotated in every round; client CPU per search and per inserted row
#      -> results/e2e-standalone.md, .json, .log and docs/benchmarks-search.png
#   2. start-up to the first call, ours vs the SDK, fresh JVMs taking turns (run-startup.sh)
#      -> results/startup-first-call.md and .json
#   3. JMH, 3 forks (run-jmh.sh) -> results/jmh-result.md and .json
# then copies the tables into docs/benchmarks.md (between its <!-- results:FILE --> markers) and writes
# results/fair-report.md (all three, with the machine and the load).
# Usage: milvus-benchmarks/run-fair.sh [--skip-e2e] [--skip-startup] [--skip-jmh] [--rows 100000] [--rounds 5]
#   [--search-seconds 6] [--warmup-seconds 5] [--startup-runs 10] [--jmh "-f 3 -wi 4 -i 6"]
#   [--results DIR] [--docs FILE] [-- MORE E2E OPTIONS]
# (--results and --docs default to milvus-benchmarks/results and docs/benchmarks.md; the chart goes next to the docs.)
# A quick check that everything works (about 8 minutes on a quiet machine, figures meaningless), away from the
# committed results and docs:
#   cp docs/benchmarks.md /tmp/benchmarks.md
#   milvus-benchmarks/run-fair.sh --rows 5000 --rounds 1 --search-seconds 1 --warmup-seconds 1 --startup-runs 2 \
#     --jmh "-f 1 -wi 1 -i 1" --results /tmp/fair-results --docs /tmp/benchmarks.md \
#     -- --search-rows 5000 --insert-rounds 1 --insert-warmup-batches 2
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
e2e=1 startup=1 jmh=1
rows=100000 rounds=5 search_seconds=6 warmup_seconds=5 startup_runs=10 jmh_options=""
results="$here/results" docs="$here/../docs/benchmarks.md"
e2e_options=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--skip-e2e) e2e=0 ;;
		--skip-startup) startup=0 ;;
		--skip-jmh) jmh=0 ;;
		--rows) rows="$2"; shift ;;
		--rounds) rounds="$2"; shift ;;
		--search-seconds) search_seconds="$2"; shift ;;
		--warmup-seconds) warmup_seconds="$2"; shift ;;
		--startup-runs) startup_runs="$2"; shift ;;
		--jmh) jmh_options="$2"; shift ;;
		--results) results="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
		--docs) docs="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
		--) shift; e2e_options=("$@"); break ;;
		*) echo "Unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
began=$(date +%s)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
"$here/build.sh"
export SKIP_BUILD=1
if [[ $e2e == 1 ]]; then
	insert_rounds=5
	if (( rows % 5000 != 0 )); then insert_rounds=1; fi
	"$here/run-e2e.sh" --server standalone --chart "$(dirname "$docs")/benchmarks-search.png" --results "$results" \
		--rows "$rows" \
		--insert-rounds "$insert_rounds" --rounds "$rounds" --search-seconds "$search_seconds" \
		--warmup-seconds "$warmup_seconds" ${e2e_options[@]+"${e2e_options[@]}"}
fi
if [[ $startup == 1 ]]; then
	boot=()
	if [[ -d "$here/target/footprint/starter/lib" ]]; then
		boot=(--boot-lib "$here/target/footprint/starter/lib")
	fi
	"$here/run-startup.sh" --runs "$startup_runs" --results "$results" ${boot[@]+"${boot[@]}"}
fi
if [[ $jmh == 1 ]]; then
	# shellcheck disable=SC2086 # the JMH options are split on purpose
	BENCHMARKS_RESULTS="$results" "$here/run-jmh.sh" $jmh_options
fi
cd "$here"
java -cp "$here/target/classes:$here/target/lib/*" dev.milvusboot.benchmarks.ResultsToDocs "$results" "$docs"
{
	echo "# Fair benchmark results ($(date -u '+%Y-%m-%d %H:%M UTC'))"
	echo
	echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB;"\
		"$(java -version 2>&1 | head -1); load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg);"\
		"$(( ($(date +%s) - began) / 60 )) minutes."
	echo
	for part in e2e-standalone startup-first-call jmh-result; do
		if [[ -f "$results/$part.md" ]]; then
			cat "$results/$part.md"
			echo
		fi
	done
} > "$results/fair-report.md"
echo "Report: $results/fair-report.md; tables copied into $docs"
