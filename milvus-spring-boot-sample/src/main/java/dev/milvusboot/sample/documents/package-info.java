/**
 * A semantic document store over Milvus: the {@link dev.milvusboot.sample.documents.Document} entity (typed
 * mapping), the {@link dev.milvusboot.sample.documents.DocumentRepository} (a Spring Data repository: derived
 * filters and vector search), the {@link dev.milvusboot.sample.documents.DocumentStore} on it, and its REST API
 * with typed filter fields and errors as RFC 9457 problem details.
 */
@NullMarked
package dev.milvusboot.sample.documents;

import org.jspecify.annotations.NullMarked;
