/**
 * The client's commands in reactive form, as Project Reactor {@code Mono}s and {@code Flux}es (Reactor is an
 * optional dependency: add {@code reactor-core} to use them). The {@code Mono} interfaces are generated at build
 * time from the blocking ones in {@code dev.milvusboot.client.api.sync}.
 */
package dev.milvusboot.client.api.reactive;
