/**
 * Micrometer observations (timers and spans) of Milvus client operations.
 */
@NullMarked
package dev.milvusboot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
