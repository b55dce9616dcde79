/**
 * Auto-configuration of the Spring AI {@code VectorStore} of {@code milvus-spring-ai} on the Milvus client.
 */
package dev.milvusboot.autoconfigure.springai;
