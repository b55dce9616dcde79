/**
 * The client's commands in asynchronous form: each returns a {@code CompletableFuture} at once, and no client
 * code blocks a thread for it. The interfaces are generated at build time from the blocking ones in
 * {@code dev.milvusboot.client.api.sync}.
 */
package dev.milvusboot.client.api.async;
