/**
 * Options and results of the administrative operations of {@link dev.milvusboot.client.MilvusClient}: creating
 * collections, aliases and compaction; users, roles, grants ({@link dev.milvusboot.client.admin.Grant},
 * {@link dev.milvusboot.client.admin.Privilege}) and privilege groups.
 */
package dev.milvusboot.client.admin;
