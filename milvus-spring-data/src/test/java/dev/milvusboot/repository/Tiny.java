package dev.milvusboot.repository;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** A small entity stored by the thousand, for pages past Milvus' offset + limit window. */
@MilvusCollection("repository_contract_many")
record Tiny(@MilvusId long id, int n, @MilvusVector(dimension = 2, indexType = IndexType.FLAT) float[] v) {

}
