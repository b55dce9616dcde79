/**
 * Turning text into vectors: the {@link dev.milvusboot.sample.embedding.Embedder} contract and a deterministic,
 * offline stand-in for a real embedding model.
 */
@NullMarked
package dev.milvusboot.sample.embedding;

import org.jspecify.annotations.NullMarked;
