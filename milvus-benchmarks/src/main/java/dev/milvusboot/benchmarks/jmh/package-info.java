/**
 * JMH microbenchmarks of the client-side work of both clients (building requests down to bytes, decoding
 * responses from bytes), each with an {@code ours} and a {@code theirs} method doing the same work, and
 * {@link dev.milvusboot.benchmarks.jmh.BenchmarkMain}, which runs them and writes the results.
 */
package dev.milvusboot.benchmarks.jmh;
