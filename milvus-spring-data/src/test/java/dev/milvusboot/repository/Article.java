package dev.milvusboot.repository;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** The entity of the repository contract: scalars of each kind and a cosine vector searched exactly (FLAT). */
@MilvusCollection("repository_contract_articles")
record Article(@MilvusId long id, @MilvusField(maxLength = 200) String title, String topic, int year, double rating,
		boolean published,
		@MilvusVector(dimension = 4, metric = MetricType.COSINE, indexType = IndexType.FLAT) float[] embedding) {

	@Override
	public String toString() {
		return "Article " + this.id + " '" + this.title + "'";
	}

}
