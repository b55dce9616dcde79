/**
 * Tests of the query iterator's completeness against real servers.
 */
package dev.milvusboot.client.iteration;
