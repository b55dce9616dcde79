/**
 * A semantic document store over Milvus: the {@link dev.milvusboot.sample.documents.Document} entity (typed
 * mapping), the {@link dev.milvusboot.sample.documents.DocumentStore} on {@code MilvusTemplate}, and its REST API
 * with errors as RFC 9457 problem details.
 */
@NullMarked
package dev.milvusboot.sample.documents;

import org.jspecify.annotations.NullMarked;
