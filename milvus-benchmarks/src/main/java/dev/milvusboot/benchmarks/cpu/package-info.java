/**
 * Client CPU per search and per inserted row: our client and the official SDK, each in a JVM of its own, taking
 * turns against one Milvus 2.3 standalone server, with the process CPU time read around each window; and a summary
 * of Java Flight Recorder samples by frame.
 */
package dev.milvusboot.benchmarks.cpu;
