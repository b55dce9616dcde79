/**
 * Docker Compose service connection support for Milvus.
 */
@NullMarked
package dev.milvusboot.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;
