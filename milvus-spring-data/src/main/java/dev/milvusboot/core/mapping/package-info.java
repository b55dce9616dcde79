/**
 * Mapping of Java records and classes to Milvus collections: annotations for the collection, the primary key,
 * the vector field and scalar fields, and the mapper that turns entities into schemas and rows and back.
 */
package dev.milvusboot.core.mapping;
