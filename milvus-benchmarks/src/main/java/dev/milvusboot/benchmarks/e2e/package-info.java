/**
 * End-to-end comparison of our client and the official SDK against a running Milvus server: insert throughput and
 * search latency, the two clients taking turns.
 */
package dev.milvusboot.benchmarks.e2e;
