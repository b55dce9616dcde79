/**
 * The data operations behind {@link dev.milvusboot.client.MilvusClient} (writes, reads, search and iterators) that
 * have not moved to the command layer ({@code internal.command}) yet, taking the client core and the call settings
 * of the client or view that called them. Internal API.
 */
package dev.milvusboot.client.internal.ops;
