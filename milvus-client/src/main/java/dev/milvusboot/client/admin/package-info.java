/**
 * Options and results of the administrative operations of {@link dev.milvusboot.client.MilvusClient}: creating
 * collections, aliases and compaction.
 */
package dev.milvusboot.client.admin;
