/**
 * Auto-configuration of the LangChain4j {@code EmbeddingStore} of {@code milvus-langchain4j} on the Milvus client.
 */
package dev.milvusboot.autoconfigure.langchain4j;
