/**
 * Data operations' requests and results: rows, inserts, queries, searches and their hits. Vectors are
 * {@code float[]} (or {@code byte[]} for binary, float16, bfloat16 and int8 vectors, {@link SparseVector} for
 * sparse ones), never boxed.
 */
package dev.milvusboot.client.data;
