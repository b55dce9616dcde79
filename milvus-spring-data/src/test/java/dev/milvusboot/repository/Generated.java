package dev.milvusboot.repository;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** A record whose ids Milvus generates. */
@MilvusCollection("repository_contract_generated")
record Generated(@MilvusId(autoId = true) Long id, String name, @MilvusVector(dimension = 2) float[] v) {

}
