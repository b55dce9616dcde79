package dev.milvusboot.repository;

import java.util.List;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** An entity with list members mapped to ARRAY fields, for Containing, NotContaining, IsEmpty and IsNotEmpty. */
@MilvusCollection("repository_contract_tagged")
record Tagged(@MilvusId long id, @MilvusField(maxLength = 64, maxCapacity = 8) List<String> tags,
		@MilvusField(maxCapacity = 8) List<Integer> scores,
		@MilvusVector(dimension = 2, indexType = IndexType.FLAT) float[] v) {

}
