package dev.milvusboot.repository;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** The entity Spring Batch jobs write and read by the ten thousand. */
@MilvusCollection("repository_batch_ledger")
record Ledger(@MilvusId long id, @MilvusField(maxLength = 32) String account, long cents,
		@MilvusVector(dimension = 2, indexType = IndexType.FLAT) float[] v) {

}
