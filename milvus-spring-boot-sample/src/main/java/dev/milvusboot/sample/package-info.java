/**
 * A small Spring Boot application on the Milvus starter: a start-up walkthrough of the classic Milvus workflow and
 * a REST API over a semantic document store, against a local Milvus Lite.
 */
@NullMarked
package dev.milvusboot.sample;

import org.jspecify.annotations.NullMarked;
