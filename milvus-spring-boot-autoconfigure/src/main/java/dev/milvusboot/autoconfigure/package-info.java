/**
 * Auto-configuration of the Milvus client: properties, connection details, client options and the client.
 */
@NullMarked
package dev.milvusboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
