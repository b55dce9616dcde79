/**
 * The client's commands in blocking form, one interface per area ({@code MilvusXxxCommands}); their asynchronous
 * ({@code dev.milvusboot.client.api.async}) and reactive ({@code dev.milvusboot.client.api.reactive}) forms are
 * derived from these interfaces at build time, so the three forms always offer the same operations.
 */
package dev.milvusboot.client.api.sync;
