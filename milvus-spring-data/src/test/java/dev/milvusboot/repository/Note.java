package dev.milvusboot.repository;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** An entity with a nullable field, for IsNull and IsNotNull. */
@MilvusCollection("repository_contract_notes")
record Note(@MilvusId long id, @MilvusField(nullable = true) String text, @MilvusVector(dimension = 2) float[] v) {

}
