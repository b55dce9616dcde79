/**
 * Micrometer metrics of Milvus clients: pool gauges and data counters.
 */
@NullMarked
package dev.milvusboot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
