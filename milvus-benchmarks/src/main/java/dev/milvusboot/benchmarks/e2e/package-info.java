/**
 * End-to-end comparison on real servers started by the harness: our client, the official Java SDK and pymilvus,
 * each in a process of its own, taking turns (A B C ...) for insert throughput, search throughput and latency at
 * several thread counts, and get-by-id latency.
 */
package dev.milvusboot.benchmarks.e2e;
