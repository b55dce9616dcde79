/**
 * The operations behind {@link dev.milvusboot.client.MilvusClient}, one small class per area (collections,
 * partitions, indexes, aliases, databases, flush and compaction, data), each taking the client core and the call
 * settings of the client or view that called it. Operations that wait for asynchronous server work poll within the
 * call's deadline. Internal API.
 */
package dev.milvusboot.client.internal.ops;
