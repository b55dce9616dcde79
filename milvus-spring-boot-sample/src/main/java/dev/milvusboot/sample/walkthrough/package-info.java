/**
 * A start-up walkthrough of the classic Milvus workflow with {@code MilvusTemplate}, each step logged.
 */
@NullMarked
package dev.milvusboot.sample.walkthrough;

import org.jspecify.annotations.NullMarked;
