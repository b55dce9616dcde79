/**
 * Auto-configuration of the Spring data-access layer of {@code milvus-spring-data}: the {@code MilvusTemplate}.
 */
package dev.milvusboot.autoconfigure.data;
