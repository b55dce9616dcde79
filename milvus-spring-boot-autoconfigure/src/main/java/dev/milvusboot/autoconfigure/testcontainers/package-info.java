/**
 * Testcontainers {@code @ServiceConnection} support for Milvus.
 */
@NullMarked
package dev.milvusboot.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
