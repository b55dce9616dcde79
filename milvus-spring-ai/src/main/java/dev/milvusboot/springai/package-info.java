/**
 * A Spring AI {@code VectorStore} on the Milvus client: {@link dev.milvusboot.springai.MilvusClientVectorStore}
 * and its {@link dev.milvusboot.springai.MilvusVectorStoreOptions}.
 */
package dev.milvusboot.springai;
