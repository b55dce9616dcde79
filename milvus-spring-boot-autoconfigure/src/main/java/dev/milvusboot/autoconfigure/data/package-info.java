/**
 * Auto-configuration of the Spring data-access layer of {@code milvus-spring-data}: the {@code MilvusTemplate} and,
 * with Reactor present, the {@code ReactiveMilvusTemplate}.
 */
package dev.milvusboot.autoconfigure.data;
