#!/usr/bin/env bash
# The new paths against their rivals (dev.milvusboot.benchmarks.paths.PathsMain), each contender in a process of
# its own, the order rotated every round:
#   text        full-text (BM25) and hybrid (dense + BM25, RRF) search at 1/4/16 threads: ours (defaults and search
#               coalescing off), the official Java SDK and pymilvus, on Milvus Lite 3.2 (Milvus 2.3 has no BM25)
#   stores      Spring AI VectorStore and LangChain4j EmbeddingStore: add docs/s and similarity-search latency,
#               ours against spring-ai-milvus-store and langchain4j-milvus
#   repository  a derived vector search through MilvusRepository against the same search through the client
#   reactive    1,000 concurrent searches: ReactiveMilvusTemplate from 2 event loops against the blocking client
#               on 200 threads (throughput, threads)
#   milvus-benchmarks/run-paths.sh                        # all parts on Milvus Lite 3.2, about 15 minutes (estimate)
#   milvus-benchmarks/run-paths.sh --server standalone    # stores, repository, reactive on Milvus 2.3.5
# Options: [--parts text,stores,repository,reactive] [--text-rows 20000] [--store-rows 4500] [--rows 20000]
# [--rounds 3] [--seconds 4] [--warm-up 3] [--threads 1,4,16] [--batch 100] [--searches 1000]
# [--store-warm-up-adds 150] [--store-warm-up 10] (the stores' warm-up: add calls and seconds of searches per store)
# [--worker-jvm-option -XX:StartFlightRecording=filename=target/paths/] (repeatable). A smoke run:
#   milvus-benchmarks/run-paths.sh --text-rows 2000 --store-rows 600 --rows 2000 --rounds 2 --seconds 1 --warm-up 1 \
#     --store-warm-up-adds 2 --store-warm-up 1
# Writes results/paths-{text,spring-ai,langchain4j,repository,reactive}.md and .json, and results/paths.log.
# SKIP_BUILD=1 uses the classes and target/lib of an earlier build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
	"$here/build.sh"
fi
cd "$here"
mkdir -p results
exec java -Xms512m -Xmx1g -cp "$here/target/classes:$here/target/lib/*" dev.milvusboot.benchmarks.paths.PathsMain "$@"
