/**
 * Mapping of Java records and classes to Milvus collections: annotations for the collection, the primary key,
 * dense vectors ({@code @MilvusVector}, one or several), sparse vectors ({@code @MilvusSparseVector}), full-text
 * fields with their BM25 function ({@code @MilvusFullText}) and scalar, ARRAY and JSON fields, and the mapper that
 * turns entities into schemas, indexes and rows and back.
 */
package dev.milvusboot.core.mapping;
