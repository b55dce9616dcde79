/**
 * Ahead-of-time (GraalVM native image) hints for the Milvus client.
 */
@NullMarked
package dev.milvusboot.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
