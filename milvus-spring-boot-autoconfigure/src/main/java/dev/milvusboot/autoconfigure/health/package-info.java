/**
 * Health indicator for Milvus and its auto-configuration.
 */
@NullMarked
package dev.milvusboot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
