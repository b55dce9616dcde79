/**
 * Benchmarks of the new paths against their rivals (issue 16): full-text (BM25) and hybrid search (ours, the
 * official Java SDK, pymilvus), the Spring AI and LangChain4j stores (ours and the official integrations), the
 * repository's overhead over the client, and reactive against blocking concurrency. {@link
 * dev.milvusboot.benchmarks.paths.PathsMain} runs them; each contender runs in a process of its own
 * ({@link dev.milvusboot.benchmarks.paths.PathsWorkerMain}, {@code paths/pymilvus_paths.py}).
 */
package dev.milvusboot.benchmarks.paths;
