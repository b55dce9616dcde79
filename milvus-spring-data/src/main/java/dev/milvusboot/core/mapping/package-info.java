/**
 * Mapping of Java records and classes to Milvus collections on Spring Data's mapping infrastructure: annotations for
 * the collection, the primary key, dense vectors ({@code @MilvusVector} on a {@code float[]} or Spring Data
 * {@code Vector}, one or several), sparse vectors ({@code @MilvusSparseVector}), full-text fields with their BM25
 * function ({@code @MilvusFullText}) and scalar, ARRAY and JSON fields; the {@code MilvusMappingContext} of
 * persistent entities and properties, the {@code MilvusCustomConversions} (enums, dates, the application's
 * converters), the {@code MappingMilvusConverter} between entities and rows, and the {@code EntityMapper} that turns
 * entities into schemas, indexes and rows and back.
 */
package dev.milvusboot.core.mapping;
