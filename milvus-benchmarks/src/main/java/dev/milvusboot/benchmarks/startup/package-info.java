/**
 * Fair start-up: the time from a fresh JVM's start to the first successful call, our client against the official
 * SDK (and a Spring Boot application with our starter), each in fresh JVMs taking turns.
 */
package dev.milvusboot.benchmarks.startup;
