/**
 * Repository query methods for Milvus: filters derived from method names or given with
 * {@link dev.milvusboot.repository.Query @Query}, always with their values bound as filter parameters, reads in
 * primary key order, and vector searches with Spring Data's {@code Vector}, {@code Score} and {@code Similarity}.
 * Each method is derived once ({@code DerivedQuery}, {@code AnnotatedFilter}) and run blocking on
 * {@code MilvusTemplate} or reactively on {@code ReactiveMilvusTemplate}.
 */
package dev.milvusboot.repository.query;
