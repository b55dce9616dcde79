/**
 * Zero-setup local Milvus: with {@code milvus.lite.enabled=true} and {@code milvus-local} on the classpath, the
 * starter installs and starts Milvus Lite on 127.0.0.1 and connects the client to it.
 */
@NullMarked
package dev.milvusboot.autoconfigure.lite;

import org.jspecify.annotations.NullMarked;
