/**
 * Benchmarks of our Milvus client against the official Milvus Java SDK ({@code io.milvus:milvus-sdk-java}): shared
 * test data and helpers. Not published; {@code run-jmh.sh} runs the microbenchmarks.
 */
package dev.milvusboot.benchmarks;
