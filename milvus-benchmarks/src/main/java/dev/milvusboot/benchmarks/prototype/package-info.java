/**
 * Prototypes of fixes to our client's codec, measured here before they move into
 * {@code dev.milvusboot.client.internal.codec}: not used by the client yet.
 */
package dev.milvusboot.benchmarks.prototype;
