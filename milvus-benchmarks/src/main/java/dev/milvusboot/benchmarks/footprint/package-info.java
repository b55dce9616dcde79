/**
 * Footprint of our client against the official SDK: our jar sizes, the dependency closure of an application, heap
 * used after connecting and the start-up time our auto-configuration adds. {@code FootprintMain} runs them all.
 */
package dev.milvusboot.benchmarks.footprint;
